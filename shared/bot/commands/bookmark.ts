import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { shownResults } from '../../follows/state.js';
import { bookmarkResource } from '../bookmarking.js';
import { defineCommand } from './command.js';

/** `bookmark 2`: the second of the results last shown to this member; else a resource id. */
export const bookmark = defineCommand(['bookmark'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const ref = args.trim().split(/\s+/)[0] ?? '';
  if (!ref) return textReply(m.bookmarkNeedsRef, { private: true });
  if (!/^\d{1,3}$/.test(ref))
    return textReply(await bookmarkResource(env, ctx, ref, lang), { private: true });
  const shown = await shownResults(env.store, ctx.user);
  const n = Number(ref);
  const id = shown?.ids[n - shown.from];
  if (id) return textReply(await bookmarkResource(env, ctx, id, lang), { private: true });
  if (!shown || shown.ids.length === 0) return textReply(m.bookmarkNeedsRef, { private: true });
  return textReply(m.notShown(n, shown.from, shown.from + shown.ids.length - 1), { private: true });
});
