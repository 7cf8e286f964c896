import { MESSAGES } from '../../chat/i18n.js';
import { parseIntent } from '../../chat/intent.js';
import { muted, paragraph, type ReplyBlock } from '../../chat/reply.js';
import { defineCommand } from './command.js';

/** `help` (every command, examples that work, admin commands for relay admins) or `help follow`. */
export const help = defineCommand(['help'], async ({ env, ctx, args, lang }) => {
  const m = MESSAGES[lang];
  const asked = parseIntent(args);
  if (args && !asked.implicit) {
    const h = m.help.commands[asked.command];
    return { blocks: [paragraph(`${h.usage}: ${h.text}`)], summary: h.usage, private: true };
  }
  const lines = (admin: boolean) =>
    env.commands
      .filter((c) => Boolean(c.admin) === admin && c.names[lang].length > 0)
      .flatMap((c) => c.help(lang))
      .map((h) => `• ${h.usage}: ${h.text}`)
      .join('\n');
  const blocks: ReplyBlock[] = [paragraph(m.help.intro), paragraph(lines(false))];
  blocks.push(paragraph(`${m.help.examplesIntro}\n${m.help.examples.map((e) => `• ${e}`).join('\n')}`));
  if (ctx.isRelayAdmin) blocks.push(paragraph(`${m.help.adminIntro}\n${lines(true)}`));
  blocks.push(muted(m.help.footer));
  return { blocks, summary: m.help.intro, private: true };
});
