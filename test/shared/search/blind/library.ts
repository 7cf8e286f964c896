import type { ResourceType } from '#shared/domain/resource.js';
import { countryByCode, tagText } from '#shared/taxonomy/index.js';
import { seededRandom } from '../../../helpers/random.js';
import { makeResource } from '../../../helpers/resources.js';
import { HAND_WRITTEN, metaOf } from './hand-written.js';
import {
  BLIND_PARTNERS,
  type BlindMeta,
  type BlindResource,
  type Case,
  DOMAIN_SENTENCES,
  type Kind,
  type Lang,
  type SubjectParts,
} from './parts.js';
import {
  CARE,
  DISABILITY,
  EARLY_CHILDHOOD,
  PENSIONS,
  UNEMPLOYMENT_INSURANCE,
} from './subjects-life-course.js';
import { FINANCIAL_INCLUSION, MPI, SOCIAL_REGISTRY, TARGETING } from './subjects-systems.js';
import {
  CCT,
  EMERGENCY_TRANSFERS,
  GRADUATION,
  SCHOOL_FEEDING,
  YOUTH_EMPLOYMENT,
} from './subjects-transfers.js';

/**
 * The blind set's library: publications composed from the hand-written parts (a case, a title
 * and opening written for its subject and language, the case's facts, a sentence with the
 * domain's words) plus the hand-written ones, normalised as ingest would: topics and countries
 * tagged by the taxonomy from the title and summary (`tagText`, as shared/ingest/normalise.ts
 * does), the partner feed's country added, the type following the kind of publication.
 */

export const BLIND_NOW = '2026-11-30T12:00:00.000Z';

export const BLIND_PARTNER_NAMES: ReadonlyMap<string, string> = new Map(
  BLIND_PARTNERS.map((p) => [p.id, p.name]),
);

const SUBJECTS: readonly SubjectParts[] = [
  CCT,
  EMERGENCY_TRANSFERS,
  GRADUATION,
  SCHOOL_FEEDING,
  YOUTH_EMPLOYMENT,
  TARGETING,
  SOCIAL_REGISTRY,
  MPI,
  FINANCIAL_INCLUSION,
  EARLY_CHILDHOOD,
  PENSIONS,
  UNEMPLOYMENT_INSURANCE,
  CARE,
  DISABILITY,
];

const TYPE_OF: Record<Kind, ResourceType> = {
  evaluation: 'document',
  study: 'document',
  report: 'document',
  guide: 'document',
  news: 'news',
  event: 'event',
  brief: 'highlight',
  video: 'video',
  podcast: 'audio',
};

const LANGS: readonly Lang[] = ['en', 'es', 'pt'];

/** Fills {name}, {country} and {year}, contracts "de el" and "de o", and capitalises the first letter. */
function fill(template: string, values: Record<string, string>): string {
  const text = template
    .replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '')
    .replace(/(^|\s)de el /g, '$1del ')
    .replace(/(^|\s)a el /g, '$1al ')
    .replace(/(^|\s)de a /g, '$1da ')
    .replace(/(^|\s)de o /g, '$1do ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A date in the years given; a case with its own years starts in April (the pandemic's transfers began then). */
function dateIn(random: () => number, [from, to]: [number, number], april: boolean): string {
  const start = Date.UTC(from, april ? 3 : 0, 1);
  const end = Math.min(Date.UTC(to, 11, 31), Date.parse(BLIND_NOW));
  const t = start + Math.floor(random() * (end - start));
  return new Date(Math.floor(t / 60_000) * 60_000).toISOString();
}

/** What ingest would make of one publication. */
function publish(
  id: string,
  fields: { title: string; summary: string; lang: Lang; kind: Kind; partnerId: string; publishedAt: string },
  meta: BlindMeta,
): BlindResource {
  const tags = tagText([fields.title, fields.summary]);
  const feedCountry = BLIND_PARTNERS.find((p) => p.id === fields.partnerId)?.country;
  const feedId = `feed-${fields.partnerId}`;
  const resource = makeResource({
    id,
    feedId,
    partnerId: fields.partnerId,
    sources: [{ feedId, partnerId: fields.partnerId }],
    url: `https://${fields.partnerId}.example.org/${fields.lang}/${id}`,
    title: fields.title,
    summary: fields.summary,
    contentHtml: `<p>${fields.summary}</p>`,
    publishedAt: fields.publishedAt,
    firstSeenAt: fields.publishedAt,
    language: fields.lang,
    type: TYPE_OF[fields.kind],
    topics: tags.topics,
    countries: [...new Set([...(feedCountry ? [feedCountry] : []), ...tags.countries])],
    contentHash: id,
  });
  return { ...resource, meta };
}

function composed(parts: SubjectParts, c: Case, caseIndex: number, random: () => number, n: number) {
  const out: BlindResource[] = [];
  LANGS.filter((lang) => c.name[lang] !== undefined).forEach((lang, langIndex) => {
    const templates = parts.templates[lang];
    const facts = c.facts[lang];
    if (!templates || templates.length < parts.perCase || !facts)
      throw new Error(`${parts.subject}/${c.country}: no ${lang} templates or facts`);
    const country = countryByCode(c.country)?.names[lang] ?? c.country;
    const values = {
      name: c.name[lang] as string,
      country,
      year: '',
    };
    for (let k = 0; k < parts.perCase; k++) {
      const template = templates[(caseIndex * 2 + langIndex + k) % templates.length]!;
      const publishedAt = dateIn(random, c.years ?? [2019, 2026], c.years !== undefined);
      values.year = publishedAt.slice(0, 4);
      const domain = DOMAIN_SENTENCES[lang];
      const number = n + out.length;
      const summary = [fill(template.lead, values), facts, domain[number % domain.length]].join(' ');
      const partnerId =
        random() < 0.6 ? c.partners[0]! : c.partners[1 + Math.floor(random() * (c.partners.length - 1))]!;
      out.push(
        publish(
          `blind-${String(number).padStart(3, '0')}`,
          { title: fill(template.title, values), summary, lang, kind: template.kind, partnerId, publishedAt },
          {
            subject: parts.subject,
            also: [...(c.also ?? []), ...(template.also ?? [])],
            passing: c.passing ?? [],
            country: c.country,
            ...(c.programme ? { programme: c.programme } : {}),
            mentions: c.mentions ?? [],
            kind: template.kind,
          },
        ),
      );
    }
  });
  return out;
}

/** The blind library: every subject's cases in each of their languages, then the hand-written publications. */
export function blindLibrary(): BlindResource[] {
  const random = seededRandom(19);
  const out: BlindResource[] = [];
  for (const parts of SUBJECTS)
    parts.cases.forEach((c, i) => {
      out.push(...composed(parts, c, i, random, out.length));
    });
  for (const h of HAND_WRITTEN)
    out.push(
      publish(
        `blind-${h.slug}`,
        {
          title: h.title,
          summary: h.summary,
          lang: h.lang,
          kind: h.kind,
          partnerId: h.partnerId,
          publishedAt: h.publishedAt,
        },
        metaOf(h),
      ),
    );
  return out;
}
