import { STRINGS as DIGEST_STRINGS } from '../../digest/strings.js';
import { LANGUAGES } from '../../domain/resource.js';
import { canonicalEmailAddress } from '../../email/address.js';
import { type FilterField, resolveValue, valueName } from '../../filters/values.js';
import {
  type CoopDraft,
  type CoopKind,
  DRAFT_FIELDS,
  type Modality,
  resolveDraft,
  resolveKind,
  resolveModality,
} from '../entry.js';
import { COOP_STRINGS } from './strings.js';

/**
 * What the cooperation pages accept: the submission form, read through the one definition of an
 * entry (`resolveDraft` in shared/coop/entry.ts: topics, country and languages through the filter
 * language), its problems put beside their fields in the page's language; and the portfolio's
 * filters, each value resolved by the filter language or refused with the closest.
 */

export type PageLanguage = 'en' | 'es';

/** The form's fields: the import's, but the kind (the page's) and the ref (a workshop's own id). */
export const SUBMISSION_FIELDS = DRAFT_FIELDS;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number] | 'kind';

/** The form as sent (shown again as it was when something is wrong). */
export interface SubmissionValues {
  kind: CoopKind;
  title: string;
  summary: string;
  topics: string;
  country: string;
  institution: string;
  contact: string;
  modalities: string[];
  languages: string[];
  timeFrame: string;
}

export type FieldErrors<F extends string> = Partial<Record<F, string>>;

export interface SubmissionReading {
  values: SubmissionValues;
  errors: FieldErrors<SubmissionField>;
  /** The resolved draft (with the web origin) when there is no error. */
  draft?: CoopDraft;
  /** The contact address in its canonical form, when valid. */
  email?: string;
}

export const emptySubmission = (kind: CoopKind, topics = ''): SubmissionValues => ({
  kind,
  title: '',
  summary: '',
  topics,
  country: '',
  institution: '',
  contact: '',
  modalities: [],
  languages: [],
  timeFrame: '',
});

const quoted = (value: string) => `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;

/** A value the filter language does not know, with the closest it does, in the page's words. */
export function unknownValue(
  field: Extract<FilterField, 'topics' | 'countries' | 'languages'>,
  typed: string,
  suggestions: readonly string[],
  lang: PageLanguage,
): string {
  const e = DIGEST_STRINGS[lang].pages.errors;
  return e.unknown(
    quoted(typed),
    e.noun[field],
    suggestions.map((id) => valueName(field, id, lang)),
  );
}

const FILTER_FIELD_OF: Record<string, 'topics' | 'countries' | 'languages'> = {
  topic: 'topics',
  country: 'countries',
  language: 'languages',
};
const FORM_FIELD_OF: Record<string, SubmissionField> = {
  topic: 'topics',
  country: 'country',
  language: 'languages',
};

/**
 * A problem of `resolveDraft` (English, one per line) as a field and a message in the page's
 * language. Each shape resolveDraft writes has a line here; test/shared/coop/web/form.test.ts
 * sends every kind of mistake and checks that none is left in English on a Spanish page.
 */
export function problemField(problem: string, lang: PageLanguage): { field: SubmissionField; text: string } {
  const e = COOP_STRINGS[lang].errors;
  const unknown = /^unknown (topic|country|language) "(.*)"(?: \(did you mean (.*)\?\))?$/.exec(problem);
  if (unknown) {
    const [, label, typed, hint] = unknown as unknown as [string, string, string, string | undefined];
    const field = FILTER_FIELD_OF[label]!;
    return {
      field: FORM_FIELD_OF[label]!,
      text: unknownValue(field, typed, hint ? hint.split(', ') : [], lang),
    };
  }
  const modality = /^unknown modality "(.*)"/.exec(problem);
  if (modality) return { field: 'modalities', text: e.modality(quoted(modality[1]!)) };
  const missing = /^(title|summary|institution|contact|country) is missing$/.exec(problem);
  if (missing) return { field: missing[1] as SubmissionField, text: e.required };
  const long = /^(title|summary|institution|contact|timeFrame) is longer than (\d+) characters$/.exec(
    problem,
  );
  if (long) return { field: long[1] as SubmissionField, text: e.tooLong(Number(long[2])) };
  if (problem === 'at least one topic is needed') return { field: 'topics', text: e.atLeastOneTopic };
  if (problem === 'at least one language is needed')
    return { field: 'languages', text: e.atLeastOneLanguage };
  if (problem.startsWith('kind ')) return { field: 'kind', text: e.kind };
  // A shape this page does not know yet (a new rule in entry.ts): shown as written, on the title.
  return { field: 'title', text: problem };
}

/**
 * Reads a posted submission (urlencoded). The contact must be a valid address: it is where the
 * publishing link goes, and, once followed, the entry's web origin.
 */
export function readSubmission(form: URLSearchParams, lang: PageLanguage): SubmissionReading {
  const one = (name: string) => (form.get(name) ?? '').slice(0, 4_000);
  const kind = resolveKind(one('kind')) ?? 'offer';
  const values: SubmissionValues = {
    kind,
    title: one('title'),
    summary: one('summary'),
    topics: one('topics'),
    country: one('country'),
    institution: one('institution'),
    contact: one('contact').trim(),
    modalities: [...new Set(form.getAll('modalities'))].slice(0, 10),
    languages: [...new Set(form.getAll('languages'))].slice(0, 10),
    timeFrame: kind === 'request' ? one('timeFrame') : '',
  };
  const errors: FieldErrors<SubmissionField> = {};
  if (!resolveKind(one('kind'))) errors.kind = COOP_STRINGS[lang].errors.kind;
  const email = values.contact ? canonicalEmailAddress(values.contact) : undefined;
  const resolved = resolveDraft({
    kind,
    title: values.title,
    summary: values.summary,
    topics: values.topics,
    country: values.country,
    institution: values.institution,
    contact: values.contact,
    modalities: values.modalities,
    languages: values.languages,
    ...(values.timeFrame.trim() ? { timeFrame: values.timeFrame } : {}),
    // The address is the contact's, and verified before the entry exists (shared/coop/web/submissions.ts).
    ...(email ? { origin: { face: 'web', address: email, language: lang } } : {}),
  });
  if (!resolved.ok)
    for (const problem of resolved.problems) {
      const { field, text } = problemField(problem, lang);
      errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
    }
  if (values.contact && !email) errors.contact = COOP_STRINGS[lang].errors.email;
  if (Object.keys(errors).length > 0 || !resolved.ok || !email) return { values, errors };
  return { values, errors, draft: resolved.draft, email };
}

// ---------------------------------------------------------------------------------------------
// The portfolio's filters

export interface PortfolioFilter {
  kind?: CoopKind;
  topics?: string[];
  countries?: string[];
  modality?: Modality;
  language?: string;
}

export const FILTER_PARAMS = ['kind', 'topic', 'country', 'modality', 'language'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export interface FilterReading {
  /** As typed (the form shows them again). */
  values: Record<FilterParam, string>;
  errors: FieldErrors<FilterParam>;
  filter: PortfolioFilter;
}

/** A comma-separated field resolved value by value: every id, or the refusal of those that name nothing. */
function resolveField(
  field: 'topics' | 'countries' | 'languages',
  text: string,
  lang: PageLanguage,
): { ids: string[]; error?: string } {
  const ids: string[] = [];
  const problems: string[] = [];
  for (const typed of text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 10)) {
    const resolved = resolveValue(field, typed);
    if (resolved.ok) ids.push(...resolved.values.filter((v) => !ids.includes(v)));
    else problems.push(unknownValue(field, typed, resolved.suggestions, lang));
  }
  return problems.length ? { ids, error: problems.join(' ') } : { ids };
}

/**
 * The parameters' Spanish names, as the filter language's keys (`/coop?tema=focalización&pais=Perú`):
 * a link typed by hand in Spanish narrows the list instead of being ignored.
 */
const SPANISH_FILTER_PARAMS: Readonly<Record<FilterParam, readonly string[]>> = {
  kind: ['tipo'],
  topic: ['tema'],
  country: ['pais', 'país'],
  modality: ['modalidad'],
  language: ['idioma'],
};

/** The portfolio's query: `kind`, `topic`, `country`, `modality`, `language` (or their Spanish names), each optional. */
export function readFilters(query: URLSearchParams, lang: PageLanguage): FilterReading {
  const typed = (p: FilterParam) =>
    query.get(p) ?? SPANISH_FILTER_PARAMS[p].map((name) => query.get(name)).find((v) => v !== null) ?? '';
  const values = Object.fromEntries(FILTER_PARAMS.map((p) => [p, typed(p).slice(0, 200).trim()])) as Record<
    FilterParam,
    string
  >;
  const errors: FieldErrors<FilterParam> = {};
  const filter: PortfolioFilter = {};
  const e = COOP_STRINGS[lang].errors;
  if (values.kind) {
    const kind = resolveKind(values.kind);
    if (kind) filter.kind = kind;
    else errors.kind = e.kind;
  }
  if (values.topic) {
    const { ids, error } = resolveField('topics', values.topic, lang);
    if (error) errors.topic = error;
    else filter.topics = ids;
  }
  if (values.country) {
    const { ids, error } = resolveField('countries', values.country, lang);
    if (error) errors.country = error;
    else filter.countries = ids;
  }
  if (values.modality) {
    const m = resolveModality(values.modality);
    if (m.ok) filter.modality = m.value;
    else errors.modality = e.modality(quoted(values.modality));
  }
  if (values.language) {
    const { ids, error } = resolveField('languages', values.language, lang);
    const known = ids.filter((id) => (LANGUAGES as readonly string[]).includes(id));
    if (error) errors.language = error;
    else if (known[0]) filter.language = known[0];
  }
  return { values, errors, filter };
}
