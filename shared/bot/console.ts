import type { BotCore, ChatContext } from './core.js';
import type { ActionOutcome, Button, Reply } from './reply.js';
import { plainSnippet } from './reply.js';

/**
 * The console face (`iaspn chat`): the same command core, rendered as plain text for a terminal.
 * Buttons are numbered; typing a button's number presses it.
 */

export function renderConsole(reply: Reply): { text: string; buttons: Button[] } {
  const buttons: Button[] = [];
  const press = (b: Button) => {
    buttons.push(b);
    return `[${buttons.length}] ${b.label}`;
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
        if (c.buttons.length) lines.push(`   ${c.buttons.map(press).join('  ')}`);
        parts.push(lines.join('\n'));
        break;
      }
      case 'buttons':
        parts.push(block.buttons.map(press).join('  '));
        break;
    }
  }
  return { text: parts.join('\n\n'), buttons };
}

export interface ConsoleChat {
  /** One line in, the rendered answer out. */
  say(line: string): Promise<string>;
}

export function createConsoleChat(core: BotCore, ctx: ChatContext, pressHint: string): ConsoleChat {
  let buttons: Button[] = [];
  const show = (reply: Reply) => {
    const rendered = renderConsole(reply);
    buttons = rendered.buttons;
    return rendered.buttons.length ? `${rendered.text}\n\n(${pressHint})` : rendered.text;
  };
  const showOutcome = (outcome: ActionOutcome) =>
    [outcome.toast, outcome.reply ? show(outcome.reply) : undefined].filter(Boolean).join('\n\n');
  return {
    async say(line) {
      const pressed = /^\s*\[?(\d{1,2})\]?\s*$/.exec(line);
      const button = pressed ? buttons[Number(pressed[1]) - 1] : undefined;
      if (button) return showOutcome(await core.handleAction(ctx, button.action));
      return show(await core.handleText(ctx, line));
    },
  };
}
