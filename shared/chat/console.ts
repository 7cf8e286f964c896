import type { BotCore, ChatContext } from './context.js';
import { MESSAGES } from './i18n.js';
import type { ActionOutcome, Button, Reply } from './reply.js';
import { plainSnippet } from './reply.js';

/**
 * The console face (`iaspn chat`): the same command core, rendered as plain text for a terminal.
 * Buttons are numbered; typing a button's number presses it. A result's button carries the
 * result's own number (result 7's Bookmark is [7]), so numbers agree on every page; other buttons
 * take the numbers after the last result.
 */

export function renderConsole(reply: Reply): { text: string; buttons: Map<number, Button> } {
  const buttons = new Map<number, Button>();
  let next = Math.max(0, ...reply.blocks.map((b) => (b.kind === 'card' ? b.card.position : 0))) + 1;
  const press = (b: Button, position = 0) => {
    const number = position > 0 && !buttons.has(position) ? position : next++;
    buttons.set(number, b);
    return `[${number}] ${b.label}`;
  };
  const parts: string[] = [];
  for (const block of reply.blocks) {
    switch (block.kind) {
      case 'heading':
        parts.push(`== ${block.text} ==`);
        break;
      case 'text':
        parts.push(block.text);
        break;
      case 'muted':
        parts.push(`(${block.text})`);
        break;
      case 'card': {
        const c = block.card;
        const lines = [`${c.position > 0 ? `${c.position}. ` : ''}${c.title}`, `   ${c.url}`];
        if (c.meta) lines.push(`   ${c.meta}`);
        if (c.snippet) lines.push(`   ${plainSnippet(c.snippet)}`);
        for (const l of c.links ?? []) lines.push(`   ${l.label}: ${l.url}`);
        if (c.buttons.length) lines.push(`   ${c.buttons.map((b) => press(b, c.position)).join('  ')}`);
        parts.push(lines.join('\n'));
        break;
      }
      case 'item':
        parts.push(`${block.text}  ${press(block.button)}`);
        break;
      case 'buttons':
        parts.push(block.buttons.map((b) => press(b)).join('  '));
        break;
    }
  }
  return { text: parts.join('\n\n'), buttons };
}

export interface ConsoleChat {
  /** One line in, the rendered answer out. */
  say(line: string): Promise<string>;
}

/** The console: lines in, replies out, with the press hint in the member's language. */
export function createConsoleChat(core: BotCore, ctx: ChatContext): ConsoleChat {
  let buttons = new Map<number, Button>();
  const show = async (reply: Reply, wordLanguage?: 'en' | 'es') => {
    const rendered = renderConsole(reply);
    buttons = rendered.buttons;
    if (!rendered.buttons.size) return rendered.text;
    const hint = MESSAGES[await core.language(ctx, wordLanguage)].pressHint;
    return `${rendered.text}\n\n(${hint})`;
  };
  return {
    async say(line) {
      const pressed = /^\s*\[?(\d{1,3})\]?\s*$/.exec(line);
      const button = pressed ? buttons.get(Number(pressed[1])) : undefined;
      if (button) {
        const outcome: ActionOutcome = await core.handleAction(ctx, button.action);
        const shown = outcome.reply ? await show(outcome.reply) : undefined;
        return [outcome.toast, shown].filter(Boolean).join('\n\n');
      }
      // The hint in the reply's language (a free-text search's words may give it).
      return show(await core.handleText(ctx, line), await core.languageOfText(ctx, line));
    },
  };
}
