import type { RelayConfig } from '../config.js';
import type { CoopEntry } from '../coop/entry.js';
import { filterWantsEntry, isLive } from '../coop/notices.js';
import type { Resource } from '../domain/resource.js';
import { oneLine, safeHttpUrl } from '../email/render.js';
import { eventCalendarPath, formatEventPlace, formatEventWhen } from '../events/format.js';
import type { DatedEvent } from '../events/upcoming.js';
import { KeywordMatcher, matchesResource } from '../filters/keywords.js';
import { displayCountry } from '../taxonomy/index.js';
import type { DigestLanguage, Subscription } from './model.js';
import { SECTION_OF, SECTION_ORDER, type SectionId, STRINGS } from './strings.js';
import { signToken, type TokenSecret } from './tokens.js';

/**
 * What goes into one subscriber's digest: the resources first seen in [since, until) that match
 * the subscription's filter, newest first, in sections by type, at most N of them, plus the
 * partner highlight of the month when one arrived in the window. Pure: no store, no I/O.
 */

export interface DigestEntry {
  id: string;
  title: string;
  /** Absent when the feed's link was not http(s): the entry is shown without a link. */
  url?: string;
  partner: string;
  date: string;
  language: string;
  /** The resource's own language code (`es`, `pt`), for the `lang` of its title and summary; '' when unknown. */
  lang: string;
  type: string;
  summary: string;
}

/** An upcoming event in the digest's own section: when (in the event's zone) and where. */
export interface DigestEventEntry {
  id: string;
  title: string;
  url?: string;
  /** The resource's own language code, for `lang`; '' when unknown. */
  lang: string;
  when: string;
  where?: string;
  registrationUrl?: string;
  calendarUrl: string;
}

/** A new offer or request of the cooperation exchange, in the digest's own section. */
export interface DigestCoopEntry {
  id: string;
  /** "Offer" / "Oferta". */
  kind: string;
  title: string;
  /** "FOSIS, Chile". */
  who: string;
  summary: string;
}

/** At most this many offers and requests in a digest. */
export const DIGEST_MAX_COOP = 10;

/** At most this many upcoming events in a digest. */
export const DIGEST_MAX_EVENTS = 10;
/** How far ahead the digest's upcoming events reach. */
export const DIGEST_EVENT_DAYS = 30;

export interface DigestSection {
  id: SectionId;
  title: string;
  entries: DigestEntry[];
}

export interface Digest {
  subscriptionId: string;
  email: string;
  language: DigestLanguage;
  period: string;
  since: string;
  until: string;
  /** Matching resources (highlight excluded). */
  total: number;
  shown: number;
  sections: DigestSection[];
  highlight?: DigestEntry;
  /** Events in the next 30 days that match the subscription, soonest first, announced before or not. */
  upcoming: DigestEventEntry[];
  /** New offers and requests on the subscription's topics (its section: "Cooperation: offers and requests"). */
  coop: DigestCoopEntry[];
  subject: string;
  moreUrl?: string;
  manageUrl: string;
  unsubscribeUrl: string;
}

export interface ComposeContext {
  config: RelayConfig;
  secret: TokenSecret;
  now: Date;
  /** Partner display names by id. */
  partnerNames: ReadonlyMap<string, string>;
  /**
   * Matches subscriptions' keywords; one per run, built with `partnerNames`, so that each resource
   * is analysed once however many subscribers' keywords ask about it.
   */
  keywords?: KeywordMatcher;
}

/**
 * Resources first seen in [since, until) matching the subscription (its ids and its keywords:
 * `matchesResource`, as follows and search read them), newest first. Pass the run's `keywords`
 * matcher; without one, a matcher that knows no partner names is made for this call.
 */
export function selectResources(
  resources: readonly Resource[],
  sub: Subscription,
  since: string,
  until: string,
  keywords: KeywordMatcher = new KeywordMatcher(),
) {
  const matched: Resource[] = [];
  let highlight: Resource | undefined;
  for (const r of resources) {
    if (r.firstSeenAt < since || r.firstSeenAt >= until) continue;
    if (r.type === 'highlight') {
      // The network's monthly feature goes to everyone, in their window, whatever their topics.
      if (!highlight || r.publishedAt > highlight.publishedAt) highlight = r;
      continue;
    }
    if (matchesResource(r, sub.filter, keywords)) matched.push(r);
  }
  matched.sort((a, b) => (a.publishedAt < b.publishedAt ? 1 : a.publishedAt > b.publishedAt ? -1 : 0));
  // A highlight is "of the month": only one published in the month the digest goes out.
  if (highlight && highlight.publishedAt.slice(0, 7) !== until.slice(0, 7)) highlight = undefined;
  return { matched, highlight };
}

/**
 * The upcoming events (soonest first, from `upcomingEvents`) that match the subscription, as
 * search and follows read its filter; at most DIGEST_MAX_EVENTS.
 */
export function selectUpcomingEvents(
  events: readonly DatedEvent[],
  sub: Subscription,
  keywords: KeywordMatcher = new KeywordMatcher(),
): DatedEvent[] {
  return events.filter((r) => matchesResource(r, sub.filter, keywords)).slice(0, DIGEST_MAX_EVENTS);
}

/**
 * The offers and requests created in [since, until), still taking partners, on a topic the
 * subscription names (and in its countries and languages, when it names them), newest first; at
 * most DIGEST_MAX_COOP. A subscription without topics gets none: the section is for those who
 * follow a topic.
 */
export function selectCoopEntries(
  entries: readonly CoopEntry[],
  sub: Subscription,
  since: string,
  until: string,
): CoopEntry[] {
  return entries
    .filter(
      (e) => e.createdAt >= since && e.createdAt < until && isLive(e) && filterWantsEntry(sub.filter, e),
    )
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
    .slice(0, DIGEST_MAX_COOP);
}

export function toCoopEntry(e: CoopEntry, language: DigestLanguage): DigestCoopEntry {
  return {
    id: e.id,
    kind: STRINGS[language].coopKinds[e.kind],
    title: oneLine(e.title, 200),
    who: oneLine(`${e.institution}, ${displayCountry(e.country, language)}`, 200),
    summary: oneLine(e.summary, 220),
  };
}

export function toEventEntry(r: DatedEvent, language: DigestLanguage, publicUrl: string): DigestEventEntry {
  return {
    id: r.id,
    title: oneLine(r.title, 200) || r.url,
    url: safeHttpUrl(r.url),
    lang: /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(r.language) ? r.language : '',
    // A subscriber has no zone: the event's own (where it happens), named.
    when: formatEventWhen(r.event, r.event.timeZone ?? 'UTC', language) ?? '',
    where: formatEventPlace(r.event, language),
    registrationUrl: r.event.registrationUrl ? safeHttpUrl(r.event.registrationUrl) : undefined,
    calendarUrl: `${publicUrl}${eventCalendarPath(r.id)}`,
  };
}

const formatters = new Map<DigestLanguage, Intl.DateTimeFormat>();
function formatDate(iso: string, language: DigestLanguage): string {
  let f = formatters.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(language, f);
  }
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : f.format(t);
}

export function toEntry(
  r: Resource,
  language: DigestLanguage,
  partnerNames: ReadonlyMap<string, string>,
): DigestEntry {
  const s = STRINGS[language];
  return {
    id: r.id,
    title: oneLine(r.title, 200) || r.url,
    url: safeHttpUrl(r.url),
    partner: oneLine(partnerNames.get(r.partnerId) ?? r.partnerId, 100),
    date: formatDate(r.publishedAt, language),
    language: s.contentLanguages[r.language] ?? r.language,
    lang: /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(r.language) ? r.language : '',
    type: s.types[r.type] ?? r.type,
    summary: oneLine(r.summary, 220),
  };
}

export function subscriptionLinks(config: RelayConfig, secret: TokenSecret, subId: string, now: Date) {
  const base = `${config.publicUrl}/email`;
  return {
    manageUrl: `${base}/preferences?token=${signToken(secret, 'manage', { sub: subId }, now)}`,
    unsubscribeUrl: `${base}/unsubscribe?token=${signToken(secret, 'unsubscribe', { sub: subId }, now)}`,
  };
}

export function composeDigest(
  ctx: ComposeContext,
  sub: Subscription,
  selection: {
    matched: readonly Resource[];
    highlight?: Resource;
    upcoming?: readonly DatedEvent[];
    /** New offers and requests on the subscription's topics (selectCoopEntries). */
    coop?: readonly CoopEntry[];
  },
  window: { period: string; since: string; until: string },
  options: { maxItems?: number } = {},
): Digest {
  const language = sub.language;
  const s = STRINGS[language];
  const max = options.maxItems ?? ctx.config.email.digestMaxItems;
  const shownResources = selection.matched.slice(0, max);
  const bySection = new Map<SectionId, DigestEntry[]>();
  for (const r of shownResources) {
    const id = SECTION_OF[r.type];
    if (!id) continue;
    const list = bySection.get(id) ?? [];
    list.push(toEntry(r, language, ctx.partnerNames));
    bySection.set(id, list);
  }
  const sections = SECTION_ORDER.filter((id) => bySection.has(id)).map((id) => ({
    id,
    title: s.sections[id],
    entries: bySection.get(id) ?? [],
  }));
  const total = selection.matched.length;
  const first = shownResources[0] ? oneLine(shownResources[0].title, 70) : '';
  const coop = (selection.coop ?? []).map((e) => toCoopEntry(e, language));
  const more = total - shownResources.length;
  return {
    subscriptionId: sub.id,
    email: sub.email,
    language,
    ...window,
    total,
    shown: shownResources.length,
    sections,
    highlight: selection.highlight ? toEntry(selection.highlight, language, ctx.partnerNames) : undefined,
    upcoming: (selection.upcoming ?? []).map((r) => toEventEntry(r, language, ctx.config.publicUrl)),
    coop,
    // A digest with only the cooperation section says so in its subject.
    subject:
      total === 0 && coop.length > 0
        ? s.coopSubject(coop.length, oneLine(coop[0]!.title, 70))
        : s.digestSubject(total, first),
    moreUrl:
      more > 0
        ? `${ctx.config.publicUrl}/email/digest?token=${signToken(
            ctx.secret,
            'digest',
            { sub: sub.id, data: { since: window.since, until: window.until } },
            ctx.now,
          )}`
        : undefined,
    ...subscriptionLinks(ctx.config, ctx.secret, sub.id, ctx.now),
  };
}
