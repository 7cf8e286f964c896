import { decodeAction, encodeAction } from '../chat/actions.js';
import type { BotCore, ChatContext } from '../chat/context.js';
import { BOT_LANGUAGES, type BotLanguage, languageFromLocale, MESSAGES } from '../chat/i18n.js';
import { inIdiom } from '../chat/idiom.js';
import { parseIntent } from '../chat/intent.js';
import { heading, muted, paragraph, type ReplyBlock, type ResultCard, textReply } from '../chat/reply.js';
import { describeError } from '../errors.js';
import { describeFilter } from '../filters/describe.js';
import {
  getChannelSettings,
  listWorkspaceFollows,
  resumeChannel,
  setUserLanguage,
  userLanguage,
} from '../follows/state.js';
import type { Log } from '../log.js';
import type { Clock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { bookmarkCards, bookmarkResource, unbookmarkRef } from './bookmarking.js';
import type { BotCommand, CommandEnv } from './commands/command.js';
import { COMMANDS, commandFor } from './commands/index.js';
import type { BotPorts } from './ports.js';
import { hitCard, listReply, nextPage } from './results.js';

/**
 * The bots' command core: the member's language, then one command from the table
 * (commands/index.ts) for a typed message, or the button's action for a press. Faces
 * (shared/chat/slack, shared/chat/telegram, shared/chat/console.ts) render what it returns.
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

  const failure = (lang: BotLanguage) => textReply(MESSAGES[lang].failure, { private: true });

  return {
    language: languageOf,

    async handleText(ctx, text) {
      const intent = parseIntent(text);
      let lang: BotLanguage = intent.wordLanguage ?? 'en';
      try {
        lang = await languageOf(ctx, intent.wordLanguage);
        if (ctx.conversation === 'group') {
          const settings = await getChannelSettings(store, ctx.channel);
          if (settings.status === 'paused') await resumeChannel(store, ctx.channel);
        }
        const command = commandFor(intent.command, env.commands);
        if (!command) return failure(lang);
        const reply = await command.run({ env, ctx, args: intent.args, lang, command: intent.command });
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
        lang = await languageOf(ctx, action?.language);
        const m = MESSAGES[lang];
        if (!action) return { toast: m.expired };
        switch (action.type) {
          case 'bookmark':
            return { toast: await bookmarkResource(env, ctx, action.resourceId, lang) };
          case 'unbookmark':
            return { toast: await unbookmarkRef(env, ctx, action.resourceId, lang) };
          case 'page':
            return { reply: await nextPage(env, ctx.user, action, lang), replace: true };
          case 'list':
            return { reply: await listReply(env, action.resourceIds, lang) };
          case 'language':
            await setUserLanguage(store, ctx.user, action.language);
            return { toast: MESSAGES[action.language].langSetUser(action.language) };
        }
      } catch (error) {
        log.error('bot action failed', { platform: ctx.channel.platform, error: describeError(error) });
        return { toast: MESSAGES[lang].failure };
      }
    },

    async home(ctx) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      const blocks: ReplyBlock[] = [];
      try {
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
        const recent = await env.ports.search.latest({}, env.pageSize);
        for (const [i, hit] of recent.hits.entries())
          blocks.push({ kind: 'card', card: await hitCard(env, hit, i + 1, m) });
        if (recent.hits.length === 0) blocks.push(muted(m.noLatest));
        blocks.push(heading(m.homeBookmarks));
        const cards = await bookmarkCards(env, ctx, m);
        for (const card of cards.slice(0, 10)) blocks.push({ kind: 'card', card });
        if (cards.length === 0) blocks.push(muted(m.bookmarksNone));
        blocks.push(heading(m.homeFollows));
        const follows = await listWorkspaceFollows(store, ctx.channel.platform, ctx.channel.workspaceId);
        const partners = await env.ports.search.partners();
        blocks.push(
          follows.length
            ? paragraph(
                follows
                  .slice(0, 50)
                  .map(
                    (f) =>
                      `• #${f.channelId} ${m.followLine(f.followId, describeFilter(f.filter, lang, partners))}`,
                  )
                  .join('\n'),
              )
            : muted(m.homeFollowsNone),
        );
      } catch (error) {
        log.error('bot home failed', { platform: ctx.channel.platform, error: describeError(error) });
        blocks.push(paragraph(m.failure));
      }
      return { blocks, summary: m.homeLatest, private: true };
    },

    async inline(ctx, query, limit) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      const response = query.trim()
        ? await env.ports.search.search({ query, limit, language: lang })
        : await env.ports.search.latest({}, limit);
      const cards: ResultCard[] = [];
      for (const [i, hit] of response.hits.entries()) cards.push(await hitCard(env, hit, i + 1, m));
      return cards;
    },
  };
}
