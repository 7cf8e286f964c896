import type { ChatContext } from '../chat/context.js';
import type { BotLanguage } from '../chat/i18n.js';
import type { CoopKind } from '../coop/entry.js';
import { userKeyOf } from '../follows/state.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';
import type { TalkField } from './coop-talk-words.js';

/**
 * Where a guided offer or request stands in one chat (coop-talk.ts has the conversation). Apart,
 * and small, because the core reads it for every message to know whether a conversation takes it:
 * the conversation's code (the draft validation, the taxonomy, the matches) loads only then.
 */

/** An abandoned conversation reads as absent after this long without an answer. */
export const TALK_TTL_SECONDS = 60 * 60;

export interface TalkState {
  kind: CoopKind;
  lang: BotLanguage;
  /** Index of the step being asked; `fieldsFor(kind).length` is the final confirmation. */
  step: number;
  answers: Partial<Record<TalkField, string>>;
  version: number;
  /** One answer is being changed from the summary: once answered, the summary comes back. */
  editing?: boolean;
}

export const talkKey = (ctx: ChatContext) => keys.coopTalk(userKeyOf(ctx.user), ctx.channel.channelId);

export const talkExpiresAt = (now: Date) => Math.floor(now.getTime() / 1000) + TALK_TTL_SECONDS;

/** The conversation under way in this chat with this member, if any. */
export async function readTalk(store: Store, ctx: ChatContext): Promise<TalkState | undefined> {
  const item = await store.get(talkKey(ctx), { consistent: true });
  if (!item) return undefined;
  return {
    kind: item.kind as CoopKind,
    lang: item.lang as BotLanguage,
    step: Number(item.step),
    answers: (item.answers ?? {}) as TalkState['answers'],
    version: Number(item.version),
    ...(item.editing === true ? { editing: true } : {}),
  };
}
