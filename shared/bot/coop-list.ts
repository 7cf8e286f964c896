import { type CommandName, MESSAGES } from '../chat/i18n.js';
import { heading, muted, paragraph, type ReplyBlock } from '../chat/reply.js';
import { entryBlocks } from '../coop/chat-lines.js';
import type { CoopKind } from '../coop/entry.js';
import { CoopMatcher, doneExchanges } from '../coop/match.js';
import { listAllEntries } from '../coop/store.js';
import { problemText } from '../filters/problems.js';
import { defineCommand } from './commands/command.js';
import { parseFilters, refusal } from './filter-text.js';

/** At most this many entries in one reply. */
const MAX_SHOWN = 10;

/**
 * A list of the exchange's open (or matched, still taking partners) entries of one kind, newest
 * first, filtered by topic and country in the one filter language (values that mean nothing are
 * refused with the closest, as in search), each with its best match and the way to see who fits it.
 */
export function coopListCommand(name: CommandName, kind: CoopKind) {
  return defineCommand([name], async ({ env, args, lang }) => {
    const m = MESSAGES[lang];
    const parsed = await parseFilters(env, args);
    const refused = refusal(parsed, lang, false);
    if (refused) return refused;
    const { topics = [], countries = [] } = parsed.filter;
    const all = await listAllEntries(env.store);
    const found = all
      .filter((e) => e.kind === kind)
      .filter((e) => e.status === 'open' || e.status === 'matched')
      .filter((e) => topics.length === 0 || e.topics.some((t) => topics.includes(t)))
      .filter((e) => countries.length === 0 || countries.includes(e.country))
      .reverse();
    if (found.length === 0)
      return { blocks: [paragraph(m.coop.none(kind))], summary: m.coop.none(kind), private: true };
    const title = m.coop.listHeading(kind, found.length);
    const blocks: ReplyBlock[] = [heading(title)];
    const notes = parsed.problems.map((p) => problemText(p, lang, parsed.partners));
    if (notes.length) blocks.push(muted(m.problems(notes.join(' '))));
    const matcher = new CoopMatcher(all, doneExchanges(all));
    for (const [i, entry] of found.slice(0, MAX_SHOWN).entries()) {
      blocks.push(...entryBlocks(entry, lang, i + 1));
      const [best] = matcher.matchesFor(entry, 1);
      if (best) blocks.push(muted(m.coop.bestFit(best.entry.id, best.entry.title)));
    }
    blocks.push(muted(m.coop.matchesHint(found[0]!.id)));
    return { blocks, summary: title, private: true };
  });
}
