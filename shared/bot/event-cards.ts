import { encodeAction } from '../chat/actions.js';
import type { Messages } from '../chat/i18n.js';
import type { ResultCard } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { eventLinks, formatEventPlace, formatEventWhen } from '../events/format.js';
import type { DatedEvent } from '../events/upcoming.js';
import type { CommandEnv } from './commands/command.js';
import { TITLE_MAX } from './results.js';

/**
 * An event as a card: its title linked, "when · where" in the member's zone and language, and
 * links to register and to put it in a calendar (the HTTP API's .ics, Google Calendar's template).
 */
export async function eventCard(
  env: CommandEnv,
  event: DatedEvent,
  position: number,
  m: Messages,
  timeZone: string,
): Promise<ResultCard> {
  const lang = m.language;
  return {
    position,
    resourceId: event.id,
    title: cutText(cleanText(event.title) || event.url, TITLE_MAX),
    url: event.url,
    meta: eventMeta(event, timeZone, lang),
    snippet: '',
    links: eventLinks(event, m.eventLinks, env.ports.publicUrl, lang),
    buttons: [
      {
        label: m.bookmarkButton,
        action: await encodeAction(
          env.store,
          { type: 'bookmark', resourceId: event.id, language: lang },
          env.now(),
        ),
      },
    ],
  };
}

/** "Thu, Dec 3, 2026, 10:00 – 11:30 AM EST · Washington, United States". */
export const eventMeta = (event: DatedEvent, timeZone: string, lang: Messages['language']) =>
  [formatEventWhen(event.event, timeZone, lang), formatEventPlace(event.event, lang)]
    .filter(Boolean)
    .join(' · ');
