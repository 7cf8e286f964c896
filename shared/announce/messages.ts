import { type BotLanguage, formatDay, MESSAGES } from '../chat/i18n.js';
import { heading, muted, type Reply, type ResultCard } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import type { Resource } from '../domain/resource.js';
import { eventLinks, formatEventPlace, formatEventWhen } from '../events/format.js';
import { isDated } from '../events/upcoming.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { Follow } from '../follows/state.js';
import { displayCountry, displayTopic, displayType } from '../taxonomy/index.js';

/**
 * The announcement messages in the platform-neutral reply model: a single post is one card (the
 * title linked, partner, date and type, the summary); the batch message heads "12 new resources on
 * financial inclusion" and lists the first of them. Every string is plain text: the Slack and
 * Telegram renderers (shared/bot/slack/render.ts, shared/bot/telegram/render.ts) escape it and
 * keep their platforms' limits, so no markup is written here.
 */

const TITLE_MAX = 200;
const SUMMARY_MAX = 300;
/** Resources listed by name in a batch message; the others are counted ("and 12 more"). */
export const BATCH_LISTED = 8;

const STRINGS = {
  en: {
    newResource: (subject: string) => `New · ${subject}`,
    batchHeading: (count: number, subject: string) =>
      `${count} new ${count === 1 ? 'resource' : 'resources'} on ${subject}`,
    more: (count: number) => `…and ${count} more.`,
    listButton: (count: number) => `See all ${count}`,
    and: 'and',
    yourFollows: 'what this channel follows',
    paused: (where: string, reason: string, follows: number) =>
      `Announcements to ${where} are paused (${reason}): its ${follows} follow(s) wait until someone runs a bot command there.`,
    feedPaused: (feed: string, partner: string, reason: string) =>
      `The feed ${feed} of ${partner} is paused: ${reason}. Check it with "feed status ${partner}"; resume it with \`iaspn feeds resume ${feed}\`.`,
  },
  es: {
    newResource: (subject: string) => `Nuevo · ${subject}`,
    batchHeading: (count: number, subject: string) =>
      `${count} ${count === 1 ? 'recurso nuevo' : 'recursos nuevos'} sobre ${subject}`,
    more: (count: number) => `…y ${count} más.`,
    listButton: (count: number) => `Ver los ${count}`,
    and: 'y',
    yourFollows: 'lo que sigue este canal',
    paused: (where: string, reason: string, follows: number) =>
      `Los anuncios en ${where} están en pausa (${reason}): sus ${follows} seguimiento(s) esperan a que alguien use un comando del bot allí.`,
    feedPaused: (feed: string, partner: string, reason: string) =>
      `La fuente ${feed} de ${partner} está en pausa: ${reason}. Revísela con "feed status ${partner}"; reactívela con \`iaspn feeds resume ${feed}\`.`,
  },
} satisfies Record<BotLanguage, unknown>;

export const announceStrings = (language: BotLanguage) => STRINGS[language];

function joinWords(words: string[], language: BotLanguage): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${STRINGS[language].and} ${words.at(-1)}`;
}

/**
 * What follows are about, in words: the topics, else countries, else types, else partners of the
 * filters (in the channel's language). "financial inclusion", "Colombia and Peru".
 */
export function subjectOf(filters: readonly ResourceFilter[], language: BotLanguage): string {
  const collect = (pick: (f: ResourceFilter) => readonly string[] | undefined) => [
    ...new Set(filters.flatMap((f) => pick(f) ?? [])),
  ];
  // Topic names are common nouns inside a sentence: "on financial inclusion".
  const topics = collect((f) => f.topics).map((t) =>
    displayTopic(t, language).replace(/^(\p{Lu})(?=\p{Ll})/u, (c) => c.toLowerCase()),
  );
  if (topics.length) return joinWords(topics.slice(0, 3), language);
  const countries = collect((f) => f.countries).map((c) => displayCountry(c, language));
  if (countries.length) return joinWords(countries.slice(0, 3), language);
  const types = collect((f) => f.types).map((t) => displayType(t, language).toLowerCase());
  if (types.length) return joinWords(types.slice(0, 3), language);
  const partners = collect((f) => f.partners);
  if (partners.length) return joinWords(partners.slice(0, 3), language);
  return STRINGS[language].yourFollows;
}

export interface MessageContext {
  language: BotLanguage;
  /** Partner display names by id. */
  partnerNames: ReadonlyMap<string, string>;
  /** The encoded action of a batch message's button that lists every batched resource. */
  listAction?: string;
  /** The conversation's zone (`tz`) for an event's time; else the event's own, else UTC. */
  timeZone?: string;
  /** The relay's public URL, for an event's "Add to calendar" (.ics) link. */
  publicUrl?: string;
}

/** An event's card shows when (not when it was posted), where, and how to register and add it. */
function eventParts(resource: Resource, ctx: MessageContext) {
  if (!isDated(resource)) return undefined;
  const zone = ctx.timeZone ?? resource.event.timeZone ?? 'UTC';
  return {
    when: formatEventWhen(resource.event, zone, ctx.language),
    where: formatEventPlace(resource.event, ctx.language),
    links: eventLinks(resource, MESSAGES[ctx.language].eventLinks, ctx.publicUrl, ctx.language),
  };
}

function card(resource: Resource, position: number, ctx: MessageContext, withSummary: boolean): ResultCard {
  const partner = ctx.partnerNames.get(resource.partnerId) ?? resource.partnerId;
  const event = eventParts(resource, ctx);
  return {
    position,
    resourceId: resource.id,
    title: cutText(cleanText(resource.title) || resource.url, TITLE_MAX),
    url: resource.url,
    meta: (event
      ? [cleanText(partner), event.when, event.where]
      : [
          cleanText(partner),
          formatDay(resource.publishedAt, ctx.language),
          displayType(resource.type, ctx.language),
        ]
    )
      .filter(Boolean)
      .join(' · '),
    snippet: withSummary ? cutText(cleanText(resource.summary).replace(/[«»]/g, '"'), SUMMARY_MAX) : '',
    ...(event && withSummary ? { links: event.links } : {}),
    buttons: [],
  };
}

/** One resource on its own, under the follows it matched. */
export function singlePost(resource: Resource, matched: readonly Follow[], ctx: MessageContext): Reply {
  const s = STRINGS[ctx.language];
  return {
    blocks: [
      muted(
        s.newResource(
          subjectOf(
            matched.map((f) => f.filter),
            ctx.language,
          ),
        ),
      ),
      { kind: 'card', card: card(resource, 0, ctx, true) },
    ],
    summary: cutText(cleanText(resource.title) || resource.url, TITLE_MAX),
  };
}

/** Many resources in one message: the count and subject, the first BATCH_LISTED, the rest counted. */
export function batchPost(
  resources: readonly Resource[],
  matched: readonly Follow[],
  ctx: MessageContext,
): Reply {
  const s = STRINGS[ctx.language];
  const title = s.batchHeading(
    resources.length,
    subjectOf(
      [...new Set(matched)].map((f) => f.filter),
      ctx.language,
    ),
  );
  const listed = resources.slice(0, BATCH_LISTED);
  const rest = resources.length - listed.length;
  return {
    blocks: [
      heading(title),
      ...listed.map((r, i) => ({ kind: 'card' as const, card: card(r, i + 1, ctx, false) })),
      ...(rest > 0 ? [muted(s.more(rest))] : []),
      ...(ctx.listAction
        ? [
            {
              kind: 'buttons' as const,
              buttons: [{ label: s.listButton(resources.length), action: ctx.listAction }],
            },
          ]
        : []),
    ],
    summary: title,
  };
}
