import type { ChatContext } from '../chat/context.js';
import type { BotLanguage } from '../chat/i18n.js';
import { heading, muted, paragraph, type Reply, type ReplyBlock } from '../chat/reply.js';
import { matchBlocks } from '../coop/chat-lines.js';
import {
  type CoopEntry,
  type CoopKind,
  type CoopOrigin,
  type DraftIssue,
  MODALITIES,
  MODALITY_NAMES,
  type Modality,
  type RawDraft,
  resolveDraft,
} from '../coop/entry.js';
import { matchesOf } from '../coop/exchange.js';
import { createEntry } from '../coop/store.js';
import { COOP_STRINGS } from '../coop/web/strings.js';
import { canonicalEmailAddress } from '../email/address.js';
import { ConditionFailedError } from '../errors.js';
import { displayCountry, displayLanguage, displayTopic, foldText } from '../taxonomy/index.js';
import type { CommandEnv } from './commands/command.js';
import { readTalk, type TalkState, talkExpiresAt, talkKey } from './coop-talk-state.js';
import {
  CANCEL_WORDS,
  exampleOf,
  fieldsFor,
  NO_WORDS,
  OPTIONAL_FIELDS,
  SKIP_WORDS,
  TALK_WORDS,
  type TalkField,
  YES_WORDS,
} from './coop-talk-words.js';

/**
 * The guided offer and request on faces without forms (Telegram, the console): one step a
 * message, each answerable in one line, checked by the draft validation (shared/coop/entry.ts, the
 * one filter language) as it is typed; a bad answer is re-asked with the reason and the closest
 * value, optional steps may be skipped, `cancel` drops it at any step, and a summary is confirmed
 * before anything is saved.
 *
 * Lambdas keep nothing between messages, so the conversation lives in the table: one item per
 * chat and member (`USER#…` / `COOPTALK#<chat>`), every step an update conditional on the version
 * read (two messages racing on one step: one is taken, the other is told), a TTL so that an
 * abandoned conversation expires, and the final save claimed by a conditional delete, so that two
 * "yes" at once save one entry.
 */

/** How many matches the confirmation shows. */
const BEST = 3;

/** Where an entry from this chat came from, so that notifications reach the member who wrote it. */
export function originOf(ctx: ChatContext, lang: BotLanguage): CoopOrigin {
  const { platform } = ctx.channel;
  // Slack: the member (a direct message from the app reaches them anywhere); else the chat.
  const address = platform === 'slack' ? ctx.user.userId : ctx.channel.channelId;
  return { face: platform, address, language: lang };
}

/** One problem of a draft in the member's words: the reason and the closest valid value. */
export function issueText(issue: DraftIssue, lang: BotLanguage): string {
  const w = TALK_WORDS[lang];
  switch (issue.code) {
    case 'missing':
      return w.empty;
    case 'too_long':
      return w.tooLong(issue.max);
    case 'invalid':
      return issue.text;
    case 'unknown': {
      if (issue.field === 'modalities') {
        const name = (m: Modality) => MODALITY_NAMES[m][lang];
        const closest = issue.suggestions[0] as Modality | undefined;
        return w.unknownModality(issue.typed, closest ? name(closest) : '', MODALITIES.map(name).join(', '));
      }
      const field = issue.field as 'topics' | 'country' | 'languages';
      const display = { topics: displayTopic, country: displayCountry, languages: displayLanguage }[field];
      return w.unknownValue(
        issue.typed,
        w.nouns[field],
        issue.suggestions.map((id) => display(id, lang)),
      );
    }
  }
}

/**
 * The problems of one field's answer, checked by the draft validation (none: it is good). The
 * contact must be an email address, as on the web form and in its words: it is where the
 * Secretariat writes when a match is made.
 */
export function answerIssues(
  kind: CoopKind,
  field: TalkField,
  value: string,
  lang: BotLanguage = 'en',
): DraftIssue[] {
  const result = resolveDraft({ kind, [field]: value });
  const issues = result.ok ? [] : result.issues.filter((i) => i.field === field);
  return field === 'contact' && issues.length === 0 ? contactIssues(value, lang) : issues;
}

function contactIssues(value: unknown, lang: BotLanguage): DraftIssue[] {
  const typed = typeof value === 'string' ? value.trim() : '';
  if (typed === '' || canonicalEmailAddress(typed)) return [];
  return [{ field: 'contact', code: 'invalid', typed, text: COOP_STRINGS[lang].errors.email }];
}

/** A step's prompt: where we are, what is expected with an example, and how messages are taken. */
function stepBlocks(state: TalkState): ReplyBlock[] {
  const changing = state.editing ? state.answers[fieldsFor(state.kind)[state.step]!] : undefined;
  const w = TALK_WORDS[state.lang];
  const fields = fieldsFor(state.kind);
  const field = fields[state.step]!;
  const f = w.fields[field];
  const blocks: ReplyBlock[] = [
    heading(w.stepHeading(state.kind, state.step + 1, fields.length, f.label)),
    paragraph(`${f.expects}.`.replace(/^./, (c) => c.toUpperCase())),
    paragraph(w.exampleLine(exampleOf(f, state.kind))),
  ];
  if (state.editing) blocks.push(muted(w.now(changing || w.none)));
  if (OPTIONAL_FIELDS.has(field)) blocks.push(muted(w.optional));
  blocks.push(muted(w.howToAnswer));
  return blocks;
}

/** The answers as they will be saved (names in the member's language), then the question. */
function summaryBlocks(state: TalkState): ReplyBlock[] {
  const w = TALK_WORDS[state.lang];
  const lang = state.lang;
  const resolved = resolveDraft({ kind: state.kind, ...state.answers });
  const draft = resolved.ok ? resolved.draft : undefined;
  const shown: Partial<Record<TalkField, string>> = { ...state.answers };
  if (draft) {
    shown.topics = draft.topics.map((t) => displayTopic(t, lang)).join(', ');
    shown.country = displayCountry(draft.country, lang);
    shown.modalities = draft.modalities.map((m) => MODALITY_NAMES[m][lang]).join(', ');
    // Spanish writes language names in lower case inside a sentence, as the lists do (shared/coop/chat-lines.ts).
    const languageName = (l: string) =>
      lang === 'es' ? displayLanguage(l, lang).toLowerCase() : displayLanguage(l, lang);
    shown.languages = draft.languages.map(languageName).join(', ');
  }
  const lines = fieldsFor(state.kind).map((f, i) => `${i + 1}. ${w.fields[f].label}: ${shown[f] || w.none}`);
  return [
    heading(w.summaryHeading(state.kind)),
    paragraph(lines.join('\n')),
    paragraph(w.confirm),
    muted(w.howToAnswer),
  ];
}

const promptBlocks = (state: TalkState) =>
  state.step >= fieldsFor(state.kind).length ? summaryBlocks(state) : stepBlocks(state);

function reply(blocks: ReplyBlock[]): Reply {
  const first = blocks.find((b) => b.kind === 'heading' || b.kind === 'text');
  return { blocks, summary: first && 'text' in first ? first.text : '', private: true };
}

/** Starts (or starts again) a guided offer or request in this chat: its first step. */
export async function startTalk(
  env: CommandEnv,
  ctx: ChatContext,
  kind: CoopKind,
  lang: BotLanguage,
): Promise<Reply> {
  const state: TalkState = { kind, lang, step: 0, answers: {}, version: 1 };
  await env.store.put({ ...talkKey(ctx), ...state, expiresAt: talkExpiresAt(env.now()) });
  return reply([paragraph(TALK_WORDS[lang].intro(kind)), ...stepBlocks(state)]);
}

/** The stored entry and its best matches, as the confirmation shows them. */
export async function savedBlocks(
  env: CommandEnv,
  entry: CoopEntry,
  lang: BotLanguage,
): Promise<ReplyBlock[]> {
  const w = TALK_WORDS[lang];
  const blocks: ReplyBlock[] = [paragraph(w.saved(entry.kind, entry.id))];
  const found = await matchesOf(env.store, entry.id, BEST);
  if (found && found.matches.length > 0)
    blocks.push(paragraph(w.bestMatches), ...matchBlocks(found.matches, lang));
  else blocks.push(muted(w.noMatchesYet(entry.kind)));
  return blocks;
}

/** Saves a draft written in a chat, with its origin; refused, the problems come back on their fields. */
export async function saveFromChat(
  env: CommandEnv,
  ctx: ChatContext,
  raw: RawDraft,
  lang: BotLanguage,
): Promise<{ entry: CoopEntry } | { issues: DraftIssue[] }> {
  const resolved = resolveDraft({ ...raw, origin: originOf(ctx, lang) });
  const contact = contactIssues(raw.contact, lang);
  if (!resolved.ok || contact.length > 0)
    return { issues: [...(resolved.ok ? [] : resolved.issues), ...contact] };
  const by = `${ctx.channel.platform}:${ctx.user.userId}`;
  const { entry } = await createEntry(env.store, resolved.draft, { who: by, at: env.now() });
  return { entry };
}

/**
 * A message in a chat where the member's conversation stands at `state` (read by the core with
 * `readTalk`; with none there, the message is a command as usual): its next step. `cancel` drops
 * it; `help` shows the step again.
 */
export async function continueTalk(
  env: CommandEnv,
  ctx: ChatContext,
  text: string,
  state: TalkState,
): Promise<Reply> {
  const w = TALK_WORDS[state.lang];
  const answer = text.replace(/\s+/g, ' ').trim();
  const word = foldText(answer.replace(/^\/+/, ''));
  const versioned = versionIs(state);

  if (CANCEL_WORDS.has(word)) {
    await env.store.delete(talkKey(ctx), versioned);
    return reply([paragraph(w.cancelled(state.kind))]);
  }
  if (['help', 'ayuda', '?', 'start', 'inicio'].includes(word)) return reply(promptBlocks(state));

  const fields = fieldsFor(state.kind);
  if (state.step >= fields.length) {
    if (NO_WORDS.has(word)) return reply([paragraph(w.whichOne(fields.length)), ...summaryBlocks(state)]);
    const change = fieldNamed(fields, word);
    if (change === 'out of range')
      return reply([paragraph(w.whichOne(fields.length)), ...summaryBlocks(state)]);
    if (change !== undefined) return moveTo(env, ctx, state, { step: change, editing: true });
    if (!YES_WORDS.has(word)) return reply([paragraph(w.confirmAgain), ...summaryBlocks(state)]);
    // The save is claimed by removing the conversation: of two "yes" at once, one saves.
    if (!(await env.store.delete(talkKey(ctx), versioned))) return reply([paragraph(w.ended)]);
    const saved = await saveFromChat(env, ctx, { kind: state.kind, ...state.answers }, state.lang);
    if ('issues' in saved) {
      // Only when the vocabulary changed since the answers were checked: nothing saved, say why.
      return reply([paragraph(saved.issues.map((i) => issueText(i, state.lang)).join(' '))]);
    }
    return reply(await savedBlocks(env, saved.entry, state.lang));
  }

  const field = fields[state.step]!;
  let value = answer;
  if (SKIP_WORDS.has(word)) {
    if (!OPTIONAL_FIELDS.has(field)) return reply([paragraph(w.notNeeded), ...stepBlocks(state)]);
    value = '';
  } else {
    const issues = answer === '' ? [] : answerIssues(state.kind, field, answer, state.lang);
    const problem = answer === '' ? w.empty : issues.map((i) => issueText(i, state.lang)).join(' ');
    if (problem) return reply([paragraph(problem), muted(w.again), ...stepBlocks(state)]);
  }
  // A changed answer goes back to the summary; on the way in, to the next step.
  return moveTo(env, ctx, state, {
    step: state.editing ? fields.length : state.step + 1,
    answers: { ...state.answers, [field]: value },
    editing: false,
  });
}

/**
 * The field a summary answer names: its number ("3") or its label in either language ("topics",
 * "temas"); `out of range` for a number past the steps.
 */
function fieldNamed(fields: TalkField[], word: string): number | 'out of range' | undefined {
  const number = /^#?(\d{1,2})\.?$/.exec(word);
  if (number) {
    const n = Number(number[1]);
    return n >= 1 && n <= fields.length ? n - 1 : 'out of range';
  }
  const at = fields.findIndex((f) =>
    Object.values(TALK_WORDS).some((w) => foldText(w.fields[f].label) === word),
  );
  return at === -1 ? undefined : at;
}

/** The condition every change of the conversation is made on: the version it read. */
const versionIs = (state: TalkState) => ({
  expression: '#version = :version',
  names: { '#version': 'version' },
  values: { ':version': state.version },
});

/** Moves the conversation to a step (and answers), conditional on the version read; its prompt. */
async function moveTo(
  env: CommandEnv,
  ctx: ChatContext,
  state: TalkState,
  change: Pick<TalkState, 'step' | 'editing'> & Partial<Pick<TalkState, 'answers'>>,
): Promise<Reply> {
  const w = TALK_WORDS[state.lang];
  const next: TalkState = { ...state, ...change, version: state.version + 1 };
  try {
    await env.store.update(
      talkKey(ctx),
      {
        set: {
          step: next.step,
          answers: next.answers,
          editing: next.editing === true,
          expiresAt: talkExpiresAt(env.now()),
        },
        add: { version: 1 },
      },
      versionIs(state),
    );
  } catch (error) {
    if (!(error instanceof ConditionFailedError)) throw error;
    const now = await readTalk(env.store, ctx);
    return reply(now ? [paragraph(w.crossed), ...promptBlocks(now)] : [paragraph(w.ended)]);
  }
  return reply(promptBlocks(next));
}
