import { MESSAGES } from '../../chat/i18n.js';
import { heading, muted, paragraph, type ReplyBlock } from '../../chat/reply.js';
import { memberTimeZone } from '../../events/time-zone.js';
import { searchCatalogue, upcomingEvents } from '../../events/upcoming.js';
import { describeFilter } from '../../filters/describe.js';
import { isEmptyFilter } from '../../filters/filter.js';
import { problemText } from '../../filters/problems.js';
import { eventCard } from '../event-cards.js';
import { parseFilters, refusal } from '../filter-text.js';
import { defineCommand } from './command.js';

/** At most this many upcoming events in one reply. */
const MAX_SHOWN = 10;

/** `upcoming country:colombia` / `proximos`: events not yet over, soonest first, in the member's zone. */
export const upcoming = defineCommand(['upcoming'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const parsed = await parseFilters(env, args, ctx);
  const refused = refusal(parsed, lang, false);
  if (refused) return refused;
  const catalogue = searchCatalogue(env.ports.search, env.ports.resources);
  const [events, timeZone] = await Promise.all([
    upcomingEvents(catalogue, parsed.filter, { now: env.now(), limit: Math.max(env.pageSize, MAX_SHOWN) }),
    memberTimeZone(env.store, ctx, ctx.timeZone),
  ]);
  const notes = parsed.problems.map((p) => problemText(p, lang, parsed.partners));
  const described = isEmptyFilter(parsed.filter)
    ? undefined
    : m.filtersApplied(describeFilter(parsed.filter, lang, parsed.partners));
  if (events.length === 0) {
    const blocks: ReplyBlock[] = [paragraph(m.noUpcoming)];
    if (described) blocks.push(muted(described));
    return { blocks, summary: m.noUpcoming, private: true };
  }
  const title = m.upcomingHeading(1, events.length, timeZone);
  const blocks: ReplyBlock[] = [heading(title)];
  if (described) blocks.push(muted(described));
  if (notes.length) blocks.push(muted(m.problems(notes.join(' '))));
  for (const [i, event] of events.entries())
    blocks.push({ kind: 'card', card: await eventCard(env, event, i + 1, m, timeZone) });
  return { blocks, summary: title, private: true };
});
