import { encodeAction } from '../chat/actions.js';
import type { ChatContext } from '../chat/context.js';
import { type BotLanguage, formatDay, MESSAGES, type Messages } from '../chat/i18n.js';
import type { ResultCard } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { addBookmark, listBookmarks, removeBookmark } from '../follows/state.js';
import { displayType } from '../taxonomy/index.js';
import type { CommandEnv } from './commands/command.js';
import { TITLE_MAX } from './results.js';

/** Saving, removing and showing a member's bookmarks: the commands, the buttons and the home share it. */

export async function bookmarkResource(
  env: CommandEnv,
  ctx: ChatContext,
  resourceId: string,
  lang: BotLanguage,
): Promise<string> {
  const m = MESSAGES[lang];
  const [resource] = await env.ports.resources([resourceId]);
  if (!resource) return m.resourceNotFound(cutText(resourceId, 80));
  const title = cutText(cleanText(resource.title) || resource.url, TITLE_MAX);
  const added = await addBookmark(env.store, ctx.user, {
    resourceId: resource.id,
    title,
    url: resource.url,
    createdAt: env.now().toISOString(),
  });
  return added ? m.bookmarked(title) : m.alreadyBookmarked(title);
}

/** `unbookmark 2` (the second bookmark) or a resource id. */
export async function unbookmarkRef(
  env: CommandEnv,
  ctx: ChatContext,
  ref: string,
  lang: BotLanguage,
): Promise<string> {
  const m = MESSAGES[lang];
  const list = await listBookmarks(env.store, ctx.user);
  const byNumber = /^\d{1,3}$/.test(ref) ? list[Number(ref) - 1] : undefined;
  const target = byNumber ?? list.find((b) => b.resourceId === ref);
  if (!target || !(await removeBookmark(env.store, ctx.user, target.resourceId)))
    return m.bookmarkNotFound(cutText(ref, 80));
  return m.unbookmarked(target.title);
}

export async function bookmarkCards(env: CommandEnv, ctx: ChatContext, m: Messages): Promise<ResultCard[]> {
  const list = await listBookmarks(env.store, ctx.user);
  // What a bookmark shows of its resource: who published it and when (not the day it was saved).
  const [resources, partners] = list.length
    ? await Promise.all([env.ports.resources(list.map((b) => b.resourceId)), env.ports.search.partners()])
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
            env.store,
            { type: 'unbookmark', resourceId: b.resourceId, language: m.language },
            env.now(),
          ),
        },
      ],
    });
  }
  return cards;
}
