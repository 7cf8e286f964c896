import { htmlEngine, template } from '../email/render.js';
import type { DigestEntry } from './compose.js';
import { type Choices, type FormField, type FormValues, formValues } from './form.js';
import { type DigestLanguage, FREQUENCIES, type Subscription } from './model.js';
import { STRINGS, type Strings } from './strings.js';

/**
 * The subscription pages: small (no script, no external CSS, one inline style block), readable on
 * a phone (fluid width, 16px inputs, large buttons), accessible (labels on every field, fieldsets
 * with legends, a lang attribute, focus outlines kept, contrast ≥ 4.5:1), and in both languages.
 * Forms post with a signed token (CSRF-safe): the manage/unsubscribe/confirm token or the
 * subscribe form's own short-lived token.
 */

/** The path the pages are served under (the local stack's route prefix and the Function URL's path alike). */
export const EMAIL_PAGES_PATH = '/email';

const STYLE = `body{margin:0;font:16px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f3f5f7}
main{max-width:36rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh;box-sizing:border-box;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=email],input[type=text],select{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;border:1px solid #7b8794;border-radius:4px}
fieldset{border:1px solid #cbd2d9;border-radius:4px;margin:.75rem 0;padding:.25rem .75rem .75rem}
h2{font-size:1.125rem;margin:1.5rem 0 .5rem}
fieldset{min-width:0}
fieldset.group{border:0;padding:0;margin:.5rem 0}
fieldset.group legend{font-weight:600;font-size:.95rem;color:#323f4b}
.choices{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:0 1rem}
.choices label{display:flex;align-items:flex-start;gap:.5rem;font-weight:400;margin:0;padding:.45rem 0;min-height:28px}
.choices input{width:1.25rem;height:1.25rem;margin:.1rem 0 0;flex:none}
details.fold{margin:.75rem 0}
details.fold summary{cursor:pointer;font-weight:600;padding:.6rem .75rem;border:1px solid #cbd2d9;border-radius:4px;min-height:24px}
details.fold[open] summary{border-bottom-left-radius:0;border-bottom-right-radius:0}
details.fold fieldset{margin-top:0;border-top-left-radius:0;border-top-right-radius:0}
.hint{color:#52606d;font-size:.9rem;margin:.1rem 0 .4rem}
.error{color:#ab091e;font-weight:600;margin:.25rem 0}
[aria-invalid=true],fieldset.invalid{border:2px solid #ab091e}
button{font-size:1rem;font-weight:600;padding:.75rem 1.25rem;margin-top:1rem;border:0;border-radius:4px;background:#0b5394;color:#fff;cursor:pointer;min-height:44px}
a{color:#0b5394}
.lang{float:right;font-size:.9rem}
.problems{border-left:4px solid #ab091e;padding:.25rem .75rem;background:#fdecea}
.item{border-top:1px solid #e4e7eb;padding:.5rem 0}
.meta{color:#52606d;font-size:.875rem;margin:0}
.small{color:#52606d;font-size:.875rem}`;

interface PageView {
  s: Strings;
  title: string;
  body: string;
  switchUrl?: string;
  /** More rules for one page family's own elements (the cooperation pages). */
  style?: string;
  /** What the family's pages store and why, instead of the subscription's note. */
  privacy?: string;
}

const LAYOUT = `<!DOCTYPE html>
<html lang="<%= it.s.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title><%= it.title %> · <%= it.s.portal %></title>
<style>${STYLE}<%~ it.style ?? '' %></style>
</head>
<body>
<main>
<% if (it.switchUrl) { %><p class="lang"><a href="<%= it.switchUrl %>" lang="<%= it.s.otherLanguage.code %>" hreflang="<%= it.s.otherLanguage.code %>"><%= it.s.otherLanguage.label %></a></p><% } %>
<p class="small"><%= it.s.portal %></p>
<h1><%= it.title %></h1>
<%~ it.body %>
<p class="small privacy"><%= it.privacy ?? it.s.pages.privacy %></p>
</main>
</body>
</html>`;

const renderLayout = template<PageView>(htmlEngine, 'page-layout', LAYOUT);

/** The fields of the subscribe and preferences forms, with their values and errors. */
interface FormView {
  s: Strings;
  choices: Choices;
  values: FormValues;
  errors: Partial<Record<FormField, string>>;
  /** Fields in page order with their messages (the summary at the top). */
  errorList: { field: FormField; text: string }[];
}

/** Attributes of a described control: its hint and its error, and whether it is invalid. */
const DESCRIBED = `<% const describe = (field, hint, group) => { const ids = [hint ? 'hint-' + field : '', it.errors[field] ? 'error-' + field : ''].filter(Boolean).join(' '); return (ids ? ' aria-describedby="' + ids + '"' : '') + (it.errors[field] ? (group ? ' class="invalid"' : ' aria-invalid="true"') : ''); }; %>`;

/** The message of a field, next to it (GOV.UK's pattern: label, hint, error, control). */
const ERROR = (field: string) =>
  `<% if (it.errors['${field}']) { %><p class="error" id="error-${field}"><%= it.errors['${field}'] %></p><% } %>`;

/** Checkboxes of one list of choices; `values` are the ticked ids. */
const CHECKBOXES = (field: string, list: string) =>
  `<div class="choices"><% for (const c of ${list}) { %><label><input type="checkbox" name="${field}" value="<%= c.id %>"<%= it.values.picked['${field}'].includes(c.id) ? ' checked' : '' %>> <%= c.name %></label><% } %></div>`;

/** A list of choices in a fieldset, with its hint and error; long lists fold away (open once used). */
const CHOICE_FIELD = (field: string, legend: string, body: string, fold?: string) => {
  const fieldset = `<fieldset id="field-${field}"<%~ describe('${field}', true, true) %>><legend><%= ${legend} %></legend>
<p class="hint" id="hint-${field}"><%= it.s.pages.noneIsAll %></p>
${ERROR(field)}
${body}
</fieldset>`;
  if (!fold) return fieldset;
  return `<details class="fold"<%= it.values.picked['${field}'].length || it.errors['${field}'] ? ' open' : '' %>><summary><%= ${fold}(it.values.picked['${field}'].length) %></summary>
${fieldset}
</details>`;
};

const FILTER_FIELDS = `<label for="language"><%= it.s.pages.language %></label>
${ERROR('language')}
<select id="language" name="language"<%~ describe('language') %>>
<option value="en"<%= it.values.language === 'en' ? ' selected' : '' %>>English</option>
<option value="es"<%= it.values.language === 'es' ? ' selected' : '' %>>Español</option>
</select>
<label for="frequency"><%= it.s.pages.frequency %></label>
${ERROR('frequency')}
<select id="frequency" name="frequency"<%~ describe('frequency') %>>
<% for (const f of ${JSON.stringify(FREQUENCIES)}) { %><option value="<%= f %>"<%= it.values.frequency === f ? ' selected' : '' %>><%= it.s.frequencies[f] %></option><% } %>
</select>
<h2><%= it.s.pages.choose %></h2>
${CHOICE_FIELD(
  'topics',
  'it.s.pages.topics',
  `<% for (const g of it.choices.topicGroups) { %><fieldset class="group"><legend><%= g.name %></legend>
${CHECKBOXES('topics', 'g.topics')}
</fieldset><% } %>`,
)}
${CHOICE_FIELD('countries', 'it.s.pages.countries', CHECKBOXES('countries', 'it.choices.countries'), 'it.s.pages.countriesSummary')}
${CHOICE_FIELD('types', 'it.s.pages.types', CHECKBOXES('types', 'it.choices.types'))}
${CHOICE_FIELD('languages', 'it.s.pages.contentLanguages', CHECKBOXES('languages', 'it.choices.languages'))}
<% if (it.choices.partners.length || it.errors.partners) { %>${CHOICE_FIELD(
  'partners',
  'it.s.pages.partners',
  CHECKBOXES('partners', 'it.choices.partners'),
  'it.s.pages.partnersSummary',
)}<% } %>
<label for="keywords"><%= it.s.pages.keywords %></label>
<p class="hint" id="hint-keywords"><%= it.s.pages.keywordsHint %></p>
${ERROR('keywords')}
<input type="text" id="keywords" name="keywords" value="<%= it.values.keywords %>" maxlength="600" autocomplete="off"<%~ describe('keywords', true) %>>`;

const ERROR_SUMMARY = `<% if (it.errorList.length) { %><div class="problems" role="alert"><p><%= it.s.pages.errorSummary(it.errorList.length) %></p><ul><% for (const e of it.errorList) { %><li><a href="#<%= e.field === 'email' || e.field === 'keywords' || e.field === 'language' || e.field === 'frequency' ? e.field : 'field-' + e.field %>"><%= e.text %></a></li><% } %></ul></div><% } %>`;

interface SubscribeView extends FormView {
  action: string;
  formToken: string;
}

const SUBSCRIBE = `${DESCRIBED}<p><%= it.s.pages.subscribeLead %></p>
${ERROR_SUMMARY}
<form method="post" action="<%= it.action %>" novalidate>
<input type="hidden" name="form" value="<%= it.formToken %>">
<input type="hidden" name="lang" value="<%= it.s.lang %>">
<label for="email"><%= it.s.pages.email %></label>
${ERROR('email')}
<input type="email" id="email" name="email" value="<%= it.values.email %>" required autocomplete="email" inputmode="email" maxlength="320"<%~ describe('email') %>>
${FILTER_FIELDS}
<button type="submit"><%= it.s.pages.subscribe %></button>
</form>`;

interface PreferencesView extends FormView {
  action: string;
  token: string;
  email: string;
  unsubscribeUrl: string;
}

const PREFERENCES = `${DESCRIBED}<p><%= it.email %></p>
${ERROR_SUMMARY}
<form method="post" action="<%= it.action %>" novalidate>
<input type="hidden" name="token" value="<%= it.token %>">
<input type="hidden" name="lang" value="<%= it.s.lang %>">
${FILTER_FIELDS}
<button type="submit"><%= it.s.pages.save %></button>
</form>
<p class="small"><a href="<%= it.unsubscribeUrl %>"><%= it.s.unsubscribe %></a></p>`;

interface ButtonView {
  s: Strings;
  lead: string;
  action: string;
  token: string;
  button: string;
}

const BUTTON = `<p><%= it.lead %></p>
<form method="post" action="<%= it.action %>">
<input type="hidden" name="token" value="<%= it.token %>">
<button type="submit"><%= it.button %></button>
</form>`;

const MESSAGE = `<p><%= it.text %></p><% for (const d of it.details) { %><p><%= d %></p><% } %><% for (const l of it.links) { %><p><a href="<%= l.url %>"><%= l.label %></a></p><% } %>`;

const ENTRIES = `<% for (const e of it.entries) { %><div class="item">
<p<% if (e.lang) { %> lang="<%= e.lang %>"<% } %>><strong><% if (e.url) { %><a href="<%= e.url %>"><%= e.title %></a><% } else { %><%= e.title %><% } %></strong></p>
<p class="meta"><%= e.partner %> · <%= e.date %> · <%= e.language %> · <%= e.type %></p>
<% if (e.summary) { %><p<% if (e.lang) { %> lang="<%= e.lang %>"<% } %>><%= e.summary %></p><% } %>
</div><% } %>`;

const renderSubscribe = template<SubscribeView>(htmlEngine, 'page-subscribe', SUBSCRIBE);
const renderPreferences = template<PreferencesView>(htmlEngine, 'page-preferences', PREFERENCES);
const renderButton = template<ButtonView>(htmlEngine, 'page-button', BUTTON);
interface PageLink {
  url: string;
  label: string;
}

const renderMessage = template<{ text: string; details: string[]; links: PageLink[] }>(
  htmlEngine,
  'page-message',
  MESSAGE,
);
const renderEntries = template<{ entries: DigestEntry[] }>(htmlEngine, 'page-entries', ENTRIES);

/** The order fields appear in, for the error summary. */
const FIELD_ORDER: FormField[] = [
  'email',
  'language',
  'frequency',
  'topics',
  'countries',
  'types',
  'languages',
  'partners',
  'keywords',
];

function formView(
  s: Strings,
  form: { choices: Choices; values: FormValues; errors?: Partial<Record<FormField, string>> },
): FormView {
  const errors = form.errors ?? {};
  return {
    s,
    choices: form.choices,
    values: form.values,
    errors,
    errorList: FIELD_ORDER.filter((f) => errors[f]).map((field) => ({
      field,
      text: errors[field] as string,
    })),
  };
}

/** Where the forms post and the pages link: root-relative, so `/email`, `/email/subscribe/` post right. */
const pagePath = (page: string) => `${EMAIL_PAGES_PATH}/${page}`;

export const pages = {
  /** The subscribe form; `form` holds what was sent when it is shown again with errors. */
  subscribe(
    language: DigestLanguage,
    formToken: string,
    form: { choices: Choices; values?: FormValues; errors?: Partial<Record<FormField, string>> },
  ): string {
    const s = STRINGS[language];
    const body = renderSubscribe({
      ...formView(s, { ...form, values: form.values ?? formValues({ language }) }),
      action: pagePath('subscribe'),
      formToken,
    });
    return renderLayout({
      s,
      title: s.pages.subscribeTitle,
      body,
      switchUrl: `${pagePath('subscribe')}?lang=${s.otherLanguage.code}`,
    });
  },
  /** The preferences form of a subscription, in the page's language (the subscription's unless asked). */
  preferences(
    language: DigestLanguage,
    sub: Subscription,
    token: string,
    unsubscribeUrl: string,
    form: { choices: Choices; values?: FormValues; errors?: Partial<Record<FormField, string>> },
  ): string {
    const s = STRINGS[language];
    const body = renderPreferences({
      ...formView(s, { ...form, values: form.values ?? formValues(sub) }),
      action: pagePath('preferences'),
      token,
      email: sub.email,
      unsubscribeUrl,
    });
    return renderLayout({
      s,
      title: s.pages.preferencesTitle,
      body,
      switchUrl: `${pagePath('preferences')}?token=${encodeURIComponent(token)}&lang=${s.otherLanguage.code}`,
    });
  },
  button(language: DigestLanguage, kind: 'confirm' | 'unsubscribe', token: string): string {
    const s = STRINGS[language];
    const view =
      kind === 'confirm'
        ? { title: s.pages.confirmTitle, lead: s.pages.confirmLead, button: s.confirmAction }
        : { title: s.pages.unsubscribeTitle, lead: s.pages.unsubscribeLead, button: s.unsubscribe };
    const body = renderButton({ s, lead: view.lead, action: pagePath(kind), token, button: view.button });
    const switchUrl = `${pagePath(kind)}?token=${encodeURIComponent(token)}&lang=${s.otherLanguage.code}`;
    return renderLayout({ s, title: view.title, body, switchUrl });
  },
  /** A message page: its text, further paragraphs (what was chosen, what it would bring), links. */
  message(
    language: DigestLanguage,
    title: string,
    text: string,
    link?: PageLink | PageLink[],
    details: string[] = [],
    switchUrl?: string,
  ): string {
    const s = STRINGS[language];
    const links = link === undefined ? [] : Array.isArray(link) ? link : [link];
    return renderLayout({
      s,
      title,
      body: renderMessage({ text, details, links }),
      ...(switchUrl ? { switchUrl } : {}),
    });
  },
  /**
   * A page of another family in this layout (the cooperation pages): `body` is HTML rendered by an
   * escaping template, `style` the family's own CSS (a constant), `privacy` its own note.
   */
  layout(
    language: DigestLanguage,
    title: string,
    body: string,
    options: { switchUrl?: string; style?: string; privacy?: string } = {},
  ): string {
    return renderLayout({ s: STRINGS[language], title, body, ...options });
  },
  entries(language: DigestLanguage, entries: DigestEntry[], switchUrl?: string): string {
    const s = STRINGS[language];
    return renderLayout({
      s,
      title: s.pages.digestTitle,
      body: renderEntries({ entries }),
      ...(switchUrl ? { switchUrl } : {}),
    });
  },
};
