import { decodeAction, encodeAction } from '../chat/actions.js';
import type { BotCore, ChatContext } from '../chat/context.js';
import {
  BOT_LANGUAGES,
  type BotLanguage,
  languageFromLocale,
  MESSAGES,
  type Messages,
} from '../chat/i18n.js';
import { inIdiom } from '../chat/idiom.js';
import { type Intent, parseIntent } from '../chat/intent.js';
import {
  type FollowForm,
  heading,
  muted,
  paragraph,
  type ReplyBlock,
  type ResultCard,
  textReply,
} from '../chat/reply.js';
import { describeError } from '../errors.js';
import {
  getChannelSettings,
  listFollows,
  listWorkspaceFollows,
  resumeChannel,
  setUserLanguage,
  userLanguage,
} from '../follows/state.js';
import type { Log } from '../log.js';
import type { Clock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import type { BotCommand, CommandEnv } from './commands/command.js';
import { COMMANDS, commandFor } from './commands/index.js';
import { readTalk } from './coop-talk-state.js';
import type { BotPorts } from './ports.js';

/**
 * The bots' command core: the member's language, then one command from the table
 * (commands/index.ts) for a typed message, or the button's action for a press. Faces
 * (shared/chat/slack, shared/chat/telegram, shared/chat/console.ts) render what it returns.
 *
 * Only the dispatch is imported here. A command's file, and the code of buttons, the App Home,
 * forms and a guided offer under way, are imported where they are first used (`await import`), so
 * a bot's cold start does not load search, the taxonomy, cooperation or events.
 */

export type { BotCore, ChatContext };

export interface BotCoreDeps {
  store: Store;
  log: Log;
  clock: Clock;
  ports: BotPorts;
  /** Results per page. @default 5 */
  pageSize?: number;
  /** The commands. @default COMMANDS */
  commands?: readonly BotCommand[];
}

/** What the App Home shows at most: 40 follows and 10 bookmarks keep it within Slack's 100 blocks. */
const HOME_FOLLOWS = 40;
const HOME_BOOKMARKS = 10;

/** Slack's direct-message ids start with D (a Telegram private chat is a positive id). */
const isDirectChannel = (channelId: string) => channelId.startsWith('D');

const followForm = ({ followForm: f }: Messages): FollowForm => ({
  kind: 'follow',
  title: f.title,
  channelLabel: f.channel,
  filterLabel: f.filter,
  filterHint: f.hint,
  placeholder: f.placeholder,
  submit: f.submit,
  cancel: f.cancel,
});

export function createBotCore(deps: BotCoreDeps): BotCore {
  const { store, log } = deps;
  const env: CommandEnv = {
    store,
    log,
    ports: deps.ports,
    now: () => deps.clock(),
    pageSize: deps.pageSize ?? 5,
    commands: deps.commands ?? COMMANDS,
  };

  async function languageOf(ctx: ChatContext, wordLanguage?: BotLanguage): Promise<BotLanguage> {
    const [mine, channel] = await Promise.all([
      userLanguage(store, ctx.user),
      ctx.conversation === 'group' ? getChannelSettings(store, ctx.channel) : undefined,
    ]);
    const chosen = ctx.conversation === 'group' ? (channel?.language ?? mine) : mine;
    if (chosen) return chosen;
    if (wordLanguage === 'es') return 'es';
    const locale = typeof ctx.locale === 'function' ? await ctx.locale() : ctx.locale;
    return languageFromLocale(locale) ?? 'en';
  }

  /**
   * A search typed with no command word, key or greeting to tell its language ("transferencias
   * monetarias"): its words may. Loaded with the taxonomy the search loads anyway, never at cold start.
   */
  async function freeTextLanguage(intent: Intent): Promise<BotLanguage | undefined> {
    if (!intent.implicit || intent.command !== 'search') return undefined;
    return (await import('../chat/text-language.js')).textLanguage(intent.args);
  }

  const failure = (lang: BotLanguage) => textReply(MESSAGES[lang].failure, { private: true });

  /**
   * The App Home's follows: each conversation's, with an Unfollow button. A direct message's
   * follows are its member's own: only theirs are shown to them.
   */
  async function homeFollows(ctx: ChatContext, m: Messages): Promise<ReplyBlock[]> {
    const all = await listWorkspaceFollows(store, ctx.channel.platform, ctx.channel.workspaceId);
    const follows = all.filter((f) => !isDirectChannel(f.channelId) || f.createdBy === ctx.user.userId);
    if (follows.length === 0) return [muted(m.homeFollowsNone)];
    const partners = await env.ports.search.partners();
    const { describeFilter } = await import('../filters/describe.js');
    const blocks: ReplyBlock[] = [];
    for (const f of follows.slice(0, HOME_FOLLOWS)) {
      const action = {
        type: 'unfollow',
        channelId: f.channelId,
        followId: f.followId,
        language: m.language,
      } as const;
      blocks.push({
        kind: 'item',
        text: `#${f.channelId} ${m.followLine(f.followId, describeFilter(f.filter, m.language, partners))}`,
        button: { label: m.unfollowButton, action: await encodeAction(store, action, env.now()) },
      });
    }
    if (follows.length > HOME_FOLLOWS) blocks.push(muted(m.homeFollowsMore(follows.length - HOME_FOLLOWS)));
    return blocks;
  }

  /**
   * The App Home's Unfollow: the `unfollow` command in the follow's own conversation, with its
   * rules (a channel's admins only). A direct message's follow only by the member who made it.
   */
  async function unfollowElsewhere(
    ctx: ChatContext,
    channelId: string,
    followId: string,
    lang: BotLanguage,
  ): Promise<string> {
    const m = MESSAGES[lang];
    const target = ctx.inConversation?.(channelId);
    if (!target) return m.expired;
    if (target.conversation === 'direct') {
      const mine = (await listFollows(store, target.channel)).find((f) => f.followId === followId);
      if (mine && mine.createdBy !== ctx.user.userId) return m.notChannelAdmin;
    }
    const unfollow = commandFor('unfollow', env.commands);
    if (!unfollow) return m.failure;
    const reply = await unfollow.run({ env, ctx: target, args: followId, lang, command: 'unfollow' });
    return reply.summary;
  }

  return {
    language: languageOf,

    async languageOfText(ctx, text) {
      const intent = parseIntent(text);
      return languageOf(ctx, intent.wordLanguage ?? (await freeTextLanguage(intent)));
    },

    async handleText(ctx, text) {
      const intent = parseIntent(text);
      let lang: BotLanguage = intent.wordLanguage ?? 'en';
      try {
        // A guided offer or request under way here takes the message (coop-talk.ts).
        const talk = ctx.forms ? undefined : await readTalk(store, ctx);
        if (talk) return await (await import('./coop-talk.js')).continueTalk(env, ctx, text, talk);
        lang = await languageOf(ctx, intent.wordLanguage ?? (await freeTextLanguage(intent)));
        if (ctx.conversation === 'group') {
          const settings = await getChannelSettings(store, ctx.channel);
          if (settings.status === 'paused') await resumeChannel(store, ctx.channel);
        }
        const command = commandFor(intent.command, env.commands);
        if (!command) return failure(lang);
        const reply = await command.run({
          env,
          ctx,
          args: intent.args,
          lang,
          command: intent.command,
          implicit: intent.implicit,
        });
        // Help and hints name the platform's way of calling a command; results (the member's query) stay as they are.
        const hasResults = reply.blocks.some((b) => b.kind === 'card');
        return intent.command === 'search' || hasResults ? reply : inIdiom(reply, ctx.callCommand);
      } catch (error) {
        log.error('bot command failed', {
          command: intent.command,
          platform: ctx.channel.platform,
          channelId: ctx.channel.channelId,
          error: describeError(error),
        });
        return failure(lang);
      }
    },

    async handleAction(ctx, encoded) {
      let lang: BotLanguage = 'en';
      try {
        const action = await decodeAction(store, encoded);
        lang = await languageOf(ctx, action && 'language' in action ? action.language : undefined);
        const m = MESSAGES[lang];
        if (!action) return { toast: m.expired };
        switch (action.type) {
          case 'bookmark': {
            const { bookmarkResource } = await import('./bookmarking.js');
            return { toast: await bookmarkResource(env, ctx, action.resourceId, lang) };
          }
          case 'unbookmark': {
            const { unbookmarkRef } = await import('./bookmarking.js');
            return { toast: await unbookmarkRef(env, ctx, action.resourceId, lang) };
          }
          case 'page': {
            const { nextPage } = await import('./results.js');
            return { reply: await nextPage(env, ctx, action, lang), replace: true };
          }
          case 'list': {
            const { listReply } = await import('./results.js');
            return { reply: await listReply(env, action.resourceIds, lang) };
          }
          case 'language':
            await setUserLanguage(store, ctx.user, action.language);
            return { toast: MESSAGES[action.language].langSetUser(action.language) };
          case 'unfollow':
            return { toast: await unfollowElsewhere(ctx, action.channelId, action.followId, lang) };
          case 'followForm':
            return { form: followForm(m) };
          case 'coopForm': {
            const { coopFormOf } = await import('./coop-form.js');
            return { form: coopFormOf(action.kind, lang) };
          }
        }
      } catch (error) {
        log.error('bot action failed', { platform: ctx.channel.platform, error: describeError(error) });
        return { toast: MESSAGES[lang].failure };
      }
    },

    async home(ctx, notice) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      const blocks: ReplyBlock[] = [];
      try {
        // What the last press did (a removed follow, a refusal), where the member is looking.
        if (notice) blocks.push(paragraph(notice));
        // The member's language first, with a button for the other one.
        blocks.push(heading(m.homeLanguage));
        const other = BOT_LANGUAGES.filter((l) => l !== lang);
        const buttons = [];
        for (const l of other)
          buttons.push({
            label: m.languageName[l],
            action: await encodeAction(store, { type: 'language', language: l }, env.now()),
          });
        blocks.push({ kind: 'buttons', buttons });
        blocks.push(heading(m.homeLatest));
        const { hitCard } = await import('./results.js');
        const recent = await env.ports.search.latest({}, env.pageSize);
        for (const [i, hit] of recent.hits.entries())
          blocks.push({ kind: 'card', card: await hitCard(env, hit, i + 1, m) });
        if (recent.hits.length === 0) blocks.push(muted(m.noLatest));
        blocks.push(heading(m.homeBookmarks));
        const { bookmarkCards } = await import('./bookmarking.js');
        const cards = await bookmarkCards(env, ctx, m);
        for (const card of cards.slice(0, HOME_BOOKMARKS)) blocks.push({ kind: 'card', card });
        if (cards.length === 0) blocks.push(muted(m.bookmarksNone));
        blocks.push(heading(m.homeFollows));
        blocks.push({
          kind: 'buttons',
          buttons: [
            { label: m.homeFollowAdd, action: await encodeAction(store, { type: 'followForm' }, env.now()) },
          ],
        });
        blocks.push(...(await homeFollows(ctx, m)));
      } catch (error) {
        log.error('bot home failed', { platform: ctx.channel.platform, error: describeError(error) });
        blocks.push(paragraph(m.failure));
      }
      return { blocks, summary: m.homeLatest, private: true };
    },

    async followFromForm(ctx, form) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      try {
        const channelId = form.channelId?.trim() ?? '';
        const target = channelId ? ctx.inConversation?.(channelId) : undefined;
        if (!target) return { errors: { channel: m.followForm.needsChannel } };
        const { followFrom } = await import('./commands/follow.js');
        const outcome = await followFrom({ env, ctx: target, args: form.text, lang, command: 'follow' });
        if (!outcome.saved)
          return {
            errors:
              outcome.refused === 'filter'
                ? { filter: outcome.reply.summary }
                : { channel: outcome.reply.summary },
          };
        return { notice: outcome.reply.summary };
      } catch (error) {
        log.error('bot follow form failed', { platform: ctx.channel.platform, error: describeError(error) });
        return { errors: { filter: m.failure } };
      }
    },

    async coopForm(ctx, kind, wordLanguage) {
      const { coopFormOf } = await import('./coop-form.js');
      return coopFormOf(kind, await languageOf(ctx, wordLanguage));
    },

    async coopFromForm(ctx, form) {
      try {
        const { submitCoopForm } = await import('./coop-form.js');
        return await submitCoopForm(env, ctx, form);
      } catch (error) {
        log.error('bot coop form failed', { platform: ctx.channel.platform, error: describeError(error) });
        return { errors: { title: MESSAGES[form.language].failure } };
      }
    },

    async inline(ctx, query, limit) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      // Loaded on use, as the commands are: `desde:hoy` is read in the member's zone.
      const { dateZone } = await import('./filter-text.js');
      const timeZone = await dateZone(env, ctx, query);
      const response = query.trim()
        ? await env.ports.search.search({ query, limit, language: lang, ...(timeZone ? { timeZone } : {}) })
        : await env.ports.search.latest({}, limit);
      const { hitCard } = await import('./results.js');
      const cards: ResultCard[] = [];
      for (const [i, hit] of response.hits.entries()) cards.push(await hitCard(env, hit, i + 1, m));
      return cards;
    },
  };
}
