import { pages as digestPages } from '../../digest/pages.js';
import { htmlEngine, template } from '../../email/render.js';
import { listValues } from '../../filters/values.js';
import { displayCountry, displayLanguage, displayTopic } from '../../taxonomy/index.js';
import { type CoopDraft, type CoopEntry, type CoopKind, MODALITIES, MODALITY_NAMES } from '../entry.js';
import { type CoopReport, reportHeadline } from '../exchange.js';
import type { Match } from '../match.js';
import {
  FILTER_PARAMS,
  type FieldErrors,
  type FilterParam,
  type FilterReading,
  type PageLanguage,
  SUBMISSION_FIELDS,
  type SubmissionField,
  type SubmissionValues,
} from './form.js';
import { COOP_PAGES_PATH } from './route.js';
import { COOP_STRINGS, type CoopStrings } from './strings.js';

/**
 * The cooperation exchange's pages, pure: the portfolio (open offers and requests, filterable,
 * each with who fits and why), the submission form, the publishing button, the report, and the
 * message pages. The subscription pages' layout (no script, one inline style, readable on a
 * phone, a language switch that is a plain link). Every submitted value goes through `<%= %>`
 * (escaped); text written by institutions carries `class="user"` (it is in their language, not
 * the page's). Contact addresses are never rendered: the institution and country say who, and
 * the way to answer is to submit the other kind, which the Secretariat brokers.
 */

const STYLE = `main{max-width:52rem}
textarea{width:100%;box-sizing:border-box;font:inherit;padding:.6rem;border:1px solid #7b8794;border-radius:4px;min-height:8rem}
.card{border:1px solid #cbd2d9;border-radius:4px;padding:.25rem .9rem .75rem;margin:1rem 0}
.card h2{margin:.25rem 0 .25rem}
.card h3{font-size:1rem;margin:.75rem 0 .25rem}
.card ul{padding-left:1.1rem;margin:.25rem 0}
.card li{margin:.35rem 0}
.tag{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#0b5394}
.links a{display:inline-block;margin:0 1rem .5rem 0;font-weight:600}
.filters{display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:0 1rem}
.filters label{margin-top:.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{text-align:left;padding:.35rem .5rem .35rem 0;border-bottom:1px solid #e4e7eb;vertical-align:top}
td.n,th.n{text-align:right;white-space:nowrap}
.lead{font-size:1.05rem}
.big{font-size:1.1rem;font-weight:600}`;

type Lang = PageLanguage;
const strings = (lang: Lang): CoopStrings => COOP_STRINGS[lang];
const path = (page: string, params: Record<string, string> = {}) => {
  const query = new URLSearchParams(params).toString();
  return `${COOP_PAGES_PATH}${page}${query ? `?${query}` : ''}`;
};

function layout(lang: Lang, title: string, body: string, switchUrl?: string): string {
  return digestPages.layout(lang, title, body, {
    ...(switchUrl ? { switchUrl } : {}),
    style: STYLE,
    privacy: strings(lang).privacy,
  });
}

/** The links every page of the family offers (the exchange, both forms, the figures). */
const navigation = (lang: Lang) => {
  const s = strings(lang);
  return [
    { url: path('', { lang }), label: s.portfolioLink },
    { url: path('/new', { kind: 'offer', lang }), label: s.offerLink },
    { url: path('/new', { kind: 'request', lang }), label: s.requestLink },
    { url: path('/report', { lang }), label: s.reportLink },
  ];
};

const NAV = `<p class="links"><% for (const l of it.nav) { %><a href="<%= l.url %>"><%= l.label %></a> <% } %></p>`;

interface PageLink {
  url: string;
  label: string;
}

// ---------------------------------------------------------------------------------------------
// The portfolio

interface MatchView {
  title: string;
  who: string;
  reasons: string;
}

interface CardView {
  id: string;
  kindLabel: string;
  title: string;
  institution: string;
  country: string;
  summary: string;
  facts: { label: string; text: string }[];
  timeFrame?: string;
  matches: MatchView[];
  answer: PageLink;
}

export interface PortfolioItem {
  entry: CoopEntry;
  matches: Match[];
}

const names = (lang: Lang) => ({
  topics: (ids: readonly string[]) => ids.map((t) => displayTopic(t, lang)).join(', '),
  modalities: (ids: readonly string[]) =>
    ids.map((m) => MODALITY_NAMES[m as keyof typeof MODALITY_NAMES][lang]).join(', '),
  languages: (ids: readonly string[]) => ids.map((l) => displayLanguage(l, lang)).join(', '),
});

function cardView(item: PortfolioItem, lang: Lang): CardView {
  const s = strings(lang);
  const { entry } = item;
  const n = names(lang);
  const facts = [
    { label: s.fields.topics, text: n.topics(entry.topics) },
    ...(entry.modalities.length
      ? [{ label: s.fields.modalities, text: n.modalities(entry.modalities) }]
      : []),
    {
      label: entry.languages.length > 1 ? s.fields.languagesShort : s.fields.language,
      text: n.languages(entry.languages),
    },
  ];
  const other: CoopKind = entry.kind === 'offer' ? 'request' : 'offer';
  return {
    id: entry.id,
    kindLabel: s.kindNames[entry.kind],
    title: entry.title,
    institution: entry.institution,
    country: displayCountry(entry.country, lang),
    summary: entry.summary,
    facts,
    ...(entry.timeFrame ? { timeFrame: entry.timeFrame } : {}),
    matches: item.matches.map((m) => ({
      title: m.entry.title,
      who: `${s.kindNames[m.entry.kind]} ${m.entry.id} · ${m.entry.institution} · ${displayCountry(m.entry.country, lang)}`,
      reasons: m.reasons.map((r) => r[lang]).join('; '),
    })),
    answer: {
      url: path('/new', { kind: other, for: entry.id, lang }),
      label: entry.kind === 'offer' ? s.answerOffer : s.answerRequest,
    },
  };
}

const CARD = `<article class="card"<% if (c.id) { %> id="<%= c.id %>"<% } %>>
<p class="meta"><span class="tag"><%= c.kindLabel %></span> <%= c.id %></p>
<h2 class="user"><%= c.title %></h2>
<p class="meta"><span class="user"><%= c.institution %></span> · <%= c.country %></p>
<p class="user"><%= c.summary %></p>
<% for (const f of c.facts) { %><p class="meta"><%= f.label %>: <%= f.text %></p><% } %>
<% if (c.timeFrame) { %><p class="meta"><%= it.s.timeFrameLabel %>: <span class="user"><%= c.timeFrame %></span></p><% } %>
<% if (!it.preview) { %><h3><%= it.s.bestMatches %></h3>
<% if (c.matches.length) { %><ul><% for (const m of c.matches) { %><li><strong class="user"><%= m.title %></strong><br><span class="meta"><%= m.who %></span><br><span class="small"><%= m.reasons %></span></li><% } %></ul><% } else { %><p class="small"><%= it.s.noMatch %></p><% } %>
<p><a href="<%= c.answer.url %>"><%= c.answer.label %></a></p><% } %>
</article>`;

/** Attributes of a control with a hint and maybe an error (GOV.UK's pattern: label, hint, error, control). */
const DESCRIBED = `<% const describe = (field, hint) => { const ids = [hint ? 'hint-' + field : '', it.errors[field] ? 'error-' + field : ''].filter(Boolean).join(' '); return (ids ? ' aria-describedby="' + ids + '"' : '') + (it.errors[field] ? ' aria-invalid="true"' : ''); }; %>`;
const ERROR = (field: string) =>
  `<% if (it.errors['${field}']) { %><p class="error" id="error-${field}"><%= it.errors['${field}'] %></p><% } %>`;
const SUMMARY = `<% if (it.errorList.length) { %><div class="problems" role="alert"><p><%= it.summaryTitle %></p><ul><% for (const e of it.errorList) { %><li><a href="#<%= e.field %>"><%= e.text %></a></li><% } %></ul></div><% } %>`;

interface FilterFieldView {
  name: FilterParam;
  label: string;
  value: string;
  hint?: string;
  options?: { value: string; label: string }[];
}

interface PortfolioView {
  s: CoopStrings;
  nav: PageLink[];
  fields: FilterFieldView[];
  errors: FieldErrors<FilterParam>;
  errorList: { field: string; text: string }[];
  summaryTitle: string;
  lang: Lang;
  counts?: string;
  cards: CardView[];
  more?: string;
}

const PORTFOLIO = `${DESCRIBED}<p class="lead"><%= it.s.portfolioLead %></p>
${NAV}
${SUMMARY}
<form method="get" action="${COOP_PAGES_PATH}" novalidate>
<input type="hidden" name="lang" value="<%= it.lang %>">
<div class="filters">
<% for (const f of it.fields) { %><div>
<label for="<%= f.name %>"><%= f.label %></label>
<% if (f.hint) { %><p class="hint" id="hint-<%= f.name %>"><%= f.hint %></p><% } %>
<% if (it.errors[f.name]) { %><p class="error" id="error-<%= f.name %>"><%= it.errors[f.name] %></p><% } %>
<% if (f.options) { %><select id="<%= f.name %>" name="<%= f.name %>"<%~ describe(f.name, !!f.hint) %>><% for (const o of f.options) { %><option value="<%= o.value %>"<%= o.value === f.value ? ' selected' : '' %>><%= o.label %></option><% } %></select><% } else { %><input type="text" id="<%= f.name %>" name="<%= f.name %>" value="<%= f.value %>" maxlength="200" autocomplete="off"<%~ describe(f.name, !!f.hint) %>><% } %>
</div><% } %>
</div>
<button type="submit"><%= it.s.filter %></button>
</form>
<% if (!it.errorList.length) { %><p class="big"><%= it.counts %></p>
<% if (!it.cards.length) { %><p><%= it.s.none %></p><% } %>
<% for (const c of it.cards) { %>${CARD}<% } %>
<% if (it.more) { %><p class="small"><%= it.more %></p><% } %><% } %>`;

const renderPortfolio = template<PortfolioView>(htmlEngine, 'coop-portfolio', PORTFOLIO);

/** An option list whose current value is kept even when it is none of the choices (shown refused). */
function options(value: string, choices: { value: string; label: string }[], all: string) {
  const list = [{ value: '', label: all }, ...choices];
  return list.some((o) => o.value === value) ? list : [...list, { value, label: value }];
}

export interface PortfolioContent {
  reading: FilterReading;
  items: PortfolioItem[];
  counts: { offers: number; requests: number };
  /** Entries that passed the filters but are not shown (the page's cap). */
  more: number;
}

/** The switch of a GET page: the same query with the other language. */
export function switchOf(page: string, query: URLSearchParams, lang: Lang): string {
  const params = new URLSearchParams(query);
  params.set('lang', lang === 'en' ? 'es' : 'en');
  return `${COOP_PAGES_PATH}${page}?${params}`;
}

export function portfolioPage(lang: Lang, content: PortfolioContent, switchUrl?: string): string {
  const s = strings(lang);
  const { values, errors } = content.reading;
  const n = names(lang);
  const fields: FilterFieldView[] = [
    {
      name: 'kind',
      label: s.fields.kind,
      value: values.kind,
      options: options(
        values.kind,
        (['offer', 'request'] as const).map((k) => ({ value: k, label: s.kindPlural[k] })),
        s.all,
      ),
    },
    { name: 'topic', label: s.fields.topic, value: values.topic, hint: s.hints.filterWords },
    { name: 'country', label: s.fields.country, value: values.country },
    {
      name: 'modality',
      label: s.fields.modality,
      value: values.modality,
      options: options(
        values.modality,
        MODALITIES.map((m) => ({ value: m, label: n.modalities([m]) })),
        s.all,
      ),
    },
    {
      name: 'language',
      label: s.fields.language,
      value: values.language,
      options: options(
        values.language,
        listValues('languages', lang).map((l) => ({ value: l.id, label: l.name })),
        s.all,
      ),
    },
  ];
  const errorList = FILTER_PARAMS.filter((f) => errors[f]).map((field) => ({
    field,
    text: errors[field] as string,
  }));
  return layout(
    lang,
    s.portfolioTitle,
    renderPortfolio({
      s,
      nav: navigation(lang).slice(1),
      fields,
      errors,
      errorList,
      summaryTitle: s.refused,
      lang,
      counts: s.shown(content.counts.offers, content.counts.requests),
      cards: content.items.map((item) => cardView(item, lang)),
      ...(content.more > 0 ? { more: s.more(content.more) } : {}),
    }),
    switchUrl,
  );
}

// ---------------------------------------------------------------------------------------------
// The submission form

interface SubmitView {
  s: CoopStrings;
  lang: Lang;
  nav: PageLink[];
  values: SubmissionValues;
  errors: FieldErrors<SubmissionField>;
  errorList: { field: string; text: string }[];
  summaryTitle: string;
  formToken: string;
  lead: string;
  submit: string;
  countries: string[];
  modalities: { value: string; label: string }[];
  languages: { value: string; label: string }[];
}

const TEXT_FIELD = (field: SubmissionField, type = 'text', extra = '') =>
  `<label for="${field}"><%= it.s.fields.${field} %></label>
<% if (it.s.hints.${field}) { %><p class="hint" id="hint-${field}"><%= it.s.hints.${field} %></p><% } %>
${ERROR(field)}
<input type="${type}" id="${field}" name="${field}" value="<%= it.values.${field} %>"${extra}<%~ describe('${field}', !!it.s.hints.${field}) %>>`;

const CHECKS = (field: 'modalities' | 'languages', legend: string) =>
  `<fieldset id="${field}"<%~ it.errors.${field} ? ' aria-describedby="error-${field}" class="invalid"' : '' %>><legend><%= ${legend} %></legend>
${ERROR(field)}
<div class="choices"><% for (const c of it.${field}) { %><label><input type="checkbox" name="${field}" value="<%= c.value %>"<%= it.values.${field}.includes(c.value) ? ' checked' : '' %>> <%= c.label %></label><% } %></div>
</fieldset>`;

const SUBMIT = `${DESCRIBED}<p><%= it.lead %></p>
${NAV}
${SUMMARY}
<form method="post" action="${COOP_PAGES_PATH}/new" novalidate>
<input type="hidden" name="form" value="<%= it.formToken %>">
<input type="hidden" name="lang" value="<%= it.lang %>">
<input type="hidden" name="kind" value="<%= it.values.kind %>">
${TEXT_FIELD('title', 'text', ' maxlength="200"')}
<label for="summary"><%= it.s.fields.summary %></label>
<p class="hint" id="hint-summary"><%= it.s.hints.summary %></p>
${ERROR('summary')}
<textarea id="summary" name="summary" rows="6" maxlength="2000"<%~ describe('summary', true) %>><%= it.values.summary %></textarea>
${TEXT_FIELD('topics', 'text', ' maxlength="400" autocomplete="off"')}
${TEXT_FIELD('country', 'text', ' list="country-names" maxlength="100" autocomplete="off"')}
<datalist id="country-names"><% for (const c of it.countries) { %><option value="<%= c %>"><% } %></datalist>
${TEXT_FIELD('institution', 'text', ' maxlength="200" autocomplete="organization"')}
${TEXT_FIELD('contact', 'email', ' maxlength="254" autocomplete="email" inputmode="email"')}
${CHECKS('modalities', 'it.s.fields.modalities')}
${CHECKS('languages', 'it.s.fields.languages')}
<% if (it.values.kind === 'request') { %>${TEXT_FIELD('timeFrame', 'text', ' maxlength="200"')}<% } %>
<button type="submit"><%= it.submit %></button>
</form>`;

const renderSubmit = template<SubmitView>(htmlEngine, 'coop-submit', SUBMIT);

export function submitPage(
  lang: Lang,
  form: { values: SubmissionValues; errors?: FieldErrors<SubmissionField>; formToken: string },
  switchUrl?: string,
): string {
  const s = strings(lang);
  const errors = form.errors ?? {};
  const kind = form.values.kind;
  const errorList = (['kind', ...SUBMISSION_FIELDS] as const)
    .filter((f) => errors[f])
    // The summary names each field: "This is needed." alone says not which.
    .map((field) => ({
      field: field === 'kind' ? 'title' : field,
      text: `${s.fields[field]}: ${errors[field] as string}`,
    }));
  const n = names(lang);
  return layout(
    lang,
    kind === 'offer' ? s.offerTitle : s.requestTitle,
    renderSubmit({
      s,
      lang,
      nav: navigation(lang).filter((l) => !l.url.includes(`kind=${kind}`)),
      values: form.values,
      errors,
      errorList,
      summaryTitle: s.errorSummary(errorList.length),
      formToken: form.formToken,
      lead: kind === 'offer' ? s.offerLead : s.requestLead,
      submit: kind === 'offer' ? s.offerSubmit : s.requestSubmit,
      countries: listValues('countries', lang).map((c) => c.name),
      modalities: MODALITIES.map((m) => ({ value: m, label: n.modalities([m]) })),
      languages: listValues('languages', lang).map((l) => ({ value: l.id, label: l.name })),
    }),
    switchUrl ?? path('/new', { kind, lang: lang === 'en' ? 'es' : 'en' }),
  );
}

// ---------------------------------------------------------------------------------------------
// Publishing, messages

const CONFIRM = `<p><%= it.s.confirmLead %></p>
<% const c = it.c; %>${CARD}
<form method="post" action="${COOP_PAGES_PATH}/confirm">
<input type="hidden" name="token" value="<%= it.token %>">
<input type="hidden" name="lang" value="<%= it.lang %>">
<button type="submit"><%= it.s.confirmAction %></button>
</form>`;

const renderConfirm = template<{ s: CoopStrings; c: CardView; token: string; lang: Lang; preview: true }>(
  htmlEngine,
  'coop-confirm',
  CONFIRM,
);

/** The publishing link's page: what will be published, and the button (a GET publishes nothing). */
export function confirmPage(lang: Lang, draft: CoopDraft, token: string): string {
  const s = strings(lang);
  const entry = {
    ...draft,
    id: '',
    status: 'open',
    createdAt: '',
    updatedAt: '',
    version: 0,
    history: [],
  } as CoopEntry;
  return layout(
    lang,
    s.confirmTitle,
    renderConfirm({ s, c: cardView({ entry, matches: [] }, lang), token, lang, preview: true }),
    path('/confirm', { token, lang: lang === 'en' ? 'es' : 'en' }),
  );
}

const MESSAGE = `<p><%= it.text %></p>${NAV}`;
const renderMessage = template<{ text: string; nav: PageLink[] }>(htmlEngine, 'coop-message', MESSAGE);

/** A page that says one thing, with the family's links (and any of its own first). */
export function messagePage(
  lang: Lang,
  title: string,
  text: string,
  switchUrl?: string,
  links: PageLink[] = [],
): string {
  return layout(lang, title, renderMessage({ text, nav: [...links, ...navigation(lang)] }), switchUrl);
}

/** After the button: the entry's id and where it is on the exchange. */
export function publishedPage(lang: Lang, entry: CoopEntry, switchUrl?: string): string {
  const s = strings(lang);
  return messagePage(lang, s.publishedTitle, s.published(entry.id), switchUrl, [
    { url: `${path('', { lang })}#${entry.id}`, label: s.portfolioLink },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The report

interface ReportView {
  s: CoopStrings;
  lang: Lang;
  nav: PageLink[];
  year: string;
  error?: string;
  headline: string[];
  tables: { title: string; rows: { name: string; offers: number; requests: number }[] }[];
  yearLabel: string;
}

const REPORT = `${NAV}
<form method="get" action="${COOP_PAGES_PATH}/report" novalidate>
<input type="hidden" name="lang" value="<%= it.lang %>">
<label for="year"><%= it.yearLabel %></label>
<p class="hint" id="hint-year"><%= it.s.hints.year %></p>
<% if (it.error) { %><p class="error" id="error-year"><%= it.error %></p><% } %>
<input type="text" id="year" name="year" value="<%= it.year %>" inputmode="numeric" maxlength="4" autocomplete="off" aria-describedby="hint-year<%= it.error ? ' error-year' : '' %>"<%= it.error ? ' aria-invalid=true' : '' %>>
<button type="submit"><%= it.s.show %></button>
</form>
<% if (!it.error) { %><% for (const line of it.headline) { %><p class="big"><%= line %></p><% } %>
<% for (const t of it.tables) { %><% if (t.rows.length) { %><h2><%= t.title %></h2>
<table><thead><tr><th scope="col"></th><th scope="col" class="n"><%= it.s.offers %></th><th scope="col" class="n"><%= it.s.requests %></th></tr></thead>
<tbody><% for (const r of t.rows) { %><tr><th scope="row"><%= r.name %></th><td class="n"><%= r.offers %></td><td class="n"><%= r.requests %></td></tr><% } %></tbody></table><% } %><% } %><% } %>`;

const renderReport = template<ReportView>(htmlEngine, 'coop-report', REPORT);

/** The exchange in numbers (the figures of `iaspn coop report`, from coopReport), or the year refused. */
export function reportPage(
  lang: Lang,
  content: { year: string; report?: CoopReport; error?: string },
  switchUrl?: string,
): string {
  const s = strings(lang);
  const report = content.report;
  return layout(
    lang,
    report?.year !== undefined ? `${s.reportTitle} ${report.year}` : s.reportTitle,
    renderReport({
      s,
      lang,
      nav: navigation(lang).filter((l) => !l.url.includes('/report')),
      year: content.year,
      ...(content.error ? { error: content.error } : {}),
      headline: report ? reportHeadline(report, lang) : [],
      tables: report
        ? [
            {
              title: s.byTopic,
              rows: report.openByTopic.map((t) => ({
                name: displayTopic(t.topic, lang),
                offers: t.offers,
                requests: t.requests,
              })),
            },
            {
              title: s.byCountry,
              rows: report.openByCountry.map((c) => ({
                name: displayCountry(c.country, lang),
                offers: c.offers,
                requests: c.requests,
              })),
            },
          ]
        : [],
      yearLabel: s.fields.year,
    }),
    switchUrl,
  );
}
