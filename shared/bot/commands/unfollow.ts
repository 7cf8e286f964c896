import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { describeFilter } from '../../filters/describe.js';
import { canonicalFilter, isEmptyFilter, type ResourceFilter } from '../../filters/filter.js';
import { FILTER_FIELDS, resolveValue } from '../../filters/values.js';
import { type Follow, followIdOf, listFollows, removeFollow } from '../../follows/state.js';
import { parseFilters, refusal } from '../filter-text.js';
import { type CommandRun, defineCommand } from './command.js';
import { guardChannel } from './guard.js';

/**
 * `unfollow 3f2a1b`: this conversation stops announcing that follow. Members also name it by what
 * it follows (`unfollow tema:pensiones`, `dejar #peru`): the follow of exactly that is removed;
 * otherwise those that share some of it are listed with their ids, and nothing is removed.
 */
export const unfollow = defineCommand(['unfollow'], async (run) => {
  const { env, ctx, args, lang } = run;
  const m = MESSAGES[lang];
  const id = args.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f]{6}$/.test(id)) return byFilter(run);
  const denied = await guardChannel(ctx, m);
  if (denied) return denied;
  const removed = await removeFollow(env.store, ctx.channel, id);
  return textReply(removed ? m.unfollowed(id) : m.followNotFound(id), { private: !removed });
});

async function byFilter({ env, ctx, args, lang }: CommandRun) {
  const m = MESSAGES[lang];
  if (!args.trim()) return textReply(m.unfollowNeedsId, { private: true });
  const parsed = await parseFilters(env, args);
  const refused = refusal(parsed, lang, false);
  if (refused) return refused;
  if (isEmptyFilter(parsed.filter)) return textReply(m.unfollowNeedsId, { private: true });
  const wanted = canonicalFilter(parsed.filter);
  const follows = await listFollows(env.store, ctx.channel);
  const exact = follows.find((f) => f.followId === followIdOf(wanted));
  if (exact) {
    const denied = await guardChannel(ctx, m);
    if (denied) return denied;
    const removed = await removeFollow(env.store, ctx.channel, exact.followId);
    return textReply(removed ? m.unfollowed(exact.followId) : m.followNotFound(exact.followId), {
      private: !removed,
    });
  }
  const described = describeFilter(wanted, lang, parsed.partners);
  const near = follows.filter((f) => sharesSome(f, wanted));
  if (near.length === 0) return textReply(m.unfollowNothingLike(described), { private: true });
  const lines = near.map(
    (f) => `• ${m.followLine(f.followId, describeFilter(f.filter, lang, parsed.partners))}`,
  );
  return textReply(m.unfollowWhich(described, lines.join('\n')), { private: true });
}

/**
 * Whether a follow has one of the filter's values or keyword words; a word that names a topic or
 * country counts as it too (`dejar pensiones` finds the follow of topic:pensions).
 */
function sharesSome(follow: Follow, filter: ResourceFilter): boolean {
  const values = (f: ResourceFilter) =>
    FILTER_FIELDS.flatMap((field) => (f[field] ?? []).map((v) => `${field}:${v}`));
  const words = (f: ResourceFilter) =>
    (f.keywords ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  const named = (word: string) =>
    (['topics', 'countries'] as const).flatMap((field) => {
      const resolved = resolveValue(field, word);
      return resolved.ok ? resolved.values.map((v) => `${field}:${v}`) : [];
    });
  const mine = new Set([...values(follow.filter), ...words(follow.filter)]);
  const asked = [...values(filter), ...words(filter).flatMap((w) => [w, ...named(w)])];
  return asked.some((v) => mine.has(v));
}
