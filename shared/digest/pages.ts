import { RESOURCE_TYPES } from '../domain/resource.js';
import { htmlEngine, template } from '../email/render.js';
import type { DigestEntry } from './compose.js';
import { type DigestLanguage, FREQUENCIES, type Subscription } from './model.js';
import { STRINGS, type Strings } from './strings.js';

/**
 * The subscription pages: small (no script, no external CSS, one inline style block), readable on
 * a phone (fluid width, 16px inputs, large buttons), accessible (labels on every field, fieldsets
 * with legends, a lang attribute, focus outlines kept, contrast ≥ 4.5:1), and in both languages.
 * Forms post with a signed token (CSRF-safe): the manage/unsubscribe/confirm token or the
 * subscribe form's own short-lived token.
 */

const STYLE = `body{margin:0;font:16px/1.5 -apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;background:#f3f5f7}
main{max-width:36rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh;box-sizing:border-box;overflow-wrap:anywhere}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
label,legend{display:block;font-weight:600;margin:.75rem 0 .25rem}
input[type=email],input[type=text],select{width:100%;box-sizing:border-box;font-size:1rem;padding:.6rem;border:1px solid #7b8794;border-radius:4px}
fieldset{border:1px solid #cbd2d9;border-radius:4px;margin:.75rem 0;padding:.25rem .75rem .75rem}
fieldset label{display:inline-block;font-weight:400;margin:.25rem 1rem .25rem 0}
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
}

const LAYOUT = `<!DOCTYPE html>
<html lang="<%= it.s.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title><%= it.title %> · <%= it.s.portal %></title>
<style>${STYLE}</style>
</head>
<body>
<main>
<% if (it.switchUrl) { %><p class="lang"><a href="<%= it.switchUrl %>" lang="<%= it.s.otherLanguage.code %>" hreflang="<%= it.s.otherLanguage.code %>"><%= it.s.otherLanguage.label %></a></p><% } %>
<p class="small"><%= it.s.portal %></p>
<h1><%= it.title %></h1>
<%~ it.body %>
</main>
</body>
</html>`;

const renderLayout = template<PageView>(htmlEngine, 'page-layout', LAYOUT);

interface FilterView {
  s: Strings;
  types: readonly string[];
  languages: readonly string[];
  topics: string;
  countries: string;
  language: DigestLanguage;
  frequency: string;
}

const FILTER_FIELDS = `<label for="language"><%= it.s.pages.language %></label>
<select id="language" name="language">
<option value="en"<%= it.language === 'en' ? ' selected' : '' %>>English</option>
<option value="es"<%= it.language === 'es' ? ' selected' : '' %>>Español</option>
</select>
<label for="frequency"><%= it.s.pages.frequency %></label>
<select id="frequency" name="frequency">
<% for (const f of ${JSON.stringify(FREQUENCIES)}) { %><option value="<%= f %>"<%= it.frequency === f ? ' selected' : '' %>><%= it.s.frequencies[f] %></option><% } %>
</select>
<fieldset><legend><%= it.s.pages.types %></legend>
<% for (const t of ${JSON.stringify(RESOURCE_TYPES.filter((t) => t !== 'highlight'))}) { %><label><input type="checkbox" name="types" value="<%= t %>"<%= it.types.includes(t) ? ' checked' : '' %>> <%= it.s.types[t] %></label><% } %>
</fieldset>
<fieldset><legend><%= it.s.pages.contentLanguages %></legend>
<% for (const l of ['en', 'es', 'pt', 'fr']) { %><label><input type="checkbox" name="languages" value="<%= l %>"<%= it.languages.includes(l) ? ' checked' : '' %>> <%= it.s.contentLanguages[l] %></label><% } %>
</fieldset>
<label for="topics"><%= it.s.pages.topics %></label>
<input type="text" id="topics" name="topics" value="<%= it.topics %>" autocomplete="off">
<label for="countries"><%= it.s.pages.countries %></label>
<input type="text" id="countries" name="countries" value="<%= it.countries %>" autocomplete="off">`;

interface SubscribeView extends FilterView {
  formToken: string;
  email: string;
  problems: string[];
}

const SUBSCRIBE = `<p><%= it.s.pages.subscribeLead %></p>
<% if (it.problems.length) { %><div class="problems" role="alert"><p><%= it.s.pages.invalidInput %></p><ul><% for (const p of it.problems) { %><li><%= p %></li><% } %></ul></div><% } %>
<form method="post" action="subscribe">
<input type="hidden" name="form" value="<%= it.formToken %>">
<label for="email"><%= it.s.pages.email %></label>
<input type="email" id="email" name="email" value="<%= it.email %>" required autocomplete="email" inputmode="email">
${FILTER_FIELDS}
<button type="submit"><%= it.s.pages.subscribe %></button>
</form>`;

interface PreferencesView extends FilterView {
  token: string;
  email: string;
  unsubscribeUrl: string;
}

const PREFERENCES = `<p><%= it.email %></p>
<form method="post" action="preferences">
<input type="hidden" name="token" value="<%= it.token %>">
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

const MESSAGE = `<p><%= it.text %></p><% if (it.link) { %><p><a href="<%= it.link.url %>"><%= it.link.label %></a></p><% } %>`;

const ENTRIES = `<% for (const e of it.entries) { %><div class="item">
<p><strong><% if (e.url) { %><a href="<%= e.url %>"><%= e.title %></a><% } else { %><%= e.title %><% } %></strong></p>
<p class="meta"><%= e.partner %> · <%= e.date %> · <%= e.language %> · <%= e.type %></p>
<% if (e.summary) { %><p><%= e.summary %></p><% } %>
</div><% } %>`;

const renderSubscribe = template<SubscribeView>(htmlEngine, 'page-subscribe', SUBSCRIBE);
const renderPreferences = template<PreferencesView>(htmlEngine, 'page-preferences', PREFERENCES);
const renderButton = template<ButtonView>(htmlEngine, 'page-button', BUTTON);
const renderMessage = template<{ text: string; link?: { url: string; label: string } }>(
  htmlEngine,
  'page-message',
  MESSAGE,
);
const renderEntries = template<{ entries: DigestEntry[] }>(htmlEngine, 'page-entries', ENTRIES);

function filterView(
  s: Strings,
  language: DigestLanguage,
  values: Partial<Pick<Subscription, 'frequency' | 'filter'>>,
): FilterView {
  return {
    s,
    language,
    frequency: values.frequency ?? 'weekly',
    types: values.filter?.types ?? [],
    languages: values.filter?.languages ?? [],
    topics: (values.filter?.topics ?? []).join(', '),
    countries: (values.filter?.countries ?? []).join(', '),
  };
}

export const pages = {
  subscribe(
    language: DigestLanguage,
    formToken: string,
    values: { email?: string; problems?: string[] } & Partial<
      Pick<Subscription, 'frequency' | 'filter'>
    > = {},
  ): string {
    const s = STRINGS[language];
    const body = renderSubscribe({
      ...filterView(s, language, values),
      formToken,
      email: values.email ?? '',
      problems: values.problems ?? [],
    });
    return renderLayout({
      s,
      title: s.pages.subscribeTitle,
      body,
      switchUrl: `subscribe?lang=${s.otherLanguage.code}`,
    });
  },
  preferences(sub: Subscription, token: string, unsubscribeUrl: string): string {
    const s = STRINGS[sub.language];
    const body = renderPreferences({
      ...filterView(s, sub.language, sub),
      token,
      email: sub.email,
      unsubscribeUrl,
    });
    return renderLayout({ s, title: s.pages.preferencesTitle, body });
  },
  button(language: DigestLanguage, kind: 'confirm' | 'unsubscribe', token: string): string {
    const s = STRINGS[language];
    const view =
      kind === 'confirm'
        ? { title: s.pages.confirmTitle, lead: s.pages.confirmLead, button: s.confirmAction }
        : { title: s.pages.unsubscribeTitle, lead: s.pages.unsubscribeLead, button: s.unsubscribe };
    const body = renderButton({ s, lead: view.lead, action: kind, token, button: view.button });
    return renderLayout({ s, title: view.title, body });
  },
  message(
    language: DigestLanguage,
    title: string,
    text: string,
    link?: { url: string; label: string },
  ): string {
    const s = STRINGS[language];
    return renderLayout({ s, title, body: renderMessage({ text, link }) });
  },
  entries(language: DigestLanguage, entries: DigestEntry[]): string {
    const s = STRINGS[language];
    return renderLayout({ s, title: s.pages.digestTitle, body: renderEntries({ entries }) });
  },
};
