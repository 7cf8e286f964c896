import { MESSAGES } from '../../chat/i18n.js';
import { textReply } from '../../chat/reply.js';
import { defineCommand } from './command.js';

/** `hola`, `gracias`, `hi`: a short hello with the three most useful commands, not a search. */
export const greet = defineCommand(['greet'], async ({ lang }) =>
  textReply(MESSAGES[lang].greeting, { private: true }),
);
