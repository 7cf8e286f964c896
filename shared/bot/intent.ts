import { type BotLanguage, type CommandName, commandOf } from './i18n.js';

/**
 * A member's message as an intent: which command, its arguments, and the language the command
 * word was written in. The faces strip their own addressing first (Slack's `<@U…>` mention,
 * Telegram's `/search@our_bot`); a leading slash is accepted everywhere.
 */
export interface Intent {
  command: CommandName;
  args: string;
  /** The language of the command word (`buscar`: es); undefined for free text. */
  wordLanguage?: BotLanguage;
  /** The first word did not name a command: the whole text is a search. */
  implicit: boolean;
}

export function parseIntent(text: string): Intent {
  const trimmed = text.trim().replace(/^\/+/, '');
  if (!trimmed) return { command: 'help', args: '', implicit: false };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed)!;
  const word = match[1]!;
  const rest = match[2]!.trim();
  const found = commandOf(word);
  if (!found) return { command: 'search', args: trimmed, implicit: true };
  if (found.command === 'feed') {
    // `feed status <partner>` / `fuente estado <socio>`: the middle word is optional.
    const args = rest.replace(/^(status|estado)\b\s*/i, '');
    return { command: 'feed', args, wordLanguage: found.language, implicit: false };
  }
  return { command: found.command, args: rest, wordLanguage: found.language, implicit: false };
}
