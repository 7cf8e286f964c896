import { isValidEmailAddress } from '../email/address.js';
import { describeError, RelayError } from '../errors.js';
import { describeFilter } from '../filters/describe.js';
import { isEmptyFilter, type ResourceFilter } from '../filters/filter.js';
import { type ParsedFilterText, parseFilterText } from '../filters/language.js';
import { previewFilter } from '../filters/preview.js';
import { problemText } from '../filters/problems.js';
import { listValues, type PartnerNames, typedValue } from '../filters/values.js';
import type { Log } from '../log.js';
import type { Clock } from '../runtime/clock.js';
import type { SearchHit, SearchResponse } from '../search/types.js';
import type { Store } from '../store/store.js';
import { displayType } from '../taxonomy/index.js';
import { type BotAction, decodeAction, encodeAction } from './actions.js';
import {
  BOT_LANGUAGES,
  type BotLanguage,
  COMMAND_NAMES,
  type CommandName,
  formatDay,
  isBotLanguage,
  languageFromLocale,
  MESSAGES,
  type Messages,
} from './i18n.js';
import { type Intent, parseIntent } from './intent.js';
import type { BotPorts } from './ports.js';
import {
  type ActionOutcome,
  type Button,
  heading,
  muted,
  paragraph,
  type Reply,
  type ReplyBlock,
  type ResultCard,
  textReply,
} from './reply.js';
import {
  addBookmark,
  addFollow,
  type ChannelRef,
  getChannelSettings,
  listBookmarks,
  listFollows,
  listWorkspaceFollows,
  rememberResults,
  removeBookmark,
  removeFollow,
  resumeChannel,
  setChannelLanguage,
  setUserLanguage,
  shownResults,
  type UserRef,
  userLanguage,
} from './state.js';
import { cleanText, cutText } from './text.js';

/** Who is asking, where, and what the platform says about them: built by each face. */
export interface ChatContext {
  channel: ChannelRef;
  user: UserRef;
  /** A direct message (one member) or a channel or group (admins decide its follows). */
  conversation: 'direct' | 'group';
  /** The platform's locale for the member (Slack's `locale`, Telegram's `language_code`). */
  locale?: string | (() => Promise<string | undefined>);
  /** True when the member may change this conversation's follows and language (asked lazily). */
  canManageChannel(): Promise<boolean>;
  /** True when the member is a relay admin (config.adminIds) and may see feed health. */
  isRelayAdmin: boolean;
}

export interface BotCoreDeps {
  store: Store;
  log: Log;
  clock: Clock;
  ports: BotPorts;
  /** Results per page. @default 5 */
  pageSize?: number;
}

export interface BotCore {
  /** A typed message or slash command. Never throws: failures become a polite reply. */
  handleText(ctx: ChatContext, text: string): Promise<Reply>;
  /** A pressed button (its compact action id). Never throws. */
  handleAction(ctx: ChatContext, action: string): Promise<ActionOutcome>;
  /** The App Home view: latest resources, the member's bookmarks, the workspace's follows. */
  home(ctx: ChatContext): Promise<Reply>;
  /** Results for an inline query (Telegram `@bot words`): the latest when the query is empty. */
  inline(ctx: ChatContext, query: string, limit: number): Promise<ResultCard[]>;
  /** The language to answer this member in. */
  language(ctx: ChatContext, wordLanguage?: BotLanguage): Promise<BotLanguage>;
}

const TITLE_MAX = 300;
const SNIPPET_MAX = 280;
const FEEDS_SHOWN = 40;
const FREQUENCIES: Record<string, 'daily' | 'weekly'> = {
  daily: 'daily',
  diario: 'daily',
  diaria: 'daily',
  weekly: 'weekly',
  semanal: 'weekly',
};
const EVERYTHING = new Set(['everything', 'all', 'todo', 'todos']);
const PREVIEW_WORDS = new Set(['preview', 'vista', 'previa']);

export function createBotCore(deps: BotCoreDeps): BotCore {
  const { store, log, clock, ports } = deps;
  const pageSize = deps.pageSize ?? 5;
  const now = () => clock();

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

  async function hitCard(
    hit: Pick<SearchHit, 'id' | 'title' | 'url' | 'partnerName' | 'publishedAt' | 'type' | 'snippet'>,
    position: number,
    m: Messages,
  ): Promise<ResultCard> {
    return {
      position,
      resourceId: hit.id,
      title: cutText(cleanText(hit.title) || hit.url, TITLE_MAX),
      url: hit.url,
      meta: [
        cleanText(hit.partnerName),
        formatDay(hit.publishedAt, m.language),
        displayType(hit.type, m.language),
      ]
        .filter(Boolean)
        .join(' · '),
      snippet: cutText(cleanText(hit.snippet), SNIPPET_MAX),
      buttons: [
        {
          label: m.bookmarkButton,
          action: await encodeAction(
            store,
            { type: 'bookmark', resourceId: hit.id, language: m.language },
            now(),
          ),
        },
      ],
    };
  }

  async function resultsReply(
    kind: 'search' | 'latest',
    query: string,
    filter: ResourceFilter,
    response: SearchResponse,
    offset: number,
    lang: BotLanguage,
    extraProblems: string[] = [],
    shownTo?: UserRef,
  ): Promise<Reply> {
    const m = MESSAGES[lang];
    const shownQuery = cutText(cleanText(query), 200);
    const problems = [...response.problems, ...extraProblems];
    if (response.hits.length === 0) {
      const blocks: ReplyBlock[] =
        kind === 'search'
          ? [paragraph(m.noResults(shownQuery)), muted(m.broaderHint)]
          : [paragraph(m.noLatest)];
      if (problems.length) blocks.push(muted(m.problems(problems.join(' '))));
      return { blocks, summary: kind === 'search' ? m.noResults(shownQuery) : m.noLatest, private: true };
    }
    const from = offset + 1;
    const to = offset + response.hits.length;
    const title = kind === 'search' ? m.results(shownQuery, from, to, response.total) : m.latest(from, to);
    const blocks: ReplyBlock[] = [heading(title)];
    const applied = { ...response.appliedFilter, ...filter };
    if (!isEmptyFilter(applied))
      blocks.push(muted(m.filtersApplied(describeFilter(applied, lang, await ports.search.partners()))));
    if (problems.length) blocks.push(muted(m.problems(problems.join(' '))));
    for (const [i, hit] of response.hits.entries()) {
      blocks.push({ kind: 'card', card: await hitCard(hit, offset + i + 1, m) });
    }
    let more: string | undefined;
    if (response.nextCursor) {
      const action: BotAction = {
        type: 'page',
        kind,
        query,
        filter,
        cursor: response.nextCursor,
        offset: to,
        language: lang,
      };
      more = await encodeAction(store, action, now());
      blocks.push({ kind: 'buttons', buttons: [{ label: m.more, action: more }] });
    }
    if (shownTo)
      await rememberResults(store, shownTo, {
        from,
        ids: response.hits.map((h) => h.id),
        ...(more ? { more } : {}),
      });
    return { blocks, summary: title, private: true };
  }

  async function search(ctx: ChatContext, query: string, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    if (!query.trim()) return textReply(m.searchNeedsQuery, { private: true });
    const response = await ports.search.search({ query, limit: pageSize, language: lang });
    return resultsReply('search', query, {}, response, 0, lang, [], ctx.user);
  }

  /** The next page of a search or list (a More results button, or `more`). */
  async function page(ctx: ChatContext, action: Extract<BotAction, { type: 'page' }>, lang: BotLanguage) {
    const response =
      action.kind === 'search'
        ? await ports.search.search({
            query: action.query,
            filter: action.filter,
            limit: pageSize,
            cursor: action.cursor,
            language: lang,
          })
        : await ports.search.latest(action.filter, pageSize, action.cursor);
    return resultsReply(
      action.kind,
      action.query,
      action.filter,
      response,
      action.offset,
      lang,
      [],
      ctx.user,
    );
  }

  async function moreResults(ctx: ChatContext, lang: BotLanguage): Promise<Reply> {
    const shown = await shownResults(store, ctx.user);
    const action = shown?.more ? await decodeAction(store, shown.more) : undefined;
    if (action?.type !== 'page') return textReply(MESSAGES[lang].noMore, { private: true });
    return page(ctx, action, lang);
  }

  /** `bookmark 2`: the second of the results last shown to this member; else a resource id. */
  async function bookmarkRef(ctx: ChatContext, ref: string, lang: BotLanguage): Promise<string> {
    if (!/^\d{1,3}$/.test(ref)) return bookmarkResource(ctx, ref, lang);
    const shown = await shownResults(store, ctx.user);
    const n = Number(ref);
    const id = shown?.ids[n - shown.from];
    if (id) return bookmarkResource(ctx, id, lang);
    if (!shown || shown.ids.length === 0) return MESSAGES[lang].bookmarkNeedsRef;
    return MESSAGES[lang].notShown(n, shown.from, shown.from + shown.ids.length - 1);
  }

  /** The member's filter text in the one filter language, resolved against the library's partners. */
  async function parseFilters(args: string): Promise<ParsedFilterText & { partners: PartnerNames }> {
    const partners = await ports.search.partners();
    return { ...parseFilterText(args, { now: now(), partners }), partners };
  }

  /** The problems of a parse as one reply: nothing is stored or listed for a value that means nothing. */
  function refusal(
    parsed: ParsedFilterText & { partners: PartnerNames },
    lang: BotLanguage,
  ): Reply | undefined {
    const refused = parsed.problems.filter((p) => p.code !== 'note');
    if (refused.length === 0) return undefined;
    const text = refused.map((p) => problemText(p, lang, parsed.partners)).join(' ');
    return textReply(MESSAGES[lang].refused(text), { private: true });
  }

  async function latest(ctx: ChatContext, args: string, lang: BotLanguage): Promise<Reply> {
    const parsed = await parseFilters(args);
    const refused = refusal(parsed, lang);
    if (refused) return refused;
    const response = await ports.search.latest(parsed.filter, pageSize);
    const notes = parsed.problems.map((p) => problemText(p, lang, parsed.partners));
    return resultsReply('latest', '', parsed.filter, response, 0, lang, notes, ctx.user);
  }

  /** "In the last 30 days this would have brought 6 resources, e.g. …". */
  async function previewLine(filter: ResourceFilter, lang: BotLanguage): Promise<string> {
    const m = MESSAGES[lang];
    const preview = await previewFilter(ports.search, filter, now());
    if (preview.total === 0) return m.previewNone;
    return m.preview(
      preview.total,
      preview.examples.map((e) => `"${cutText(cleanText(e.title), 80)}" (${formatDay(e.publishedAt, lang)})`),
    );
  }

  async function vocabulary(
    command: 'topics' | 'countries' | 'types' | 'partners',
    lang: BotLanguage,
  ): Promise<Reply> {
    const m = MESSAGES[lang];
    const list = (field: 'topics' | 'countries' | 'types' | 'languages') =>
      listValues(field, lang)
        .map((v) => `• ${v.name}: ${v.typed}`)
        .join('\n');
    const blocks: ReplyBlock[] = [];
    if (command === 'partners') {
      const partners = [...(await ports.search.partners())].sort((a, b) => a[1].localeCompare(b[1], lang));
      blocks.push(heading(m.vocabulary.partners));
      blocks.push(
        partners.length
          ? paragraph(
              partners
                .map(([id, name]) => `• ${cleanText(name)}: ${typedValue('partners', id, lang)}`)
                .join('\n'),
            )
          : muted(m.noPartners),
      );
    } else if (command === 'types') {
      blocks.push(heading(m.vocabulary.types), paragraph(list('types')));
      blocks.push(heading(m.vocabulary.languages), paragraph(list('languages')));
    } else blocks.push(heading(m.vocabulary[command]), paragraph(list(command)));
    return { blocks, summary: m.vocabulary[command], private: true };
  }

  function help(lang: BotLanguage, ctx: ChatContext, about: string): Reply {
    const m = MESSAGES[lang];
    const names = (Object.keys(COMMAND_NAMES) as CommandName[]).filter(
      (c) => COMMAND_NAMES[c][lang].length > 0,
    );
    const asked = parseIntent(about);
    if (about && !asked.implicit) {
      const h = m.help.commands[asked.command];
      return { blocks: [paragraph(`${h.usage}: ${h.text}`)], summary: h.usage, private: true };
    }
    const admin = new Set<CommandName>(['feeds', 'feed']);
    const line = (c: CommandName) => `• ${m.help.commands[c].usage}: ${m.help.commands[c].text}`;
    const blocks: ReplyBlock[] = [
      paragraph(m.help.intro),
      paragraph(
        names
          .filter((c) => !admin.has(c))
          .map(line)
          .join('\n'),
      ),
    ];
    blocks.push(paragraph(`${m.help.examplesIntro}\n${m.help.examples.map((e) => `• ${e}`).join('\n')}`));
    if (ctx.isRelayAdmin) blocks.push(paragraph(`${m.help.adminIntro}\n${[...admin].map(line).join('\n')}`));
    blocks.push(muted(m.help.footer));
    return { blocks, summary: m.help.intro, private: true };
  }

  async function guardChannel(ctx: ChatContext, m: Messages): Promise<Reply | undefined> {
    if (ctx.conversation === 'direct') return undefined;
    return (await ctx.canManageChannel()) ? undefined : textReply(m.notChannelAdmin, { private: true });
  }

  async function follow(ctx: ChatContext, args: string, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    const [first = '', ...others] = args.trim().split(/\s+/);
    if (PREVIEW_WORDS.has(first.toLowerCase())) return followPreview(others.join(' '), lang);
    const everything = EVERYTHING.has(args.trim().toLowerCase());
    const parsed = await parseFilters(everything ? '' : args);
    const refused = refusal(parsed, lang);
    if (refused) return refused;
    const { filter } = parsed;
    if (filter.since || filter.before) return textReply(m.noDatesInFollows, { private: true });
    if (isEmptyFilter(filter) && !everything) return textReply(m.followNeedsFilter, { private: true });
    const denied = await guardChannel(ctx, m);
    if (denied) return denied;
    const { follow: f, created } = await addFollow(store, ctx.channel, filter, {
      userId: ctx.user.userId,
      at: now(),
    });
    const d = describeFilter(f.filter, lang, parsed.partners);
    log.info('follow added', { channelId: ctx.channel.channelId, followId: f.followId, created });
    const said = created ? m.followed(f.followId, d) : m.alreadyFollowed(f.followId, d);
    return textReply(`${said}\n${await previewLine(f.filter, lang)}`);
  }

  async function followPreview(args: string, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    const parsed = await parseFilters(args);
    const refused = refusal(parsed, lang);
    if (refused) return refused;
    if (isEmptyFilter(parsed.filter)) return textReply(m.followNeedsFilter, { private: true });
    const d = describeFilter(parsed.filter, lang, parsed.partners);
    return {
      blocks: [heading(m.previewHeading), paragraph(d), paragraph(await previewLine(parsed.filter, lang))],
      summary: m.previewHeading,
      private: true,
    };
  }

  async function unfollow(ctx: ChatContext, args: string, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    const id = args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
    if (!/^[0-9a-f]{6}$/.test(id)) return textReply(m.unfollowNeedsId, { private: true });
    const denied = await guardChannel(ctx, m);
    if (denied) return denied;
    const removed = await removeFollow(store, ctx.channel, id);
    return textReply(removed ? m.unfollowed(id) : m.followNotFound(id), { private: !removed });
  }

  async function following(ctx: ChatContext, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    const follows = await listFollows(store, ctx.channel);
    if (follows.length === 0) return textReply(m.followingNone, { private: true });
    const partners = await ports.search.partners();
    const lines = follows.map(
      (f) => `• ${m.followLine(f.followId, describeFilter(f.filter, lang, partners))}`,
    );
    return {
      blocks: [heading(m.followingList), paragraph(lines.join('\n'))],
      summary: m.followingList,
      private: true,
    };
  }

  async function subscribe(ctx: ChatContext, args: string, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    // The address and the frequency are words of their own; the rest is the filter language.
    const words = args.trim().split(/\s+/).filter(Boolean);
    const email = words.find((w) => w.includes('@') && !w.includes(':') && !w.startsWith('"'));
    const frequencies = words.filter((w) => FREQUENCIES[w.toLowerCase()]);
    const filterText = words.filter((w) => w !== email && !FREQUENCIES[w.toLowerCase()]).join(' ');
    if (!email) return textReply(m.subscribeUsage, { private: true });
    if (!isValidEmailAddress(email))
      return textReply(m.subscribeBadEmail(cutText(email, 80)), { private: true });
    const parsed = await parseFilters(filterText);
    const refused = refusal(parsed, lang);
    if (refused) return refused;
    const { filter } = parsed;
    if (filter.since || filter.before) return textReply(m.noDatesInFollows, { private: true });
    const frequency = FREQUENCIES[frequencies.at(-1)?.toLowerCase() ?? ''] ?? 'weekly';
    try {
      await ports.subscribe({
        email,
        language: lang,
        frequency,
        filter,
        source: `${ctx.user.platform}:${ctx.user.workspaceId}:${ctx.user.userId}`,
      });
    } catch (error) {
      if (error instanceof RelayError) return textReply(m.subscribeFailed(error.message), { private: true });
      throw error;
    }
    return textReply(
      `${m.subscribeStarted(email, m.frequency[frequency])}\n${await previewLine(filter, lang)}`,
      {
        private: true,
      },
    );
  }

  async function bookmarkResource(ctx: ChatContext, resourceId: string, lang: BotLanguage): Promise<string> {
    const m = MESSAGES[lang];
    const [resource] = await ports.resources([resourceId]);
    if (!resource) return m.resourceNotFound(cutText(resourceId, 80));
    const title = cutText(cleanText(resource.title) || resource.url, TITLE_MAX);
    const added = await addBookmark(store, ctx.user, {
      resourceId: resource.id,
      title,
      url: resource.url,
      createdAt: now().toISOString(),
    });
    return added ? m.bookmarked(title) : m.alreadyBookmarked(title);
  }

  async function unbookmarkRef(ctx: ChatContext, ref: string, lang: BotLanguage): Promise<string> {
    const m = MESSAGES[lang];
    const list = await listBookmarks(store, ctx.user);
    const byNumber = /^\d{1,3}$/.test(ref) ? list[Number(ref) - 1] : undefined;
    const target = byNumber ?? list.find((b) => b.resourceId === ref);
    if (!target || !(await removeBookmark(store, ctx.user, target.resourceId)))
      return m.bookmarkNotFound(cutText(ref, 80));
    return m.unbookmarked(target.title);
  }

  async function bookmarkCards(ctx: ChatContext, m: Messages): Promise<ResultCard[]> {
    const list = await listBookmarks(store, ctx.user);
    // What a bookmark shows of its resource: who published it and when (not the day it was saved).
    const [resources, partners] = list.length
      ? await Promise.all([ports.resources(list.map((b) => b.resourceId)), ports.search.partners()])
      : [[], new Map<string, string>()];
    const byId = new Map(resources.map((r) => [r.id, r]));
    const cards: ResultCard[] = [];
    for (const [i, b] of list.entries()) {
      const r = byId.get(b.resourceId);
      cards.push({
        position: i + 1,
        resourceId: b.resourceId,
        title: cutText(cleanText(b.title) || b.url, TITLE_MAX),
        url: b.url,
        meta: r
          ? [
              cleanText(partners.get(r.partnerId) ?? r.partnerId),
              formatDay(r.publishedAt, m.language),
              displayType(r.type, m.language),
            ].join(' · ')
          : '',
        snippet: '',
        buttons: [
          {
            label: m.removeButton,
            action: await encodeAction(
              store,
              { type: 'unbookmark', resourceId: b.resourceId, language: m.language },
              now(),
            ),
          },
        ],
      });
    }
    return cards;
  }

  async function bookmarks(ctx: ChatContext, lang: BotLanguage): Promise<Reply> {
    const m = MESSAGES[lang];
    const cards = await bookmarkCards(ctx, m);
    if (cards.length === 0) return textReply(m.bookmarksNone, { private: true });
    const title = m.bookmarksHeading(cards.length);
    return {
      blocks: [heading(title), ...cards.map((card): ReplyBlock => ({ kind: 'card', card }))],
      summary: title,
      private: true,
    };
  }

  async function setLanguage(ctx: ChatContext, args: string, current: BotLanguage): Promise<Reply> {
    const wanted = args.trim().toLowerCase().slice(0, 2);
    const aliases: Record<string, BotLanguage> = { en: 'en', es: 'es', in: 'en', sp: 'es' };
    const lang = aliases[wanted];
    if (!lang || !isBotLanguage(lang)) return textReply(MESSAGES[current].langUsage, { private: true });
    const m = MESSAGES[lang];
    if (ctx.conversation === 'group') {
      const denied = await guardChannel(ctx, MESSAGES[current]);
      if (denied) return denied;
      await setChannelLanguage(store, ctx.channel, lang);
      return textReply(m.langSetChannel(lang));
    }
    await setUserLanguage(store, ctx.user, lang);
    return textReply(m.langSetUser(lang), { private: true });
  }

  async function feeds(ctx: ChatContext, lang: BotLanguage, partner?: string): Promise<Reply> {
    const m = MESSAGES[lang];
    if (!ctx.isRelayAdmin) return textReply(m.notBotAdmin, { private: true });
    const all = await ports.registry.listFeeds();
    if (partner !== undefined) {
      const id = partner.trim().toLowerCase();
      if (!id) return textReply(m.feedStatusUsage, { private: true });
      const name = await ports.registry.partnerName(id);
      const mine = all.filter((f) => f.partnerId === id);
      if (!name && mine.length === 0) return textReply(m.partnerNotFound(cutText(id, 60)), { private: true });
      const title = m.partnerHeading(cleanText(name ?? id), mine.length);
      const lines = mine.map((f) => `• ${m.feedLine(f)}\n  ${f.url}`);
      return { blocks: [heading(title), paragraph(lines.join('\n'))], summary: title, private: true };
    }
    if (all.length === 0) return textReply(m.feedsNone, { private: true });
    const bad = (s: string) => s !== 'ok' && s !== 'active' && s !== 'new';
    const sorted = [...all].sort(
      (a, b) => Number(bad(b.status)) - Number(bad(a.status)) || a.partnerId.localeCompare(b.partnerId),
    );
    const title = m.feedsHeading(all.length, all.filter((f) => bad(f.status)).length);
    const lines = sorted.slice(0, FEEDS_SHOWN).map((f) => `• ${m.feedLine(f)}`);
    if (sorted.length > FEEDS_SHOWN) lines.push(`… +${sorted.length - FEEDS_SHOWN}`);
    return { blocks: [heading(title), paragraph(lines.join('\n'))], summary: title, private: true };
  }

  async function run(ctx: ChatContext, intent: Intent, lang: BotLanguage): Promise<Reply> {
    switch (intent.command) {
      case 'search':
        return search(ctx, intent.args, lang);
      case 'latest':
        return latest(ctx, intent.args, lang);
      case 'more':
        return moreResults(ctx, lang);
      case 'follow':
        return follow(ctx, intent.args, lang);
      case 'unfollow':
        return unfollow(ctx, intent.args, lang);
      case 'following':
        return following(ctx, lang);
      case 'subscribe':
        return subscribe(ctx, intent.args, lang);
      case 'bookmark': {
        const ref = intent.args.trim().split(/\s+/)[0] ?? '';
        if (!ref) return textReply(MESSAGES[lang].bookmarkNeedsRef, { private: true });
        return textReply(await bookmarkRef(ctx, ref, lang), { private: true });
      }
      case 'bookmarks':
        return bookmarks(ctx, lang);
      case 'unbookmark': {
        const ref = intent.args.trim().split(/\s+/)[0] ?? '';
        if (!ref) return bookmarks(ctx, lang);
        return textReply(await unbookmarkRef(ctx, ref, lang), { private: true });
      }
      case 'lang':
        return setLanguage(ctx, intent.args, lang);
      case 'feeds':
        return feeds(ctx, lang);
      case 'feed':
        return feeds(ctx, lang, intent.args);
      case 'topics':
      case 'countries':
      case 'types':
      case 'partners':
        return vocabulary(intent.command, lang);
      case 'greet':
        return textReply(MESSAGES[lang].greeting, { private: true });
      case 'help':
        return help(lang, ctx, intent.args);
    }
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
        return await run(ctx, intent, lang);
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
            return { toast: await bookmarkResource(ctx, action.resourceId, lang) };
          case 'unbookmark':
            return { toast: await unbookmarkRef(ctx, action.resourceId, lang) };
          case 'page':
            return { reply: await page(ctx, action, lang), replace: true };
        }
      } catch (error) {
        log.error('bot action failed', { platform: ctx.channel.platform, error: describeError(error) });
        return { toast: MESSAGES[lang].failure };
      }
    },

    async home(ctx) {
      const lang = await languageOf(ctx);
      const m = MESSAGES[lang];
      const blocks: ReplyBlock[] = [heading(m.homeLatest)];
      try {
        const recent = await ports.search.latest({}, pageSize);
        for (const [i, hit] of recent.hits.entries())
          blocks.push({ kind: 'card', card: await hitCard(hit, i + 1, m) });
        if (recent.hits.length === 0) blocks.push(muted(m.noLatest));
        blocks.push(heading(m.homeBookmarks));
        const cards = await bookmarkCards(ctx, m);
        for (const card of cards.slice(0, 10)) blocks.push({ kind: 'card', card });
        if (cards.length === 0) blocks.push(muted(m.bookmarksNone));
        blocks.push(heading(m.homeFollows));
        const follows = await listWorkspaceFollows(store, ctx.channel.platform, ctx.channel.workspaceId);
        const partners = await ports.search.partners();
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
        ? await ports.search.search({ query, limit, language: lang })
        : await ports.search.latest({}, limit);
      const cards: ResultCard[] = [];
      for (const [i, hit] of response.hits.entries()) cards.push(await hitCard(hit, i + 1, m));
      return cards;
    },
  };
}

/** Every language's name for a command, for the faces' command menus ("/search", "/buscar"). */
export function commandWords(
  language: BotLanguage,
): { command: CommandName; word: string; description: string }[] {
  return (Object.keys(COMMAND_NAMES) as CommandName[])
    .filter((command) => COMMAND_NAMES[command][language].length > 0)
    .map((command) => ({
      command,
      word: COMMAND_NAMES[command][language][0]!,
      description: MESSAGES[language].help.commands[command].text,
    }));
}

export type { Button };
export { BOT_LANGUAGES };
