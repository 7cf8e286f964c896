import { detectLanguage } from '../ingest/language.js';
import { analyze, stemLanguageOf } from '../search/analysis.js';
import { displayCountry, displayLanguage, displayTopic, tagText } from '../taxonomy/index.js';
import { type CoopEntry, MODALITY_NAMES, type Modality } from './entry.js';

/**
 * Matching of the cooperation exchange, pure: for a request, the offers ranked best first (and for
 * an offer, the requests), each with the reasons a Secretariat officer would give, in English and
 * Spanish. What decides, in order of weight:
 *
 * - topics: the declared ones, and those the title and summary name, programmes included (the
 *   taxonomy reads "Bolsa Família", "programa Juntos" or "Sisbén" as their topics), weighted by how
 *   rare each topic is in the exchange, so that a broad topic ("social protection systems") says less;
 * - text: the words of title and summary as search analyses them (stemmed in the text's own
 *   language, accents folded, stop words out), tf-idf cosine; across English and Spanish the topic
 *   vectors carry the match, since the taxonomy names each topic in both;
 * - modality and language fit: a modality offered and asked for, a language both can work in;
 * - distance from an earlier exchange: a pair of institutions (or countries) that already did an
 *   exchange on the same topics is ranked lower, so that the exchange spreads.
 *
 * An entry never matches one from its own country, nor one withdrawn or done.
 */

export interface Reason {
  en: string;
  es: string;
}

export interface Match {
  entry: CoopEntry;
  /** 0..1, higher is better. */
  score: number;
  reasons: Reason[];
}

/** An exchange done: the offer and the request it served (read from done entries' counterparts). */
export interface DoneExchange {
  offer: CoopEntry;
  request: CoopEntry;
  /** When it was done (ISO), for the reason's year. */
  at: string;
}

export const WEIGHTS = { topics: 0.5, text: 0.3, modality: 0.1, language: 0.1 } as const;
/** How much of its score a match keeps at most lost for an earlier exchange of the same pair. */
export const REPEAT_PENALTY = 0.35;
/** Without a shared topic, the least text similarity a match needs (a common word or two is not one). */
export const MIN_TEXT = 0.1;
const DECLARED = 1;
const NAMED_IN_TEXT = 0.8;
const TITLE_REPEAT = 2;

interface Profile {
  /** Topic weights: declared 1, named in the text 0.8 (what the reasons order by). */
  named: Map<string, number>;
  /** The same weighted by rarity (what the score uses). */
  topics: Map<string, number>;
  terms: Map<string, number>;
}

type Vector = Map<string, number>;

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [k, v] of a) {
    na += v * v;
    const w = b.get(k);
    if (w !== undefined) dot += v * w;
  }
  for (const v of b.values()) nb += v * v;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** The topics an entry declares and those its title and summary name (programmes included). */
export function entryTopics(entry: Pick<CoopEntry, 'topics' | 'title' | 'summary'>): Map<string, number> {
  const topics = new Map<string, number>();
  for (const t of tagText([entry.title, entry.summary]).topics) topics.set(t, NAMED_IN_TEXT);
  for (const t of entry.topics) topics.set(t, DECLARED);
  return topics;
}

function termsOf(entry: CoopEntry): Map<string, number> {
  const text = `${entry.title}. ${entry.summary}`;
  const language = stemLanguageOf(detectLanguage(text) ?? entry.languages[0] ?? 'en');
  const terms = new Map<string, number>();
  const add = (words: string[], weight: number) => {
    for (const w of words) terms.set(w, (terms.get(w) ?? 0) + weight);
  };
  add(analyze(entry.title, language), TITLE_REPEAT);
  add(analyze(entry.summary, language), 1);
  return terms;
}

/** Ranks offers for requests and requests for offers, over one set of entries (idf over the set). */
export class CoopMatcher {
  private readonly profiles = new Map<string, Profile>();
  private readonly topicIdf = new Map<string, number>();
  private readonly termIdf = new Map<string, number>();

  constructor(
    readonly entries: readonly CoopEntry[],
    private readonly done: readonly DoneExchange[] = [],
  ) {
    const raw = entries.map((e) => ({ id: e.id, topics: entryTopics(e), terms: termsOf(e) }));
    const n = Math.max(1, raw.length);
    const df = (pick: (p: (typeof raw)[number]) => Map<string, number>) => {
      const counts = new Map<string, number>();
      for (const p of raw) for (const k of pick(p).keys()) counts.set(k, (counts.get(k) ?? 0) + 1);
      return counts;
    };
    for (const [k, c] of df((p) => p.topics)) this.topicIdf.set(k, Math.log(1 + n / c));
    for (const [k, c] of df((p) => p.terms)) this.termIdf.set(k, Math.log(1 + n / c));
    for (const p of raw) {
      this.profiles.set(p.id, {
        named: p.topics,
        topics: weigh(p.topics, this.topicIdf),
        terms: weigh(p.terms, this.termIdf),
      });
    }
  }

  private profile(entry: CoopEntry): Profile {
    let p = this.profiles.get(entry.id);
    if (!p) {
      const named = entryTopics(entry);
      p = { named, topics: weigh(named, this.topicIdf), terms: weigh(termsOf(entry), this.termIdf) };
      this.profiles.set(entry.id, p);
    }
    return p;
  }

  /** The other kind's live entries that fit, best first (ties by id), at most `limit`. */
  matchesFor(subject: CoopEntry, limit = 5): Match[] {
    const out: Match[] = [];
    for (const candidate of this.entries) {
      if (candidate.kind === subject.kind || candidate.country === subject.country) continue;
      if (candidate.status === 'withdrawn' || candidate.status === 'done') continue;
      const [offer, request] = subject.kind === 'offer' ? [subject, candidate] : [candidate, subject];
      const match = this.pair(offer, request);
      if (match.score > 0) out.push({ ...match, entry: candidate });
    }
    return out.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id)).slice(0, limit);
  }

  /** The score of an offer for a request, and why. */
  pair(offer: CoopEntry, request: CoopEntry): Omit<Match, 'entry'> {
    const po = this.profile(offer);
    const pr = this.profile(request);
    const topicScore = cosine(po.topics, pr.topics);
    const textScore = cosine(po.terms, pr.terms);
    // Modality and language alone make no match: what is offered must be about what is asked.
    if (topicScore === 0 && textScore < MIN_TEXT) return { score: 0, reasons: [] };
    const reasons: Reason[] = [];

    const shared = [...pr.topics.keys()]
      .filter((t) => po.topics.has(t))
      .sort(
        (a, b) =>
          po.named.get(b)! * pr.named.get(b)! - po.named.get(a)! * pr.named.get(a)! ||
          po.topics.get(b)! * pr.topics.get(b)! - po.topics.get(a)! * pr.topics.get(a)!,
      )
      .slice(0, 2);
    if (shared.length > 0) {
      reasons.push({
        en: `same topic: ${shared.map((t) => displayTopic(t, 'en').toLowerCase()).join(', ')}`,
        es: `mismo tema: ${shared.map((t) => displayTopic(t, 'es').toLowerCase()).join(', ')}`,
      });
    }
    if (textScore >= 0.15) reasons.push({ en: 'similar description', es: 'descripción parecida' });
    // What let a pair with no topic in common through (MIN_TEXT): said, so no match shows only
    // the modality and the language, which alone make none.
    else if (shared.length === 0 && textScore >= MIN_TEXT)
      reasons.push({ en: 'some words in common', es: 'algunas palabras en común' });

    const modalities = request.modalities.filter((m) => offer.modalities.includes(m));
    const modalityScore = modalities.length > 0 ? 1 : request.modalities.length === 0 ? 0.5 : 0;
    if (modalities.length > 0) reasons.push(modalityReason(modalities));

    const languages = request.languages.filter((l) => offer.languages.includes(l));
    const languageScore = languages.length > 0 ? 1 : 0;
    reasons.push(languageReason(languages, offer, request));

    let score =
      WEIGHTS.topics * topicScore +
      WEIGHTS.text * textScore +
      WEIGHTS.modality * modalityScore +
      WEIGHTS.language * languageScore;
    const earlier = this.earlierExchange(offer, request);
    if (earlier) {
      score *= 1 - REPEAT_PENALTY * earlier.closeness;
      reasons.push(earlier.reason);
    }
    return { score: Math.round(score * 1000) / 1000, reasons };
  }

  /** The closest exchange already done between the offer's and the request's institutions or countries. */
  private earlierExchange(
    offer: CoopEntry,
    request: CoopEntry,
  ): { closeness: number; reason: Reason } | undefined {
    let best: { closeness: number; done: DoneExchange } | undefined;
    for (const done of this.done) {
      if (done.offer.id === offer.id && done.request.id === request.id) continue;
      const sameOffering =
        done.offer.id === offer.id || sameInstitution(done.offer, offer)
          ? 1
          : done.offer.country === offer.country
            ? 0.5
            : 0;
      const sameRequesting = sameInstitution(done.request, request)
        ? 1
        : done.request.country === request.country
          ? 0.5
          : 0;
      if (sameOffering === 0 || sameRequesting === 0) continue;
      const topical = cosine(this.profile(done.offer).topics, this.profile(offer).topics);
      const closeness = sameOffering * sameRequesting * topical;
      if (closeness > 0 && (!best || closeness > best.closeness)) best = { closeness, done };
    }
    if (!best) return undefined;
    const year = best.done.at.slice(0, 4);
    const from = best.done.offer.country;
    const to = best.done.request.country;
    return {
      closeness: best.closeness,
      reason: {
        en: `${displayCountry(from, 'en')} already shared ${best.done.offer.title} with ${displayCountry(to, 'en')} (done ${year})`,
        es: `${displayCountry(from, 'es')} ya compartió ${best.done.offer.title} con ${displayCountry(to, 'es')} (realizado en ${year})`,
      },
    };
  }
}

function weigh(values: Map<string, number>, idf: Map<string, number>): Vector {
  const out: Vector = new Map();
  for (const [k, v] of values) out.set(k, v * (idf.get(k) ?? 1));
  return out;
}

const sameInstitution = (a: CoopEntry, b: CoopEntry) =>
  a.country === b.country && a.institution.trim().toLowerCase() === b.institution.trim().toLowerCase();

function modalityReason(modalities: Modality[]): Reason {
  const list = (lang: 'en' | 'es') =>
    modalities.map((m) => MODALITY_NAMES[m][lang]).join(lang === 'en' ? ', ' : ', ');
  return {
    en: `${list('en')} offered and asked for`,
    es: `${list('es')}: ofrecido y solicitado`,
  };
}

function languageReason(languages: string[], offer: CoopEntry, request: CoopEntry): Reason {
  const names = (codes: readonly string[], lang: 'en' | 'es') =>
    codes.map((c) => displayLanguage(c, lang)).join(lang === 'en' ? ' and ' : ' y ');
  if (languages.length === 0) {
    return {
      en: `no common language (offered in ${names(offer.languages, 'en')}, asked in ${names(request.languages, 'en')})`,
      es: `sin idioma común (ofrecido en ${names(offer.languages, 'es').toLowerCase()}, solicitado en ${names(request.languages, 'es').toLowerCase()})`,
    };
  }
  return {
    en: `both in ${names(languages, 'en')}`,
    es: `ambos en ${names(languages, 'es').toLowerCase()}`,
  };
}

/**
 * The baseline the measure compares against: plain overlap of the declared topics (Jaccard), the
 * same exclusions, ties in the order the entries were given.
 */
export function topicOverlapRanking(
  subject: CoopEntry,
  entries: readonly CoopEntry[],
  limit = 5,
): CoopEntry[] {
  const scored: { entry: CoopEntry; score: number; order: number }[] = [];
  entries.forEach((candidate, order) => {
    if (candidate.kind === subject.kind || candidate.country === subject.country) return;
    if (candidate.status === 'withdrawn' || candidate.status === 'done') return;
    const shared = candidate.topics.filter((t) => subject.topics.includes(t)).length;
    const union = new Set([...candidate.topics, ...subject.topics]).size;
    if (shared > 0) scored.push({ entry: candidate, score: shared / union, order });
  });
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((s) => s.entry);
}

/** The exchanges done, from entries whose status is done and whose counterpart is known. */
export function doneExchanges(entries: readonly CoopEntry[]): DoneExchange[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: DoneExchange[] = [];
  for (const request of entries) {
    if (request.kind !== 'request' || request.status !== 'done' || !request.counterpart) continue;
    const offer = byId.get(request.counterpart);
    if (offer) out.push({ offer, request, at: request.updatedAt });
  }
  return out;
}
