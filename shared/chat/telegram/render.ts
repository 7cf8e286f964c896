import { escapeAttribute as escapeAttr, escapeMarkup } from '../../escape.js';
import type { Reply, ReplyBlock, ResultCard } from '../reply.js';
import { plainSnippet, snippetParts } from '../reply.js';
import { cutMarkup, cutText } from '../text.js';

/**
 * The reply model as a Telegram message in HTML parse mode (SECURITY.md 18-19): `<`, `>`, `&`
 * escaped in text and `"` too in `href`; only tags Telegram supports (b, i, a); a long message is
 * cut after escaping, never inside an entity or a tag, with open tags closed; 4,096 characters at
 * most; buttons as an inline keyboard. A plain-text rendering is the fallback when Telegram cannot
 * parse the entities anyway.
 */

export const TELEGRAM_LIMITS = { message: 4096, callbackData: 64, buttonsPerRow: 3, inlineTitle: 256 };

export interface InlineKeyboardButton {
  text: string;
  callback_data: string;
}

export interface TelegramMessage {
  /** HTML, for parse_mode HTML. */
  html: string;
  /** The same message as plain text, for the fallback. */
  plain: string;
  keyboard: InlineKeyboardButton[][];
}

export const escapeHtml = escapeMarkup;

export function htmlLink(url: string, text: string): string {
  if (!/^https?:\/\//i.test(url)) return escapeHtml(text);
  return `<a href="${escapeAttr(url)}">${escapeHtml(text)}</a>`;
}

export function cardHtml(card: ResultCard): string {
  // Position 0: a card on its own (an announcement), not one of a numbered list.
  const number = card.position > 0 ? `<b>${card.position}.</b> ` : '';
  const lines = [`${number}${htmlLink(card.url, card.title)}`];
  if (card.meta) lines.push(`<i>${escapeHtml(card.meta)}</i>`);
  if (card.snippet)
    lines.push(
      snippetParts(card.snippet)
        .map((p) => (p.marked ? `<b>${escapeHtml(p.text)}</b>` : escapeHtml(p.text)))
        .join(''),
    );
  if (card.links?.length) lines.push(card.links.map((l) => htmlLink(l.url, l.label)).join(' · '));
  return lines.join('\n');
}

function cardPlain(card: ResultCard): string {
  const lines = [`${card.position > 0 ? `${card.position}. ` : ''}${card.title}`, card.url];
  if (card.meta) lines.push(card.meta);
  if (card.snippet) lines.push(plainSnippet(card.snippet));
  for (const l of card.links ?? []) lines.push(`${l.label}: ${l.url}`);
  return lines.join('\n');
}

function blockHtml(block: ReplyBlock): string | undefined {
  switch (block.kind) {
    case 'heading':
      return `<b>${escapeHtml(block.text)}</b>`;
    case 'text':
      return escapeHtml(block.text);
    case 'muted':
      return `<i>${escapeHtml(block.text)}</i>`;
    case 'item':
      return escapeHtml(block.text);
    case 'card':
      return cardHtml(block.card);
    case 'buttons':
      return undefined;
  }
}

function blockPlain(block: ReplyBlock): string | undefined {
  switch (block.kind) {
    case 'heading':
    case 'text':
    case 'muted':
    case 'item':
      return block.text;
    case 'card':
      return cardPlain(block.card);
    case 'buttons':
      return undefined;
  }
}

function keyboardOf(reply: Reply): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = [];
  const cardButtons: InlineKeyboardButton[] = [];
  for (const block of reply.blocks) {
    if (block.kind === 'card')
      for (const b of block.card.buttons)
        cardButtons.push({ text: cutText(`${b.label} ${block.card.position}`, 40), callback_data: b.action });
  }
  for (let i = 0; i < cardButtons.length; i += TELEGRAM_LIMITS.buttonsPerRow)
    rows.push(cardButtons.slice(i, i + TELEGRAM_LIMITS.buttonsPerRow));
  for (const block of reply.blocks) {
    if (block.kind === 'item')
      rows.push([{ text: cutText(block.button.label, 40), callback_data: block.button.action }]);
    if (block.kind === 'buttons')
      rows.push(block.buttons.map((b) => ({ text: cutText(b.label, 40), callback_data: b.action })));
  }
  // Callback data over 64 bytes would make Telegram refuse the whole message.
  return rows
    .map((row) => row.filter((b) => Buffer.byteLength(b.callback_data) <= TELEGRAM_LIMITS.callbackData))
    .filter((row) => row.length > 0);
}

export function renderTelegram(reply: Reply): TelegramMessage {
  const html = reply.blocks
    .map(blockHtml)
    .filter((s): s is string => Boolean(s))
    .join('\n\n');
  const plain = reply.blocks
    .map(blockPlain)
    .filter((s): s is string => Boolean(s))
    .join('\n\n');
  return {
    html: cutMarkup(html || escapeHtml(reply.summary), TELEGRAM_LIMITS.message),
    plain: cutText(plain || reply.summary, TELEGRAM_LIMITS.message),
    keyboard: keyboardOf(reply),
  };
}
