import { MESSAGES } from '../../chat/i18n.js';
import { heading, paragraph, textReply } from '../../chat/reply.js';
import { cleanText, cutText } from '../../chat/text.js';
import { defineCommand } from './command.js';

const FEEDS_SHOWN = 40;
const bad = (status: string) => status !== 'ok' && status !== 'active' && status !== 'new';

/** `feeds` (every feed's health, failing first) and `feed <partner>` (one partner's): relay admins only. */
export const feeds = defineCommand(
  ['feeds', 'feed'],
  async ({ env, ctx, args, lang, command }) => {
    const m = MESSAGES[lang];
    if (!ctx.isRelayAdmin) return textReply(m.notBotAdmin, { private: true });
    const all = await env.ports.registry.listFeeds();
    if (command === 'feed') {
      const id = args.trim().toLowerCase();
      if (!id) return textReply(m.feedStatusUsage, { private: true });
      const name = await env.ports.registry.partnerName(id);
      const mine = all.filter((f) => f.partnerId === id);
      if (!name && mine.length === 0) return textReply(m.partnerNotFound(cutText(id, 60)), { private: true });
      const title = m.partnerHeading(cleanText(name ?? id), mine.length);
      const lines = mine.map((f) => `• ${m.feedLine(f)}\n  ${f.url}`);
      return { blocks: [heading(title), paragraph(lines.join('\n'))], summary: title, private: true };
    }
    if (all.length === 0) return textReply(m.feedsNone, { private: true });
    const sorted = [...all].sort(
      (a, b) => Number(bad(b.status)) - Number(bad(a.status)) || a.partnerId.localeCompare(b.partnerId),
    );
    const title = m.feedsHeading(all.length, all.filter((f) => bad(f.status)).length);
    const lines = sorted.slice(0, FEEDS_SHOWN).map((f) => `• ${m.feedLine(f)}`);
    if (sorted.length > FEEDS_SHOWN) lines.push(`… +${sorted.length - FEEDS_SHOWN}`);
    return { blocks: [heading(title), paragraph(lines.join('\n'))], summary: title, private: true };
  },
  { admin: true },
);
