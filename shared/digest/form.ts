import type { ResourceFilter } from '../filters/filter.js';
import { compileKeywords, isMeaningful } from '../filters/keywords.js';
import { parseFilterText } from '../filters/language.js';
import { problemText } from '../filters/problems.js';
import {
  FILTER_FIELDS,
  type FilterField,
  listValues,
  type PartnerNames,
  resolveValue,
  valueName,
} from '../filters/values.js';
import { TOPIC_GROUPS } from '../taxonomy/topic-groups.js';
import {
  DIGEST_LANGUAGES,
  type DigestLanguage,
  FREQUENCIES,
  type Frequency,
  MAX_KEYWORD_CHARS,
} from './model.js';
import { type FormFieldName, STRINGS } from './strings.js';

/**
 * What the subscription and preferences forms offer and what they accept. The choices are the
 * taxonomy's values and the registered partners, with their names in the page's language; a
 * posted value that is not one of them is refused with a message for its field, and every other
 * choice is kept so that the form can be shown again as it was sent. The JSON path takes names as
 * well as ids (resolved as the bots resolve them) and refuses what resolves to nothing, with the
 * closest choices. Nothing that can never match reaches the store.
 */

export interface Choice {
  id: string;
  name: string;
}

export interface Choices {
  topicGroups: { id: string; name: string; topics: Choice[] }[];
  countries: Choice[];
  types: Choice[];
  languages: Choice[];
  /** Empty when no partner is registered (the pages then show no partner choices). */
  partners: Choice[];
}

const byName = (lang: DigestLanguage) => (a: Choice, b: Choice) => a.name.localeCompare(b.name, lang);

const staticChoices = new Map<DigestLanguage, Omit<Choices, 'partners'>>();

/** Every choice of the forms, named in the page's language and sorted by name. */
export function formChoices(lang: DigestLanguage, partners: PartnerNames = new Map()): Choices {
  let fixed = staticChoices.get(lang);
  if (!fixed) {
    const plain = (field: 'countries' | 'types' | 'languages') =>
      listValues(field, lang).map(({ id, name }) => ({ id, name }));
    fixed = {
      topicGroups: TOPIC_GROUPS.map((g) => ({
        id: g.id,
        name: g.names[lang],
        topics: g.topics.map((id) => ({ id, name: valueName('topics', id, lang) })).sort(byName(lang)),
      })),
      countries: plain('countries'),
      // A partner highlight goes to every subscriber whatever they chose: it is no choice.
      types: plain('types').filter((t) => t.id !== 'highlight'),
      languages: plain('languages'),
    };
    staticChoices.set(lang, fixed);
  }
  const named = [...partners].map(([id, name]) => ({ id, name })).sort(byName(lang));
  return { ...fixed, partners: named };
}

function choiceIds(choices: Choices, field: FilterField): Set<string> {
  const list =
    field === 'topics' ? choices.topicGroups.flatMap((g) => g.topics) : (choices[field] as Choice[]);
  return new Set(list.map((c) => c.id));
}

export type FormField = FormFieldName;

/** What a form holds: shown again as sent when something is wrong. */
export interface FormValues {
  email: string;
  language: DigestLanguage;
  frequency: Frequency;
  /** The ticked choices (only values that are choices: the others are in `errors`). */
  picked: Record<FilterField, string[]>;
  /** As typed. */
  keywords: string;
}

export interface FormReading {
  values: FormValues;
  /** One message per field, in the page's language. */
  errors: Partial<Record<FormField, string>>;
  /** The canonical filter to store (meaningful only when `errors` is empty). */
  filter: ResourceFilter;
}

export interface FormContext {
  /** The page's language: the messages'. */
  lang: DigestLanguage;
  choices: Choices;
  partners: PartnerNames;
  now: Date;
}

const emptyPicked = (): Record<FilterField, string[]> => ({
  topics: [],
  countries: [],
  types: [],
  languages: [],
  partners: [],
});

/** The values a form shows before anything is sent (a new subscription, or a stored one's). */
export function formValues(
  fields: { email?: string; language?: DigestLanguage; frequency?: Frequency; filter?: ResourceFilter } = {},
): FormValues {
  const picked = emptyPicked();
  for (const field of FILTER_FIELDS) picked[field] = [...(fields.filter?.[field] ?? [])];
  return {
    email: fields.email ?? '',
    language: fields.language ?? 'en',
    frequency: fields.frequency ?? 'weekly',
    picked,
    keywords: fields.filter?.keywords ?? '',
  };
}

const quoted = (value: string) => `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;

/** A value that names nothing, with the closest choices, in the page's words. */
function unknownText(field: FilterField, typed: string, suggestions: string[], ctx: FormContext): string {
  const s = STRINGS[ctx.lang].pages.errors;
  const names = suggestions.map((id) => valueName(field, id, ctx.lang, ctx.partners));
  return s.unknown(quoted(typed), s.noun[field], names);
}

/** The keyword field: free words, "phrases", -exclusions; a `key:value` typed there is taken too. */
function readKeywords(text: string, filter: ResourceFilter, ctx: FormContext): string | undefined {
  const s = STRINGS[ctx.lang].pages.errors;
  if (text.length > MAX_KEYWORD_CHARS) return s.keywordsTooLong(MAX_KEYWORD_CHARS);
  const parsed = parseFilterText(text, { now: ctx.now, partners: ctx.partners });
  const problems = parsed.problems.map((p) =>
    p.code === 'unknown'
      ? unknownText(p.field, p.typed, p.suggestions, ctx)
      : problemText(p, ctx.lang, ctx.partners),
  );
  if (parsed.filter.since || parsed.filter.before) problems.push(s.noDates);
  if (problems.length > 0) return problems.join(' ');
  for (const field of FILTER_FIELDS) {
    const values = parsed.filter[field];
    if (values?.length) filter[field] = [...(filter[field] ?? []), ...values] as never;
  }
  if (parsed.filter.keywords) {
    if (!isMeaningful(compileKeywords(parsed.filter.keywords))) return s.keywordsTooCommon;
    filter.keywords = parsed.filter.keywords;
  }
  return undefined;
}

function pickOne<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T | undefined {
  if (value === null || value === '') return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/**
 * Values a stored subscription holds that are no choice (stored before the pages offered choices,
 * or a partner since removed): the preferences page says so beside their fields, and saving drops them.
 */
export function staleValues(filter: ResourceFilter, ctx: FormContext): Partial<Record<FormField, string>> {
  const s = STRINGS[ctx.lang].pages.errors;
  const errors: Partial<Record<FormField, string>> = {};
  for (const field of FILTER_FIELDS) {
    const allowed = choiceIds(ctx.choices, field);
    const stale = (filter[field] ?? []).filter((value) => !allowed.has(value));
    if (stale.length > 0) errors[field] = stale.map((v) => s.stale(quoted(v), s.noun[field])).join(' ');
  }
  return errors;
}

/** Reads a posted subscribe or preferences form (urlencoded), checking every value against the choices. */
export function readForm(form: URLSearchParams, ctx: FormContext): FormReading {
  const s = STRINGS[ctx.lang].pages.errors;
  const errors: FormReading['errors'] = {};
  const picked = emptyPicked();
  const filter: ResourceFilter = {};
  for (const field of FILTER_FIELDS) {
    const allowed = choiceIds(ctx.choices, field);
    const wrong: string[] = [];
    for (const value of new Set(form.getAll(field))) {
      if (allowed.has(value)) picked[field].push(value);
      else wrong.push(value);
    }
    if (wrong.length > 0) errors[field] = s.notAChoice(wrong.slice(0, 3).map(quoted), s.noun[field]);
    if (picked[field].length > 0) filter[field] = [...picked[field]] as never;
  }
  const language = pickOne(form.get('language'), DIGEST_LANGUAGES, ctx.lang);
  if (!language) errors.language = s.notAChoice([quoted(form.get('language') ?? '')], s.noun.language);
  const frequency = pickOne(form.get('frequency'), FREQUENCIES, 'weekly');
  if (!frequency) errors.frequency = s.notAChoice([quoted(form.get('frequency') ?? '')], s.noun.frequency);
  const keywords = (form.get('keywords') ?? '').trim();
  const keywordError = keywords ? readKeywords(keywords, filter, ctx) : undefined;
  if (keywordError) errors.keywords = keywordError;
  return {
    values: {
      email: (form.get('email') ?? '').trim().slice(0, 320),
      language: language ?? ctx.lang,
      frequency: frequency ?? 'weekly',
      picked,
      keywords: keywords.slice(0, MAX_KEYWORD_CHARS * 2),
    },
    errors,
    filter,
  };
}

/**
 * Reads the JSON path's filter: each field a list of ids or names in any language (`"primera
 * infancia"`, `"Perú"`, `"documentos"`), or one string with commas; `keywords` in the filter
 * language. Names resolve as the bots resolve them; a value that resolves to nothing is refused
 * with the closest choices.
 */
export function readJsonFilter(
  input: unknown,
  ctx: FormContext,
): { filter: ResourceFilter; errors: Partial<Record<FormField, string>> } {
  const s = STRINGS[ctx.lang].pages.errors;
  const filter: ResourceFilter = {};
  const errors: Partial<Record<FormField, string>> = {};
  if (input === undefined || input === null) return { filter, errors };
  if (typeof input !== 'object' || Array.isArray(input))
    return { filter, errors: { keywords: s.notAnObject } };
  const given = input as Record<string, unknown>;
  for (const key of Object.keys(given))
    if (!(FILTER_FIELDS as readonly string[]).includes(key) && key !== 'keywords')
      errors.keywords = s.unknownField(quoted(key));
  for (const field of FILTER_FIELDS) {
    const raw = given[field];
    if (raw === undefined || raw === null) continue;
    const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : undefined;
    if (!list || list.length > 100 || list.some((v) => typeof v !== 'string')) {
      errors[field] = s.notAList(s.noun[field]);
      continue;
    }
    const allowed = choiceIds(ctx.choices, field);
    const found = new Set<string>();
    const problems: string[] = [];
    for (const typed of (list as string[]).map((v) => v.trim()).filter(Boolean)) {
      const exact = allowed.has(typed) ? [typed] : undefined;
      const resolved = exact
        ? { ok: true as const, values: exact }
        : resolveValue(field, typed, ctx.partners);
      if (!resolved.ok) {
        problems.push(
          unknownText(
            field,
            typed,
            resolved.suggestions.filter((id) => allowed.has(id)),
            ctx,
          ),
        );
        continue;
      }
      const usable = resolved.values.filter((id) => allowed.has(id));
      if (usable.length === 0) problems.push(s.notAChoice([quoted(typed)], s.noun[field]));
      for (const id of usable) found.add(id);
    }
    if (problems.length > 0) errors[field] = problems.join(' ');
    if (found.size > 0) filter[field] = [...found] as never;
  }
  if (given.keywords !== undefined && given.keywords !== null) {
    if (typeof given.keywords !== 'string') errors.keywords = s.notAList(s.noun.keywords);
    else if (given.keywords.trim()) {
      const error = readKeywords(given.keywords.trim(), filter, ctx);
      if (error) errors.keywords = error;
    }
  }
  return { filter, errors };
}

/** A stored value's name, or the value itself: what an error summary calls a field. */
export const fieldLabel = (field: FormField, lang: DigestLanguage) => STRINGS[lang].pages.errors.noun[field];
