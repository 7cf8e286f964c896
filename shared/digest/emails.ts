import type { RelayConfig } from '../config.js';
import type { OutgoingEmail } from '../email/mime.js';
import { htmlEngine, template, textEngine } from '../email/render.js';
import type { Digest } from './compose.js';
import type { DigestLanguage } from './model.js';
import { STRINGS, type Strings } from './strings.js';

/**
 * The emails: the digest and the confirmation messages, as HTML and plain text. HTML follows what
 * mail clients accept: one table column at most 600px wide that shrinks on phones, inline styles
 * only, no external CSS, no scripts, no web fonts, long words wrapped. Every value from a feed goes
 * through `<%= %>` (escaped); links are http(s) only (compose.ts).
 */

export const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
export const WRAP = 'overflow-wrap:anywhere;word-break:break-word';

/**
 * The one layout of the relay's emails (the digest, the notices, the cooperation notices): its data
 * has `s.lang`, `s.portal` and `title`.
 */
export const LAYOUT_OPEN = `<!DOCTYPE html>
<html lang="<%= it.s.lang %>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title><%= it.title %></title>
</head>
<body style="margin:0;padding:0;background:#f3f5f7;${FONT};color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f5f7">
<tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:6px">
<tr><td style="padding:20px 20px 8px 20px;${WRAP}">
<p style="margin:0;font-size:13px;color:#52606d;text-transform:uppercase;letter-spacing:0.04em"><%= it.s.portal %></p>`;

export const LAYOUT_CLOSE = `</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;

interface DigestView {
  d: Digest;
  s: Strings;
  title: string;
}

const ENTRY_HTML = `<tr><td style="padding:10px 0;border-top:1px solid #e4e7eb;${WRAP}">
<p style="margin:0 0 4px 0;font-size:16px;line-height:1.35;font-weight:600"<% if (e.lang) { %> lang="<%= e.lang %>"<% } %>><% if (e.url) { %><a href="<%= e.url %>" style="color:#0b5394;text-decoration:underline"><%= e.title %></a><% } else { %><%= e.title %><% } %></p>
<p style="margin:0 0 4px 0;font-size:13px;color:#52606d"><%= e.partner %> · <%= e.date %> · <%= e.language %> · <%= e.type %></p>
<% if (e.summary) { %><p style="margin:0;font-size:14px;line-height:1.45;color:#323f4b"<% if (e.lang) { %> lang="<%= e.lang %>"<% } %>><%= e.summary %></p><% } %>
</td></tr>`;

const EVENT_HTML = `<tr><td style="padding:10px 0;border-top:1px solid #e4e7eb;${WRAP}">
<p style="margin:0 0 4px 0;font-size:16px;line-height:1.35;font-weight:600"<% if (e.lang) { %> lang="<%= e.lang %>"<% } %>><% if (e.url) { %><a href="<%= e.url %>" style="color:#0b5394;text-decoration:underline"><%= e.title %></a><% } else { %><%= e.title %><% } %></p>
<p style="margin:0 0 4px 0;font-size:14px;color:#323f4b"><%= e.when %><% if (e.where) { %> · <%= e.where %><% } %></p>
<p style="margin:0;font-size:13px"><% if (e.registrationUrl) { %><a href="<%= e.registrationUrl %>" style="color:#0b5394"><%= it.s.register %></a> · <% } %><a href="<%= e.calendarUrl %>" style="color:#0b5394"><%= it.s.addToCalendar %></a></p>
</td></tr>`;

const COOP_HTML = `<tr><td style="padding:10px 0;border-top:1px solid #e4e7eb;${WRAP}">
<p style="margin:0 0 4px 0;font-size:16px;line-height:1.35;font-weight:600"><%= e.kind %> <%= e.id %> · <%= e.title %></p>
<p style="margin:0 0 4px 0;font-size:13px;color:#52606d"><%= e.who %></p>
<% if (e.summary) { %><p style="margin:0;font-size:14px;line-height:1.45;color:#323f4b"><%= e.summary %></p><% } %>
</td></tr>`;

const DIGEST_HTML = `${LAYOUT_OPEN}
<h1 style="margin:8px 0 4px 0;font-size:22px;line-height:1.3">${'<%= it.title %>'}</h1>
<% if (it.d.total > 0) { %><p style="margin:0 0 12px 0;font-size:15px;color:#323f4b"><%= it.s.digestIntro(it.d.total) %></p><% } %>
<% if (it.d.highlight) { const e = it.d.highlight; %>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#fff8e1;border-radius:4px;margin:0 0 12px 0">
<tr><td style="padding:12px;${WRAP}">
<p style="margin:0 0 4px 0;font-size:12px;font-weight:700;text-transform:uppercase;color:#8d6e00"><%= it.s.highlight %></p>
<p style="margin:0 0 4px 0;font-size:16px;font-weight:600"><% if (e.url) { %><a href="<%= e.url %>" style="color:#0b5394"><%= e.title %></a><% } else { %><%= e.title %><% } %></p>
<p style="margin:0 0 4px 0;font-size:13px;color:#52606d"><%= e.partner %> · <%= e.date %></p>
<% if (e.summary) { %><p style="margin:0;font-size:14px;line-height:1.45"><%= e.summary %></p><% } %>
</td></tr></table>
<% } %>
<% for (const section of it.d.sections) { %>
<h2 style="margin:16px 0 4px 0;font-size:18px;color:#1f2933"><%= section.title %></h2>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<% for (const e of section.entries) { %>${ENTRY_HTML}<% } %>
</table>
<% } %>
<% if (it.d.upcoming.length) { %>
<h2 style="margin:16px 0 4px 0;font-size:18px;color:#1f2933"><%= it.s.upcomingEvents %></h2>
<p style="margin:0 0 4px 0;font-size:13px;color:#52606d"><%= it.s.upcomingIntro %></p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<% for (const e of it.d.upcoming) { %>${EVENT_HTML}<% } %>
</table>
<% } %>
<% if (it.d.coop.length) { %>
<h2 style="margin:16px 0 4px 0;font-size:18px;color:#1f2933"><%= it.s.coopSection %></h2>
<p style="margin:0 0 4px 0;font-size:13px;color:#52606d"><%= it.s.coopIntro %></p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
<% for (const e of it.d.coop) { %>${COOP_HTML}<% } %>
</table>
<% } %>
<% if (it.d.moreUrl) { %>
<p style="margin:16px 0 0 0;font-size:15px"><a href="<%= it.d.moreUrl %>" style="color:#0b5394;font-weight:600"><%= it.s.more(it.d.total - it.d.shown) %></a></p>
<% } %>
</td></tr>
<tr><td style="padding:16px 20px 20px 20px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.5;color:#52606d;${WRAP}">
<p style="margin:0 0 6px 0"><%= it.s.footer %></p>
<p style="margin:0"><a href="<%= it.d.manageUrl %>" style="color:#52606d"><%= it.s.manage %></a> · <a href="<%= it.d.unsubscribeUrl %>" style="color:#52606d"><%= it.s.unsubscribe %></a></p>
${LAYOUT_CLOSE}`;

const DIGEST_TEXT = `<%= it.title %>
<% if (it.d.total > 0) { %><%= it.s.digestIntro(it.d.total) %><% } %>
<% if (it.d.highlight) { const e = it.d.highlight; %>
== <%= it.s.highlight %> ==
<%= e.title %>
<%= e.partner %> · <%= e.date %>
<% if (e.summary) { %><%= e.summary %>
<% } %><% if (e.url) { %><%= e.url %>
<% } %><% } %>
<% for (const section of it.d.sections) { %>
== <%= section.title %> ==
<% for (const e of section.entries) { %>
* <%= e.title %>
  <%= e.partner %> · <%= e.date %> · <%= e.language %> · <%= e.type %>
<% if (e.summary) { %>  <%= e.summary %>
<% } %><% if (e.url) { %>  <%= e.url %>
<% } %><% } %><% } %>
<% if (it.d.upcoming.length) { %>
== <%= it.s.upcomingEvents %> ==
<%= it.s.upcomingIntro %>
<% for (const e of it.d.upcoming) { %>
* <%= e.title %>
  <%= e.when %><% if (e.where) { %> · <%= e.where %><% } %>
<% if (e.url) { %>  <%= e.url %>
<% } %><% if (e.registrationUrl) { %>  <%= it.s.register %>: <%= e.registrationUrl %>
<% } %>  <%= it.s.addToCalendar %>: <%= e.calendarUrl %>
<% } %><% } %>
<% if (it.d.coop.length) { %>
== <%= it.s.coopSection %> ==
<%= it.s.coopIntro %>
<% for (const e of it.d.coop) { %>
* <%= e.kind %> <%= e.id %> · <%= e.title %>
  <%= e.who %>
<% if (e.summary) { %>  <%= e.summary %>
<% } %><% } %><% } %>
<% if (it.d.moreUrl) { %>
<%= it.s.more(it.d.total - it.d.shown) %>: <%= it.d.moreUrl %>
<% } %>
--
<%= it.s.footer %>
<%= it.s.manage %>: <%= it.d.manageUrl %>
<%= it.s.unsubscribe %>: <%= it.d.unsubscribeUrl %>
`;

const renderDigestHtml = template<DigestView>(htmlEngine, 'digest-html', DIGEST_HTML);
const renderDigestText = template<DigestView>(textEngine, 'digest-text', DIGEST_TEXT);

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export function renderDigest(digest: Digest): RenderedEmail {
  const s = STRINGS[digest.language];
  const view = { d: digest, s, title: s.digestHeading };
  return { subject: digest.subject, html: renderDigestHtml(view), text: renderDigestText(view) };
}

/** The digest as a message for SES: one-click unsubscribe headers included. */
export function digestMessage(
  config: RelayConfig,
  digest: Digest,
  rendered = renderDigest(digest),
): OutgoingEmail {
  return {
    from: config.email.sender,
    to: digest.email,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    unsubscribe: { url: digest.unsubscribeUrl },
    headers: { 'X-IASPN-Digest': digest.period },
  };
}

interface NoticeView {
  s: Strings;
  title: string;
  body: string;
  action: string;
  url: string;
}

const NOTICE_HTML = `${LAYOUT_OPEN}
<h1 style="margin:8px 0 8px 0;font-size:22px;line-height:1.3"><%= it.title %></h1>
<p style="margin:0 0 16px 0;font-size:15px;line-height:1.5"><%= it.body %></p>
<p style="margin:0 0 8px 0"><a href="<%= it.url %>" style="display:inline-block;background:#0b5394;color:#ffffff;padding:12px 18px;border-radius:4px;font-weight:600;text-decoration:none"><%= it.action %></a></p>
<p style="margin:0;font-size:12px;color:#52606d;${WRAP}"><%= it.url %></p>
${LAYOUT_CLOSE}`;

const NOTICE_TEXT = `<%= it.title %>

<%= it.body %>

<%= it.action %>: <%= it.url %>
`;

const renderNoticeHtml = template<NoticeView>(htmlEngine, 'notice-html', NOTICE_HTML);
const renderNoticeText = template<NoticeView>(textEngine, 'notice-text', NOTICE_TEXT);

/** The double opt-in email, or the "already subscribed" note (same shape, so neither reveals which). */
export function noticeMessage(
  config: RelayConfig,
  kind: 'confirm' | 'already',
  to: string,
  language: DigestLanguage,
  url: string,
): OutgoingEmail {
  const s = STRINGS[language];
  return kind === 'confirm'
    ? linkMessage(config, to, language, {
        title: s.confirmSubject,
        body: s.confirmBody,
        action: s.confirmAction,
        url,
      })
    : linkMessage(config, to, language, {
        title: s.alreadySubject,
        body: s.alreadyBody,
        action: s.manage,
        url,
      });
}

/** A short email with one action link (the notices' layout): the subject is its title. */
export function linkMessage(
  config: RelayConfig,
  to: string,
  language: DigestLanguage,
  content: { title: string; body: string; action: string; url: string },
): OutgoingEmail {
  const view: NoticeView = { s: STRINGS[language], ...content };
  return {
    from: config.email.sender,
    to,
    subject: view.title,
    html: renderNoticeHtml(view),
    text: renderNoticeText(view),
  };
}
