/**
 * The platform-neutral reply model. The command core returns it; each face (Slack Block Kit,
 * Telegram HTML, the console) renders it its own way and applies its own escaping and limits.
 * Every string here is plain text as it came from the library or the member: never markup.
 */

/** A button: a label and a compact action id (at most 64 bytes, Telegram's callback-data limit). */
export interface Button {
  label: string;
  action: string;
}

/** One library resource as a result: each face links the title and marks the snippet's «words». */
export interface ResultCard {
  /** Position in the list (1-based), so members can refer to it (`bookmark 2`); 0 for a card on its own. */
  position: number;
  resourceId: string;
  title: string;
  url: string;
  /** "Partner · 3 Mar 2025 · document" */
  meta: string;
  /** Plain text; matched words are marked «like this». */
  snippet: string;
  /** Links under the card (an event's registration, "Add to calendar"): label and http(s) URL. */
  links?: { label: string; url: string }[];
  buttons: Button[];
}

export type ReplyBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'muted'; text: string }
  | { kind: 'card'; card: ResultCard }
  | { kind: 'buttons'; buttons: Button[] }
  /** One line of a list with its own button (the App Home's follows and their Unfollow). */
  | { kind: 'item'; text: string; button: Button };

export interface Reply {
  blocks: ReplyBlock[];
  /** A one-line summary: notification text, Slack's `text` fallback, Telegram's callback toast. */
  summary: string;
  /** Only the asker should see it (Slack ephemeral); public replies go to the whole channel. */
  private?: boolean;
}

/** The result of pressing a button. */
export interface ActionOutcome {
  /** A short confirmation ("Bookmarked"), shown as a toast where the platform has one. */
  toast?: string;
  /** A new reply to show (the next page), if any. */
  reply?: Reply;
  /** The reply replaces the message that held the button (pagination). */
  replace?: boolean;
  /** A form to open (Slack: a modal), in the member's language. */
  form?: FollowForm | CoopForm;
}

/** The App Home's "follow something" form: a conversation to choose and filter words to type. */
export interface FollowForm {
  kind: 'follow';
  title: string;
  channelLabel: string;
  filterLabel: string;
  filterHint: string;
  placeholder: string;
  submit: string;
  cancel: string;
}

/** One field of the offer or request form (shared/bot/coop-talk-words.ts names them). */
export interface CoopFormField {
  name: string;
  label: string;
  hint: string;
  placeholder: string;
  optional: boolean;
  multiline: boolean;
  maxLength: number;
}

/** The offer or request form (`offer` / `request` where the face has forms: a Slack modal). */
export interface CoopForm {
  kind: 'coop';
  entryKind: 'offer' | 'request';
  language: 'en' | 'es';
  title: string;
  submit: string;
  cancel: string;
  fields: CoopFormField[];
}

/** What became of a submitted offer or request form: errors by field (nothing saved), else the confirmation. */
export interface CoopFormOutcome {
  errors?: Record<string, string>;
  /** The confirmation (the entry's id and its best matches), when it was saved. */
  reply?: Reply;
}

/** What became of a submitted follow form: errors by field (nothing saved), else what was done. */
export interface FormOutcome {
  errors?: { channel?: string; filter?: string };
  /** The answer to show (the follow command's own reply), when it was saved. */
  notice?: string;
}

export const heading = (text: string): ReplyBlock => ({ kind: 'heading', text });
export const paragraph = (text: string): ReplyBlock => ({ kind: 'text', text });
export const muted = (text: string): ReplyBlock => ({ kind: 'muted', text });

export function textReply(text: string, options: { private?: boolean } = {}): Reply {
  return { blocks: [paragraph(text)], summary: text, private: options.private };
}

/** Splits a snippet on its «marks»: odd parts are the matched words. */
export function snippetParts(snippet: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  const re = /«([^«»]*)»/g;
  let last = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), marked: false });
    if (m[1]) parts.push({ text: m[1], marked: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), marked: false });
  return parts;
}

/** The snippet without its marks. */
export const plainSnippet = (snippet: string) => snippet.replace(/[«»]/g, '');
