import { escapeMarkup } from '../../escape.js';
import type { CoopForm, FollowForm, Reply, ReplyBlock, ResultCard } from '../reply.js';
import { snippetParts } from '../reply.js';
import { cutMarkup, cutText } from '../text.js';

/**
 * The reply model as Slack Block Kit. Every piece of feed and member text is escaped for mrkdwn
 * (`&`, `<`, `>`: that neutralises `<!channel>`, `<@U…>` and `<url|fake text>`, SECURITY.md 17),
 * headers are plain_text, and Slack's limits hold: 3,000 characters a section, 150 a header,
 * 75 a button label, 50 blocks a message.
 */

export const SLACK_LIMITS = { section: 3000, header: 150, context: 2000, button: 75, blocks: 50, text: 3000 };

// Block Kit JSON, typed loosely: the shapes are Slack's, checked by the tests.
export type SlackBlock = Record<string, unknown>;

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
  /** Replies list many links: no previews of videos and pages under them, as in announcements. */
  unfurl_links: false;
  unfurl_media: false;
}

/** Slack's mrkdwn escaping is HTML's: `&`, `<` and `>` (SECURITY.md item 17). */
export const escapeMrkdwn = escapeMarkup;

/** `<url|text>` for http(s) URLs; anything else is shown as escaped text without a link. */
export function slackLink(url: string, text: string): string {
  const label = escapeMrkdwn(text);
  if (!/^https?:\/\//i.test(url)) return label;
  const safeUrl = url.replace(/[<>|\s]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  return `<${safeUrl}|${label}>`;
}

const mrkdwn = (text: string) => ({
  type: 'mrkdwn',
  text: cutMarkup(text, SLACK_LIMITS.section, { closeTags: false }),
});
const plain = (text: string, max: number) => ({ type: 'plain_text', text: cutText(text, max), emoji: false });

function button(label: string, action: string, id: string): SlackBlock {
  return { type: 'button', text: plain(label, SLACK_LIMITS.button), action_id: id, value: action };
}

function cardText(card: ResultCard): string {
  const lines = [`*${slackLink(card.url, card.title)}*`];
  if (card.meta) lines.push(`_${escapeMrkdwn(card.meta)}_`);
  if (card.snippet) {
    lines.push(
      snippetParts(card.snippet)
        .map((p) => (p.marked ? `*${escapeMrkdwn(p.text)}*` : escapeMrkdwn(p.text)))
        .join(''),
    );
  }
  if (card.links?.length) lines.push(card.links.map((l) => slackLink(l.url, l.label)).join(' · '));
  return lines.join('\n');
}

/** Long text as several sections, split at line ends, each within the section limit. */
function sections(text: string): SlackBlock[] {
  const out: SlackBlock[] = [];
  let current = '';
  for (const line of escapeMrkdwn(text).split('\n')) {
    if (current && current.length + line.length + 1 > SLACK_LIMITS.section) {
      out.push({ type: 'section', text: mrkdwn(current) });
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) out.push({ type: 'section', text: mrkdwn(current) });
  return out;
}

function renderBlock(block: ReplyBlock, index: number): SlackBlock[] {
  switch (block.kind) {
    case 'heading':
      return [{ type: 'header', text: plain(block.text, SLACK_LIMITS.header) }];
    case 'text':
      return sections(block.text);
    case 'muted':
      return [
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text: cutMarkup(escapeMrkdwn(block.text), SLACK_LIMITS.context, { closeTags: false }),
            },
          ],
        },
      ];
    case 'card': {
      const [first, ...others] = block.card.buttons;
      const section: SlackBlock = { type: 'section', text: mrkdwn(cardText(block.card)) };
      if (first) section.accessory = button(first.label, first.action, `iaspn:${index}:0`);
      const out = [section];
      if (others.length)
        out.push({
          type: 'actions',
          elements: others.map((b, i) => button(b.label, b.action, `iaspn:${index}:${i + 1}`)),
        });
      return out;
    }
    case 'item':
      return [
        {
          type: 'section',
          text: mrkdwn(escapeMrkdwn(block.text)),
          accessory: button(block.button.label, block.button.action, `iaspn:${index}:0`),
        },
      ];
    case 'buttons':
      return [
        {
          type: 'actions',
          elements: block.buttons
            .slice(0, 25)
            .map((b, i) => button(b.label, b.action, `iaspn:${index}:${i}`)),
        },
      ];
  }
}

/** The reply as a Slack message: blocks within limits plus the escaped `text` fallback. */
export function renderSlack(reply: Reply, maxBlocks = SLACK_LIMITS.blocks): SlackMessage {
  const all = reply.blocks.flatMap((block, i) => renderBlock(block, i));
  let blocks = all;
  if (all.length > maxBlocks) {
    // Keep the trailing actions (the "More results" button) when something has to go.
    const last = all.at(-1)!;
    const keepLast = last.type === 'actions';
    blocks = [...all.slice(0, maxBlocks - (keepLast ? 1 : 0)), ...(keepLast ? [last] : [])];
  }
  return {
    text: cutMarkup(escapeMrkdwn(reply.summary), SLACK_LIMITS.text, { closeTags: false }),
    blocks,
    unfurl_links: false,
    unfurl_media: false,
  };
}

/** The App Home's follow form as a modal: a conversation to choose and the filter words. */
export const FOLLOW_MODAL = 'iaspn:follow-form';
/** The modal's block and action ids (a refusal is shown on its block: `response_action: errors`). */
export const FOLLOW_MODAL_FIELDS = { channel: 'channel', filter: 'filter' } as const;

/** Modal limits: title, submit and close 24 characters, a label 2,000, a placeholder 150. */
export const MODAL_LIMITS = { title: 24, label: 2000, placeholder: 150, hint: 2000, input: 3000 };

export function renderFollowModal(form: FollowForm): SlackBlock {
  const { channel, filter } = FOLLOW_MODAL_FIELDS;
  return {
    type: 'modal',
    callback_id: FOLLOW_MODAL,
    title: plain(form.title, MODAL_LIMITS.title),
    submit: plain(form.submit, MODAL_LIMITS.title),
    close: plain(form.cancel, MODAL_LIMITS.title),
    blocks: [
      {
        type: 'input',
        block_id: channel,
        label: plain(form.channelLabel, MODAL_LIMITS.label),
        element: {
          type: 'conversations_select',
          action_id: channel,
          filter: { include: ['public', 'private'], exclude_bot_users: true },
        },
      },
      {
        type: 'input',
        block_id: filter,
        label: plain(form.filterLabel, MODAL_LIMITS.label),
        hint: plain(form.filterHint, MODAL_LIMITS.hint),
        element: {
          type: 'plain_text_input',
          action_id: filter,
          max_length: 500,
          placeholder: plain(form.placeholder, MODAL_LIMITS.placeholder),
        },
      },
    ],
  };
}

/** The offer or request form as a modal: one input a field, its block and action ids the field's name. */
export const COOP_MODAL = 'iaspn:coop-form';

/** What the modal carries to its submission: the kind and the member's language. */
export interface CoopModalMetadata {
  kind: 'offer' | 'request';
  language: 'en' | 'es';
}

export function renderCoopModal(form: CoopForm): SlackBlock {
  const metadata: CoopModalMetadata = { kind: form.entryKind, language: form.language };
  return {
    type: 'modal',
    callback_id: COOP_MODAL,
    private_metadata: JSON.stringify(metadata),
    title: plain(form.title, MODAL_LIMITS.title),
    submit: plain(form.submit, MODAL_LIMITS.title),
    close: plain(form.cancel, MODAL_LIMITS.title),
    blocks: form.fields.map((f) => ({
      type: 'input',
      block_id: f.name,
      optional: f.optional,
      label: plain(f.label, MODAL_LIMITS.label),
      hint: plain(f.hint, MODAL_LIMITS.hint),
      element: {
        type: 'plain_text_input',
        action_id: f.name,
        multiline: f.multiline,
        max_length: Math.min(f.maxLength, MODAL_LIMITS.input),
        placeholder: plain(f.placeholder, MODAL_LIMITS.placeholder),
      },
    })),
  };
}

/** The modal's metadata as submitted, checked: undefined when it is not ours. */
export function coopModalMetadata(text: string | undefined): CoopModalMetadata | undefined {
  try {
    const m = JSON.parse(text ?? '') as Partial<CoopModalMetadata>;
    if ((m.kind === 'offer' || m.kind === 'request') && (m.language === 'en' || m.language === 'es'))
      return { kind: m.kind, language: m.language };
  } catch {
    // not ours
  }
  return undefined;
}
