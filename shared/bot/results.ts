import { type BotAction, encodeAction } from '../chat/actions.js';
import type { ChatContext } from '../chat/context.js';
import { type BotLanguage, formatDay, MESSAGES, type Messages } from '../chat/i18n.js';
import { heading, muted, paragraph, type Reply, type ReplyBlock, type ResultCard } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { describeFilter } from '../filters/describe.js';
import { isEmptyFilter, type ResourceFilter } from '../filters/filter.js';
import { rememberResults, type UserRef } from '../follows/state.js';
import type { SearchHit, SearchResponse } from '../search/types.js';
import { displayType } from '../taxonomy/index.js';
import type { CommandEnv } from './commands/command.js';
import { dateZone } from './filter-text.js';

/** Result cards and pages of results, shared by search, latest, more, the buttons and the home. */

export const TITLE_MAX = 300;
const SNIPPET_MAX = 280;

export async function hitCard(
  env: CommandEnv,
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
          env.store,
          { type: 'bookmark', resourceId: hit.id, language: m.language },
          env.now(),
        ),
      },
    ],
  };
}

export interface ResultsPage {
  kind: 'search' | 'latest';
  query: string;
  filter: ResourceFilter;
  response: SearchResponse;
  offset: number;
  lang: BotLanguage;
  extraProblems?: string[];
  /** The member the results are shown to: `bookmark <n>` and `more` read them back. */
  shownTo?: UserRef;
}

export async function resultsReply(env: CommandEnv, page: ResultsPage): Promise<Reply> {
  const { kind, query, filter, response, offset, lang, shownTo } = page;
  const m = MESSAGES[lang];
  const shownQuery = cutText(cleanText(query), 200);
  const problems = [
    ...response.problems,
    ...(response.ignoredCursor ? [m.otherCursor(kind)] : []),
    ...(page.extraProblems ?? []),
  ];
  const applied = { ...response.appliedFilter, ...filter };
  // The filters as read ("desde:la semana pasada" as a date), with results or without: a member
  // whose filter left nothing sees what it was taken to mean.
  const filtersLine = isEmptyFilter(applied)
    ? []
    : [muted(m.filtersApplied(describeFilter(applied, lang, await env.ports.search.partners())))];
  if (response.hits.length === 0) {
    const blocks: ReplyBlock[] =
      kind === 'search'
        ? [paragraph(m.noResults(shownQuery)), ...filtersLine, muted(m.broaderHint)]
        : [paragraph(m.noLatest), ...filtersLine];
    if (problems.length) blocks.push(muted(m.problems(problems.join(' '))));
    return { blocks, summary: kind === 'search' ? m.noResults(shownQuery) : m.noLatest, private: true };
  }
  const from = offset + 1;
  const to = offset + response.hits.length;
  const title = kind === 'search' ? m.results(shownQuery, from, to, response.total) : m.latest(from, to);
  const blocks: ReplyBlock[] = [heading(title), ...filtersLine];
  if (problems.length) blocks.push(muted(m.problems(problems.join(' '))));
  for (const [i, hit] of response.hits.entries()) {
    blocks.push({ kind: 'card', card: await hitCard(env, hit, offset + i + 1, m) });
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
    more = await encodeAction(env.store, action, env.now());
    blocks.push({ kind: 'buttons', buttons: [{ label: m.more, action: more }] });
  }
  if (shownTo)
    await rememberResults(env.store, shownTo, {
      from,
      ids: response.hits.map((h) => h.id),
      language: page.lang,
      ...(more ? { more } : {}),
    });
  return { blocks, summary: title, private: true };
}

/** The next page of a search or list (a More results button, or `more`). */
export async function nextPage(
  env: CommandEnv,
  ctx: ChatContext,
  action: Extract<BotAction, { type: 'page' }>,
  lang: BotLanguage,
): Promise<Reply> {
  const { search } = env.ports;
  // The same zone as the first page, or the cursor would not match the dates it was made for.
  const timeZone = action.kind === 'search' ? await dateZone(env, ctx, action.query) : undefined;
  const response =
    action.kind === 'search'
      ? await search.search({
          query: action.query,
          filter: action.filter,
          limit: env.pageSize,
          cursor: action.cursor,
          language: lang,
          ...(timeZone ? { timeZone } : {}),
        })
      : await search.latest(action.filter, env.pageSize, action.cursor);
  return resultsReply(env, {
    kind: action.kind,
    query: action.query,
    filter: action.filter,
    response,
    offset: response.offset ?? action.offset,
    lang,
    shownTo: ctx.user,
  });
}

/** The resources of a batch announcement, listed for the member who pressed its button. */
export async function listReply(env: CommandEnv, ids: string[], lang: BotLanguage): Promise<Reply> {
  const m = MESSAGES[lang];
  const cards = await storedCards(env, ids, 1, m);
  const title = m.listed(cards.length);
  const blocks: ReplyBlock[] = [heading(title), ...cards];
  if (cards.length === 0) blocks.push(muted(m.expired));
  return { blocks, summary: title, private: true };
}

/** Result `n` of the list last shown to the member, again ("2" typed after a list). */
export async function shownReply(env: CommandEnv, id: string, n: number, lang: BotLanguage): Promise<Reply> {
  const m = MESSAGES[lang];
  const cards = await storedCards(env, [id], n, m);
  const title = m.shownOne(n);
  const blocks: ReplyBlock[] = [
    heading(title),
    ...cards,
    muted(cards.length ? m.shownOneHint(n) : m.expired),
  ];
  return { blocks, summary: title, private: true };
}

/** Cards for stored resources, numbered from `first`. */
async function storedCards(
  env: CommandEnv,
  ids: string[],
  first: number,
  m: Messages,
): Promise<ReplyBlock[]> {
  const [resources, partners] = await Promise.all([env.ports.resources(ids), env.ports.search.partners()]);
  const cards: ReplyBlock[] = [];
  for (const [i, r] of resources.entries()) {
    const hit = { ...r, partnerName: partners.get(r.partnerId) ?? r.partnerId, snippet: '' };
    cards.push({ kind: 'card', card: await hitCard(env, hit, first + i, m) });
  }
  return cards;
}
