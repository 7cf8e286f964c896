import { MESSAGES } from '../../chat/i18n.js';
import { heading, muted, paragraph, type ReplyBlock } from '../../chat/reply.js';
import { cleanText } from '../../chat/text.js';
import { listValues, typedValue } from '../../filters/values.js';
import { defineCommand } from './command.js';

/** `topics`, `countries`, `types`, `partners`: the values the filter language takes, as members type them. */
export const vocabulary = defineCommand(
  ['topics', 'countries', 'types', 'partners'],
  async ({ env, lang, command }) => {
    const m = MESSAGES[lang];
    const list = (field: 'topics' | 'countries' | 'types' | 'languages') =>
      listValues(field, lang)
        .map((v) => `• ${v.name}: ${v.typed}`)
        .join('\n');
    const blocks: ReplyBlock[] = [];
    const shown = command as 'topics' | 'countries' | 'types' | 'partners';
    if (shown === 'partners') {
      const partners = [...(await env.ports.search.partners())].sort((a, b) =>
        a[1].localeCompare(b[1], lang),
      );
      blocks.push(heading(m.vocabulary.partners));
      blocks.push(
        partners.length
          ? paragraph(
              partners
                .map(([id, name]) => `• ${cleanText(name)}: ${typedValue('partners', id, lang)}`)
                .join('\n'),
            )
          : muted(m.noPartners),
      );
    } else if (shown === 'types') {
      blocks.push(heading(m.vocabulary.types), paragraph(list('types')));
      blocks.push(heading(m.vocabulary.languages), paragraph(list('languages')));
    } else blocks.push(heading(m.vocabulary[shown]), paragraph(list(shown)));
    return { blocks, summary: m.vocabulary[shown], private: true };
  },
);
