import type { ChannelRef, UserRef } from '../follows/state.js';
import type { BotLanguage } from './i18n.js';
import type { CallCommand } from './idiom.js';
import type { ActionOutcome, CoopForm, CoopFormOutcome, FormOutcome, Reply, ResultCard } from './reply.js';

/**
 * The contract between the platform faces (Slack, Telegram, the console) and the command core:
 * who is asking and where, and the five things a face may ask of the core.
 */

/** Who is asking, where, and what the platform says about them: built by each face. */
export interface ChatContext {
  channel: ChannelRef;
  user: UserRef;
  /** A direct message (one member) or a channel or group (admins decide its follows). */
  conversation: 'direct' | 'group';
  /** The platform's locale for the member (Slack's `locale`, Telegram's `language_code`). */
  locale?: string | (() => Promise<string | undefined>);
  /** The member's IANA time zone as the platform knows it (Slack's user `tz`), asked lazily. */
  timeZone?: () => Promise<string | undefined>;
  /** True when the member may change this conversation's follows and language (asked lazily). */
  canManageChannel(): Promise<boolean>;
  /** True when the member is a relay admin (config.adminIds) and may see feed health. */
  isRelayAdmin: boolean;
  /**
   * The face can open forms (Slack modals): `offer` / `request` open one instead of a step-by-step
   * conversation in the chat.
   */
  forms?: boolean;
  /** How a command is called here (`/iaspn latest`, `/latest@bot`); the plain word when absent. */
  callCommand?: CallCommand;
  /**
   * The same member in another conversation of the workspace (the App Home acts on channels'
   * follows); absent where a face has no such place.
   */
  inConversation?(channelId: string): ChatContext;
}

export interface BotCore {
  /** A typed message or slash command. Never throws: failures become a polite reply. */
  handleText(ctx: ChatContext, text: string): Promise<Reply>;
  /** A pressed button (its compact action id). Never throws. */
  handleAction(ctx: ChatContext, action: string): Promise<ActionOutcome>;
  /**
   * The App Home view: the language switch, latest resources, the member's bookmarks (Remove),
   * the workspace's follows (Unfollow, and a button for a new one); `notice` (what the last press
   * did) on top.
   */
  home(ctx: ChatContext, notice?: string): Promise<Reply>;
  /** The App Home's follow form, submitted: the `follow` command's rules; refused, nothing is saved. */
  followFromForm(ctx: ChatContext, form: { channelId?: string; text: string }): Promise<FormOutcome>;
  /** The offer or request form in the member's language (a Slack modal). */
  coopForm(ctx: ChatContext, kind: 'offer' | 'request', wordLanguage?: BotLanguage): Promise<CoopForm>;
  /**
   * The offer or request form, submitted: checked by the draft validation; refused, the reason and
   * the closest value on each field and nothing saved; else saved with its origin and confirmed.
   */
  coopFromForm(
    ctx: ChatContext,
    form: { kind: 'offer' | 'request'; language: BotLanguage; values: Record<string, string> },
  ): Promise<CoopFormOutcome>;
  /** Results for an inline query (Telegram `@bot words`): the latest when the query is empty. */
  inline(ctx: ChatContext, query: string, limit: number): Promise<ResultCard[]>;
  /** The language to answer this member in. */
  language(ctx: ChatContext, wordLanguage?: BotLanguage): Promise<BotLanguage>;
  /** The language `handleText` answers this message in (its words may say, for a free-text search). */
  languageOfText(ctx: ChatContext, text: string): Promise<BotLanguage>;
}
