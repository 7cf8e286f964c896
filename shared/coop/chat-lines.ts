import type { BotLanguage } from '../chat/i18n.js';
import { muted, paragraph, type ReplyBlock } from '../chat/reply.js';
import { displayCountry, displayLanguage } from '../taxonomy/index.js';
import { type CoopEntry, MODALITY_NAMES } from './entry.js';
import type { Match } from './match.js';

/**
 * How an offer or a request reads in a chat reply: its id and title, then who, where, how and in
 * which languages, in the member's language (the entry's own text as its institution wrote it).
 */
export function entryBlocks(entry: CoopEntry, lang: BotLanguage, position?: number): ReplyBlock[] {
  const how = entry.modalities.map((m) => MODALITY_NAMES[m][lang]).join(', ');
  const languages = entry.languages
    .map((l) => (lang === 'es' ? displayLanguage(l, lang).toLowerCase() : displayLanguage(l, lang)))
    .join(', ');
  return [
    paragraph(`${position === undefined ? '' : `${position}. `}${entry.id} · ${entry.title}`),
    muted(
      [`${entry.institution}, ${displayCountry(entry.country, lang)}`, how, languages]
        .filter(Boolean)
        .join(' · '),
    ),
  ];
}

/** Matches as a list, best first: each entry, then why it fits, in the member's language. */
export function matchBlocks(matches: readonly Match[], lang: BotLanguage): ReplyBlock[] {
  return matches.flatMap((match, i) => [
    ...entryBlocks(match.entry, lang, i + 1),
    muted(match.reasons.map((r) => r[lang]).join('; ')),
  ]);
}
