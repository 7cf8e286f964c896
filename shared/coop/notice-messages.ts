import type { BotLanguage } from '../chat/i18n.js';
import { heading, muted, paragraph, type Reply, type ReplyBlock } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { LAYOUT_CLOSE, LAYOUT_OPEN, WRAP } from '../digest/emails.js';
import type { OutgoingEmail } from '../email/mime.js';
import { htmlEngine, oneLine, template, textEngine } from '../email/render.js';
import { displayCountry } from '../taxonomy/index.js';
import { entryBlocks } from './chat-lines.js';
import type { CoopEntry, CoopKind } from './entry.js';
import type { Match } from './match.js';
import type { NoticeMessage, PlannedNotice } from './notices.js';

/**
 * The cooperation notices as messages, in English and Spanish: a chat reply in the bots' model
 * (the Slack, Telegram and console renderers escape it and keep their limits; no markup here) and
 * the same blocks as an email (HTML, every value escaped by the template, and plain text).
 * Contacts are shown to the Secretariat only: institutions hear who fits, the Secretariat brokers.
 */

/** Entries listed by name in a batch message or a channel's section; the rest are counted. */
export const NOTICE_LISTED = 8;
const SUMMARY_MAX = 280;

const KIND = {
  en: { offer: 'offer', request: 'request' },
  es: { offer: 'oferta', request: 'solicitud' },
} as const satisfies Record<BotLanguage, Record<CoopKind, string>>;

const other = (kind: CoopKind): CoopKind => (kind === 'offer' ? 'request' : 'offer');

export const NOTICE_STRINGS = {
  en: {
    section: 'Cooperation: offers and requests',
    ownHeading: (kind: CoopKind, id: string) =>
      `${kind === 'request' ? 'Offers that fit your request' : 'Requests that fit your offer'} ${id}`,
    ownBatch: (n: number) => `${n} of your offers and requests have matches`,
    counterpartHeading: (kind: CoopKind, yours: string[]) =>
      `A new ${KIND.en[kind]} fits your ${KIND.en[other(kind)]} ${yours.join(', ')}`,
    counterpartBatch: (n: number) => `${n} new offers and requests fit yours`,
    adminHeading: (kind: CoopKind, id: string) => `To broker: new ${KIND.en[kind]} ${id}`,
    adminBatch: (n: number) => `To broker: ${n} new offers and requests with matches`,
    why: (reasons: string[]) => `Why: ${reasons.join('; ')}`,
    bestFit: (id: string, title: string) => `Best fit: ${id} · ${title}`,
    pair: (id: string, title: string, score: number) => `↔ ${id} · ${title} (score ${score.toFixed(2)})`,
    contact: (contact: string) => `Contact: ${contact}`,
    kindLabel: (kind: CoopKind) => (kind === 'offer' ? 'Offer' : 'Request'),
    more: (n: number) => `…and ${n} more.`,
    chatHint: (id: string) => `Who fits: matches ${id}`,
    secretariat: 'The Technical Secretariat has these pairs and will help arrange the exchange.',
    emailFooter:
      'You receive this because your institution offered or asked for cooperation in the IASPN exchange. The Technical Secretariat will be in touch to arrange it.',
    portal: 'IASPN Knowledge Portal',
  },
  es: {
    section: 'Cooperación: ofertas y solicitudes',
    ownHeading: (kind: CoopKind, id: string) =>
      `${kind === 'request' ? 'Ofertas que encajan con su solicitud' : 'Solicitudes que encajan con su oferta'} ${id}`,
    ownBatch: (n: number) => `${n} de sus ofertas y solicitudes tienen coincidencias`,
    counterpartHeading: (kind: CoopKind, yours: string[]) =>
      `${kind === 'offer' ? 'Una nueva oferta encaja' : 'Una nueva solicitud encaja'} con su ${KIND.es[other(kind)]} ${yours.join(', ')}`,
    counterpartBatch: (n: number) => `${n} ofertas y solicitudes nuevas encajan con las suyas`,
    adminHeading: (kind: CoopKind, id: string) =>
      `Para gestionar: ${kind === 'offer' ? 'nueva oferta' : 'nueva solicitud'} ${id}`,
    adminBatch: (n: number) => `Para gestionar: ${n} ofertas y solicitudes nuevas con coincidencias`,
    why: (reasons: string[]) => `Por qué: ${reasons.join('; ')}`,
    bestFit: (id: string, title: string) => `Mejor coincidencia: ${id} · ${title}`,
    pair: (id: string, title: string, score: number) =>
      `↔ ${id} · ${title} (puntuación ${score.toFixed(2).replace('.', ',')})`,
    contact: (contact: string) => `Contacto: ${contact}`,
    kindLabel: (kind: CoopKind) => (kind === 'offer' ? 'Oferta' : 'Solicitud'),
    more: (n: number) => `…y ${n} más.`,
    chatHint: (id: string) => `Quién coincide: coincidencias ${id}`,
    secretariat: 'La Secretaría Técnica tiene estas parejas y ayudará a organizar el intercambio.',
    emailFooter:
      'Recibe este mensaje porque su institución ofreció o pidió cooperación en el intercambio de la RIPSO. La Secretaría Técnica se pondrá en contacto para organizarlo.',
    portal: 'Portal de Conocimiento de la RIPSO',
  },
} satisfies Record<BotLanguage, unknown>;

const summaryOf = (entry: CoopEntry) => cutText(cleanText(entry.summary), SUMMARY_MAX);

/** The entry's id, kind and title, then institution, country, modalities and languages. */
function entryHead(entry: CoopEntry, lang: BotLanguage): ReplyBlock[] {
  const [title, ...rest] = entryBlocks(entry, lang);
  const s = NOTICE_STRINGS[lang];
  return [paragraph(`${s.kindLabel(entry.kind)} ${(title as { text: string }).text}`), ...rest];
}

const why = (m: Match, lang: BotLanguage) =>
  m.reasons.length ? [muted(NOTICE_STRINGS[lang].why(m.reasons.map((r) => r[lang])))] : [];

/** One notice in full: what the recipient needs to act on it. */
function fullBlocks(n: PlannedNotice, lang: BotLanguage, via: 'chat' | 'email'): ReplyBlock[] {
  const s = NOTICE_STRINGS[lang];
  const e = n.entry;
  switch (n.role) {
    case 'own':
      return [
        heading(s.ownHeading(e.kind, e.id)),
        ...n.matches.flatMap((m, i) => [...entryBlocks(m.entry, lang, i + 1), ...why(m, lang)]),
        muted(via === 'chat' ? `${s.secretariat} ${s.chatHint(e.id)}` : s.secretariat),
      ];
    case 'counterpart':
      return [
        heading(
          s.counterpartHeading(
            e.kind,
            n.matches.map((m) => m.entry.id),
          ),
        ),
        ...entryHead(e, lang),
        paragraph(summaryOf(e)),
        ...n.matches.flatMap((m) => why(m, lang)),
        muted(via === 'chat' ? `${s.secretariat} ${s.chatHint(e.id)}` : s.secretariat),
      ];
    case 'admin':
      return [
        heading(s.adminHeading(e.kind, e.id)),
        ...entryHead(e, lang),
        muted(s.contact(e.contact)),
        ...n.matches.flatMap((m) => [
          paragraph(s.pair(m.entry.id, m.entry.title, m.score)),
          muted(
            [
              `${m.entry.institution}, ${displayCountry(m.entry.country, lang)}`,
              s.contact(m.entry.contact),
            ].join(' · '),
          ),
          ...why(m, lang),
        ]),
      ];
    case 'topic':
      return [...entryHead(e, lang), paragraph(summaryOf(e)), muted(s.chatHint(e.id))];
  }
}

/** One notice in a list: the entry, and its best fit where it has one. */
function compactBlocks(n: PlannedNotice, lang: BotLanguage): ReplyBlock[] {
  const s = NOTICE_STRINGS[lang];
  const best = n.matches[0];
  return [...entryHead(n.entry, lang), ...(best ? [muted(s.bestFit(best.entry.id, best.entry.title))] : [])];
}

/** A message (one notice or a batch of one role) as a reply in the bots' model. */
export function noticeReply(
  message: NoticeMessage,
  lang: BotLanguage,
  via: 'chat' | 'email' = 'chat',
): Reply {
  const s = NOTICE_STRINGS[lang];
  const { notices, role } = message;
  if (role !== 'topic' && notices.length === 1) {
    const blocks = fullBlocks(notices[0]!, lang, via);
    return { blocks, summary: (blocks[0] as { text: string }).text };
  }
  const title =
    role === 'topic'
      ? s.section
      : role === 'own'
        ? s.ownBatch(notices.length)
        : role === 'counterpart'
          ? s.counterpartBatch(notices.length)
          : s.adminBatch(notices.length);
  // An email has room for every notice in full; a chat message lists the first few.
  const listed = via === 'email' ? notices : notices.slice(0, NOTICE_LISTED);
  const blocks: ReplyBlock[] = [heading(title)];
  for (const n of listed)
    blocks.push(...(via === 'email' || role === 'topic' ? fullBlocks(n, lang, via) : compactBlocks(n, lang)));
  if (notices.length > listed.length) blocks.push(muted(s.more(notices.length - listed.length)));
  return { blocks, summary: role === 'topic' ? `${title} (${notices.length})` : title };
}

// ---------------------------------------------------------------------------------------------
// Email

interface EmailView {
  s: { lang: BotLanguage; portal: string };
  title: string;
  blocks: ReplyBlock[];
  footer: string;
}

/** The digest's layout (one column, at most 600px, inline styles only), with the reply's blocks. */
const NOTICE_HTML = `${LAYOUT_OPEN}
<% for (const b of it.blocks) { %><% if (b.kind === 'heading') { %><h2 style="margin:16px 0 6px 0;font-size:18px;line-height:1.3"><%= b.text %></h2>
<% } else if (b.kind === 'text') { %><p style="margin:8px 0 2px 0;font-size:15px;line-height:1.45"><%= b.text %></p>
<% } else if (b.kind === 'muted') { %><p style="margin:0 0 4px 0;font-size:13px;line-height:1.45;color:#52606d"><%= b.text %></p>
<% } %><% } %>
</td></tr>
<tr><td style="padding:16px 20px 20px 20px;border-top:1px solid #e4e7eb;font-size:12px;line-height:1.5;color:#52606d;${WRAP}"><%= it.footer %>
${LAYOUT_CLOSE}`;

const NOTICE_TEXT = `<% for (const b of it.blocks) { %><% if (b.kind === 'heading') { %>
== <%= b.text %> ==
<% } else if (b.kind === 'text') { %>
<%= b.text %>
<% } else if (b.kind === 'muted') { %>  <%= b.text %>
<% } %><% } %>
--
<%= it.footer %>
`;

const renderHtml = template<EmailView>(htmlEngine, 'coop-notice-html', NOTICE_HTML);
const renderText = template<EmailView>(textEngine, 'coop-notice-text', NOTICE_TEXT);

/** A message as an email to an institution's address, in its language. */
export function noticeEmail(
  message: NoticeMessage,
  lang: BotLanguage,
  to: string,
  from: string,
): OutgoingEmail {
  const s = NOTICE_STRINGS[lang];
  const reply = noticeReply(message, lang, 'email');
  const view: EmailView = {
    s: { lang, portal: s.portal },
    title: reply.summary,
    blocks: reply.blocks,
    footer: s.emailFooter,
  };
  return {
    from,
    to,
    subject: oneLine(`${s.portal}: ${reply.summary}`, 150),
    html: renderHtml(view),
    text: renderText(view).replace(/^\n+/, ''),
    headers: { 'X-IASPN-Coop': message.notices.map((n) => n.entry.id).join(' ') },
  };
}
