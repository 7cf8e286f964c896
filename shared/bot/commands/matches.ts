import { MESSAGES } from '../../chat/i18n.js';
import { heading, paragraph, type ReplyBlock } from '../../chat/reply.js';
import { matchBlocks } from '../../coop/chat-lines.js';
import { matchesOf } from '../../coop/exchange.js';
import { defineCommand } from './command.js';

/** How many matches one reply shows. */
const SHOWN = 5;

/** `matches R-7K2P9X` / `coincidencias R-7K2P9X`: who fits an offer or a request, best first, and why. */
export const matches = defineCommand(['matches'], async ({ env, args, lang }) => {
  const m = MESSAGES[lang];
  const id = args.trim().split(/\s+/)[0] ?? '';
  if (id === '')
    return { blocks: [paragraph(m.coop.matchesUsage)], summary: m.coop.matchesUsage, private: true };
  const found = await matchesOf(env.store, id, SHOWN);
  if (!found) {
    const text = m.coop.unknownEntry(id);
    return { blocks: [paragraph(text)], summary: text, private: true };
  }
  if (found.matches.length === 0)
    return { blocks: [paragraph(m.coop.noMatches)], summary: m.coop.noMatches, private: true };
  const other = found.entry.kind === 'offer' ? 'request' : 'offer';
  const title = m.coop.matchesHeading(other, found.matches.length, found.entry.title);
  const blocks: ReplyBlock[] = [heading(title), ...matchBlocks(found.matches, lang)];
  return { blocks, summary: title, private: true };
});
