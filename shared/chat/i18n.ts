/**
 * The bot's words in English and Spanish: command names, help and every message. Command names
 * are matched without accents or case (`búsqueda` is not a command, `buscar` and `BUSCAR` are).
 */

export const BOT_LANGUAGES = ['en', 'es'] as const;
export type BotLanguage = (typeof BOT_LANGUAGES)[number];

export const isBotLanguage = (value: unknown): value is BotLanguage => value === 'en' || value === 'es';

/** A platform locale (`es-ES`, `es_419`, `pt-BR`) to the bot's language: Spanish or else English. */
export function languageFromLocale(locale: string | undefined): BotLanguage | undefined {
  if (!locale) return undefined;
  const base = locale.toLowerCase().split(/[-_]/)[0];
  if (base === 'es') return 'es';
  if (base === 'en') return 'en';
  return undefined;
}

export type CommandName =
  | 'search'
  | 'latest'
  | 'upcoming'
  | 'tz'
  | 'remind'
  | 'follow'
  | 'unfollow'
  | 'following'
  | 'subscribe'
  | 'bookmark'
  | 'bookmarks'
  | 'unbookmark'
  | 'lang'
  | 'feeds'
  | 'feed'
  | 'topics'
  | 'countries'
  | 'types'
  | 'partners'
  | 'greet'
  | 'more'
  | 'offers'
  | 'requests'
  | 'matches'
  | 'offer'
  | 'request'
  | 'help';

/** Every spelling of every command, by language (the first of each list is the one shown in help). */
export const COMMAND_NAMES: Record<CommandName, Record<BotLanguage, string[]>> = {
  search: { en: ['search', 'find'], es: ['buscar', 'busca'] },
  latest: { en: ['latest', 'new'], es: ['recientes', 'nuevos', 'ultimos'] },
  upcoming: { en: ['upcoming', 'events'], es: ['proximos', 'eventos'] },
  tz: { en: ['tz', 'timezone'], es: ['zona', 'zonahoraria'] },
  remind: { en: ['remind'], es: ['recordar'] },
  follow: { en: ['follow'], es: ['seguir'] },
  unfollow: { en: ['unfollow'], es: ['dejar', 'dejardeseguir'] },
  following: { en: ['following', 'follows'], es: ['siguiendo'] },
  subscribe: { en: ['subscribe'], es: ['suscribir', 'suscribirse', 'suscribirme'] },
  bookmark: { en: ['bookmark', 'save'], es: ['marcador', 'guardar'] },
  bookmarks: { en: ['bookmarks', 'saved'], es: ['marcadores', 'guardados'] },
  unbookmark: { en: ['unbookmark'], es: ['desmarcar', 'quitar'] },
  lang: { en: ['lang', 'language'], es: ['idioma'] },
  feeds: { en: ['feeds'], es: ['fuentes'] },
  feed: { en: ['feed'], es: ['fuente'] },
  topics: { en: ['topics'], es: ['temas'] },
  countries: { en: ['countries'], es: ['paises'] },
  types: { en: ['types', 'languages'], es: ['tipos', 'idiomas'] },
  partners: { en: ['partners'], es: ['socios'] },
  greet: { en: [], es: [] },
  more: { en: ['more', 'next'], es: ['mas', 'siguiente'] },
  offers: { en: ['offers'], es: ['ofertas'] },
  requests: { en: ['requests'], es: ['solicitudes'] },
  matches: { en: ['matches'], es: ['coincidencias'] },
  offer: { en: ['offer'], es: ['ofrecer'] },
  request: { en: ['request'], es: ['solicitar'] },
  help: { en: ['help', 'start', '?'], es: ['ayuda', 'inicio'] },
};

export interface CoopMessages {
  listHeading(kind: 'offer' | 'request', count: number): string;
  none(kind: 'offer' | 'request'): string;
  /** Under a list: how to see who fits an entry. */
  matchesHint(id: string): string;
  /** Under an entry of a list: the best match, its id and title. */
  bestFit(id: string, title: string): string;
  matchesHeading(kind: 'offer' | 'request', count: number, title: string): string;
  noMatches: string;
  unknownEntry(id: string): string;
  matchesUsage: string;
}

interface CommandHelp {
  usage: string;
  text: string;
}

export interface Messages {
  language: BotLanguage;
  help: {
    intro: string;
    adminIntro: string;
    commands: Record<CommandName, CommandHelp>;
    footer: string;
    /** Commands shown as examples in the help: each one works (a test runs them all). */
    examples: string[];
    examplesIntro: string;
  };
  vocabulary: { topics: string; countries: string; types: string; languages: string; partners: string };
  noPartners: string;
  /** What a follow or subscription would have brought in the last 30 days. */
  preview(total: number, examples: string[]): string;
  previewNone: string;
  previewHeading: string;
  refused(problems: string): string;
  /** since:/before: in a follow or subscription: they bring what is new, whatever its date. */
  noDatesInFollows: string;
  greeting: string;
  notShown(n: number, from: number, to: number): string;
  /** A bare number typed after a list (Slack, Telegram): that result again, and what to do with it. */
  shownOne(n: number): string;
  shownOneHint(n: number): string;
  /** A bare number beyond the list: how to search for the number itself. */
  searchNumber(n: number): string;
  noMore: string;
  /** The console's hint under a reply with buttons. */
  pressHint: string;
  /** The heading of a batch announcement's resources, listed by its button. */
  listed(count: number): string;
  unknownCommand(word: string): string;
  results(query: string, from: number, to: number, total: number): string;
  latest(from: number, to: number): string;
  filtersApplied(description: string): string;
  noResults(query: string): string;
  broaderHint: string;
  noLatest: string;
  searchNeedsQuery: string;
  more: string;
  bookmarkButton: string;
  removeButton: string;
  meta: { types: Record<string, string> };
  followNeedsFilter: string;
  followed(id: string, description: string): string;
  alreadyFollowed(id: string, description: string): string;
  followingNone: string;
  followingList: string;
  followLine(id: string, description: string): string;
  unfollowNeedsId: string;
  unfollowed(id: string): string;
  followNotFound(id: string): string;
  /** `unfollow <filters>` naming no follow exactly: the follows that share some of it. */
  unfollowWhich(description: string, lines: string): string;
  unfollowNothingLike(description: string): string;
  everything: string;
  notChannelAdmin: string;
  subscribeUsage: string;
  subscribeBadEmail(email: string): string;
  /** `subscribe me@x.org fortnightly`: a frequency the digests do not have (never kept as a keyword). */
  subscribeBadFrequency(word: string): string;
  subscribeStarted(email: string, frequency: string): string;
  subscribeFailed(reason: string): string;
  frequency: { daily: string; weekly: string };
  bookmarkNeedsRef: string;
  bookmarked(title: string): string;
  alreadyBookmarked(title: string): string;
  resourceNotFound(ref: string): string;
  bookmarksNone: string;
  bookmarksHeading(count: number): string;
  unbookmarked(title: string): string;
  bookmarkNotFound(ref: string): string;
  langUsage: string;
  langSetUser(lang: BotLanguage): string;
  langSetChannel(lang: BotLanguage): string;
  notBotAdmin: string;
  feedsNone: string;
  feedsHeading(count: number, failing: number): string;
  feedLine(f: FeedLineInput): string;
  feedStatusUsage: string;
  partnerNotFound(partner: string): string;
  partnerHeading(name: string, count: number): string;
  expired: string;
  failure: string;
  problems(list: string): string;
  /** A "more results" link of another search or list was followed: its first page is shown. */
  otherCursor(kind: 'search' | 'latest'): string;
  homeLatest: string;
  homeBookmarks: string;
  homeFollows: string;
  homeLanguage: string;
  /** Each language's name in its own words, for the language buttons. */
  languageName: Record<BotLanguage, string>;
  homeFollowsNone: string;
  upcomingHeading(from: number, to: number, timeZone: string): string;
  noUpcoming: string;
  /** The cooperation exchange's offers, requests and matches (shared/bot/commands/offers.ts ...). */
  coop: CoopMessages;
  /** Links under an event's card. */
  eventLinks: { register: string; calendar: string; google: string };
  tzShow(timeZone: string): string;
  tzSetUser(timeZone: string): string;
  tzSetChannel(timeZone: string): string;
  tzUnknown(typed: string, suggestions: string[]): string;
  remindNeedsFilter: string;
  reminding(id: string, description: string): string;
  alreadyReminding(id: string, description: string): string;
  remindingNone: string;
  remindingList: string;
  remindStopped(id: string): string;
  remindNotFound(id: string): string;
  /** The reminder posts' headings: the day before, the hour before. */
  reminderDay: string;
  reminderHour: string;
  /** The App Home's Unfollow button beside each follow. */
  unfollowButton: string;
  /** The App Home's button that opens the follow form. */
  homeFollowAdd: string;
  /** Under the App Home's follows when there are more than it shows. */
  homeFollowsMore(n: number): string;
  /** The App Home's follow form (a Slack modal: title, submit and close at most 24 characters). */
  followForm: {
    title: string;
    channel: string;
    filter: string;
    hint: string;
    placeholder: string;
    submit: string;
    cancel: string;
    needsChannel: string;
  };
}

export interface FeedLineInput {
  feedId: string;
  partnerId: string;
  status: string;
  lastSuccessAt?: string;
  failures: number;
  lastError?: string;
  resources?: number;
}

/** A feed's status as the registry names it, in each language. */
const FEED_STATUS: Record<BotLanguage, Record<string, string>> = {
  en: { ok: 'ok', failing: 'failing', paused: 'paused', active: 'active', new: 'new' },
  es: { ok: 'bien', failing: 'con fallos', paused: 'en pausa', active: 'activa', new: 'nueva' },
};

const day = (iso?: string) => (iso ? iso.slice(0, 16).replace('T', ' ') : '—');

const en: Messages = {
  language: 'en',
  help: {
    intro: 'I search the IASPN Knowledge Portal library and keep this conversation up to date.',
    adminIntro: 'Admins also have:',
    commands: {
      search: {
        usage: 'search <words> [topic:… country:… type:… partner:… lang:…]',
        text: 'search the library',
      },
      latest: { usage: 'latest [filters]', text: 'the newest resources' },
      upcoming: {
        usage: 'upcoming [filters]',
        text: 'events not yet over, soonest first, with times in your time zone',
      },
      tz: {
        usage: 'tz <zone>',
        text: 'your time zone for event times, e.g. tz America/Bogota (a group: the whole group)',
      },
      remind: {
        usage: 'remind events <filters>',
        text: 'a reminder here the day before and one hour before each matching event',
      },
      follow: { usage: 'follow <filters>', text: 'post new resources matching the filters here' },
      unfollow: { usage: 'unfollow <id>', text: 'stop one of the follows (or name what it follows)' },
      following: { usage: 'following', text: 'what this conversation follows' },
      subscribe: {
        usage: 'subscribe <email> [filters] [daily|weekly]',
        text: 'an email digest (you confirm by email)',
      },
      bookmark: { usage: 'bookmark <number|id>', text: 'save a result (or press its Bookmark button)' },
      bookmarks: { usage: 'bookmarks', text: 'your saved resources' },
      unbookmark: { usage: 'unbookmark <number|id>', text: 'remove a saved resource' },
      lang: { usage: 'lang en|es', text: 'reply in English or Spanish (a group: the whole group)' },
      feeds: { usage: 'feeds', text: 'health of every partner feed' },
      feed: { usage: 'feed status <partner>', text: "one partner's feeds in detail" },
      topics: { usage: 'topics', text: 'the topics you can filter and follow' },
      countries: { usage: 'countries', text: 'the countries' },
      types: { usage: 'types', text: 'the types of resource and languages' },
      partners: { usage: 'partners', text: 'the partners who publish' },
      greet: { usage: 'hi', text: 'a hello and where to start' },
      more: { usage: 'more', text: 'the next results of your last search or list' },
      offers: {
        usage: 'offers [filters]',
        text: 'programmes and methods institutions offer to share (cooperation exchange)',
      },
      requests: { usage: 'requests [filters]', text: 'what institutions ask for help with' },
      matches: {
        usage: 'matches <id>',
        text: 'the offers that fit a request, or the requests an offer fits, and why',
      },
      offer: {
        usage: 'offer',
        text: 'add what your institution can share, a step at a time (Slack: a form); cancel at any step',
      },
      request: {
        usage: 'request',
        text: 'add what your institution needs help with, a step at a time (Slack: a form), and see who fits',
      },
      help: { usage: 'help [command]', text: 'this help' },
    },
    footer:
      'Filters: topic: country: type: lang: partner: since: before:, by name in English or Spanish. Words and "phrases" in a follow match like a search; -word leaves out. "follow preview …" shows what a follow would bring without saving it. In groups only admins change follows.',
    examplesIntro: 'Try:',
    examples: [
      'search cash transfers country:colombia',
      'latest topic:cash-transfers',
      'follow topic:"early childhood" country:peru',
      'follow "cash transfers" -pilot',
      'follow preview type:document lang:es',
      'upcoming country:colombia',
      'tz America/New_York',
      'remind events topic:cash-transfers',
      'requests topic:targeting',
      'offers country:chile',
      'offer',
    ],
  },
  vocabulary: {
    topics: 'Topics (type them as shown, or by name, in English or Spanish)',
    countries: 'Countries (by name in any language, or ISO code)',
    types: 'Types of resource',
    languages: 'Languages of the content',
    partners: 'Partners',
  },
  noPartners: 'No partner has published yet.',
  preview: (total, examples) =>
    `In the last 30 days this would have brought ${total} ${total === 1 ? 'resource' : 'resources'}${examples.length ? `, e.g. ${examples.join('; ')}` : ''}.`,
  previewNone:
    'Nothing in the last 30 days matches this: it may stay quiet for a long time. Try fewer words or filters ("topics" lists the topics).',
  previewHeading: 'Preview, nothing saved',
  refused: (problems) => `Nothing was saved. ${problems}`,
  notShown: (n, from, to) => `Result ${n} is not among the last results shown to you (${from}–${to}).`,
  shownOne: (n) => `Result ${n} of the last results shown to you`,
  shownOneHint: (n) =>
    `Press Bookmark to save it, or type "bookmark ${n}". To search for the number itself: search ${n}`,
  searchNumber: (n) => `To search for the number itself: search ${n}`,
  noMore: 'There is nothing more to show: search or type "latest" first.',
  pressHint: 'type a button number to press it',
  listed: (n) => `${n} new ${n === 1 ? 'resource' : 'resources'}`,
  greeting:
    'Hello! I find resources of the IASPN Knowledge Portal. Try:\n• search cash transfers country:colombia\n• latest topic:early-childhood\n• follow topic:"early childhood" (in a channel: new resources posted there)\nType "help" for everything.',
  noDatesInFollows:
    'Nothing was saved: since: and before: narrow searches and latest; a follow or a digest brings what is new, whatever its date. Leave the dates out.',
  unknownCommand: (word) => `I don't know "${word}". Type "help" for the commands.`,
  results: (query, from, to, total) => `Results ${from}–${to} of ${total} for "${query}"`,
  latest: (from, to) => `Latest resources (${from}–${to})`,
  filtersApplied: (d) => `Filters: ${d}`,
  noResults: (query) => `No results for "${query}".`,
  broaderHint: 'Try fewer words, drop a filter, or check the spelling (accents do not matter).',
  noLatest: 'Nothing in the library matches those filters yet.',
  searchNeedsQuery: 'What should I search for? For example: search cash transfers country:colombia',
  more: 'More results',
  bookmarkButton: 'Bookmark',
  removeButton: 'Remove',
  meta: { types: {} },
  followNeedsFilter:
    'Follow what? For example: follow topic:cash-transfers country:colombia, follow "cash transfers" -pilot (or "follow everything").',
  followed: (id, d) =>
    `This conversation now follows ${d} (follow ${id}). New resources will be posted here.`,
  alreadyFollowed: (id, d) => `This conversation already follows ${d} (follow ${id}).`,
  followingNone: 'This conversation follows nothing yet. Try: follow topic:cash-transfers',
  followingList: 'This conversation follows:',
  followLine: (id, d) => `${id}: ${d}`,
  unfollowNeedsId: 'Which follow? Type "following" to see their ids, then: unfollow <id>',
  unfollowed: (id) => `Follow ${id} removed.`,
  followNotFound: (id) => `There is no follow ${id} here. Type "following" to see them.`,
  unfollowWhich: (d, lines) =>
    `This conversation does not follow exactly ${d}. These follows share some of it:\n${lines}\nThen: unfollow <id>`,
  unfollowNothingLike: (d) =>
    `This conversation follows nothing like ${d}. Type "following" to see what it follows.`,
  everything: 'everything',
  notChannelAdmin: 'Only admins of this channel or group can change what it follows or its language.',
  subscribeUsage: 'Usage: subscribe <email> [filters] [daily|weekly]',
  subscribeBadEmail: (email) => `"${email}" does not look like an email address.`,
  subscribeBadFrequency: (word) =>
    `Nothing was saved. "${word}" is not a frequency the digest has: daily or weekly (e.g. subscribe you@example.org weekly).`,
  subscribeStarted: (email, f) =>
    `Almost done: we sent a confirmation link to ${email}. The ${f} digest starts once you click it.`,
  subscribeFailed: (reason) => `The subscription could not be started: ${reason}`,
  frequency: { daily: 'daily', weekly: 'weekly' },
  bookmarkNeedsRef: 'Bookmark which result? Press its Bookmark button, or: bookmark <id>',
  bookmarked: (t) => `Bookmarked: ${t}`,
  alreadyBookmarked: (t) => `Already in your bookmarks: ${t}`,
  resourceNotFound: (ref) => `No resource "${ref}" in the library.`,
  bookmarksNone: 'You have no bookmarks yet: press Bookmark on a result.',
  bookmarksHeading: (n) => `Your bookmarks (${n})`,
  unbookmarked: (t) => `Removed from your bookmarks: ${t}`,
  bookmarkNotFound: (ref) => `"${ref}" is not in your bookmarks. Type "bookmarks" to see them.`,
  langUsage: 'Usage: lang en|es',
  langSetUser: () => 'I will reply to you in English.',
  langSetChannel: () => 'This conversation now gets replies in English.',
  notBotAdmin: 'Only relay admins can see feed health.',
  feedsNone: 'No feeds are registered yet.',
  feedsHeading: (n, failing) => `${n} ${n === 1 ? 'feed' : 'feeds'}, ${failing} failing or paused`,
  feedLine: (f) =>
    `${f.partnerId} / ${f.feedId}: ${FEED_STATUS.en[f.status] ?? f.status}, last success ${day(f.lastSuccessAt)}${f.failures ? `, ${f.failures} failures in a row` : ''}${f.lastError ? ` (${f.lastError})` : ''}`,
  feedStatusUsage: 'Usage: feed status <partner id>',
  partnerNotFound: (p) => `No partner "${p}". Type "feeds" to see the partners.`,
  partnerHeading: (name, n) => `${name}: ${n} ${n === 1 ? 'feed' : 'feeds'}`,
  expired: 'That button has expired: run the command again.',
  failure: 'Sorry, something went wrong on our side. Please try again in a minute.',
  problems: (list) => `Note: ${list}`,
  otherCursor: (kind) =>
    `That "more results" link belongs to another ${kind === 'search' ? 'search' : 'list'}; here is the first page.`,
  homeLatest: 'Latest in the library',
  homeBookmarks: 'Your bookmarks',
  homeFollows: "This workspace's follows",
  homeLanguage: 'I reply to you in English. Change it:',
  languageName: { en: 'English', es: 'Español' },
  upcomingHeading: (from, to, zone) => `Upcoming events (${from}–${to}), times in ${zone}`,
  noUpcoming: 'No upcoming events match those filters. Type "latest type:event" for past ones.',
  coop: {
    listHeading: (kind, n) => `Open ${kind === 'offer' ? 'offers' : 'requests'} (${n})`,
    none: (kind) =>
      `No open ${kind === 'offer' ? 'offer' : 'request'} matches those filters. Try fewer filters, or "${kind === 'offer' ? 'requests' : 'offers'}".`,
    matchesHint: (id) => `Who fits: matches ${id}`,
    bestFit: (id, title) => `Best fit: ${id} · ${title}`,
    matchesHeading: (kind, n, title) =>
      `${n} ${kind === 'offer' ? (n === 1 ? 'offer' : 'offers') : n === 1 ? 'request' : 'requests'} for "${title}"`,
    noMatches: 'Nothing fits yet: no open offer or request shares its topics or its words.',
    unknownEntry: (id) =>
      `There is no offer or request ${id}. "offers" and "requests" list them with their ids.`,
    matchesUsage: 'Type matches and an id, e.g. matches R-7K2P9X ("requests" shows the ids).',
  },
  eventLinks: { register: 'Register', calendar: 'Add to calendar', google: 'Google Calendar' },
  tzShow: (zone) =>
    `Event times are shown to you in ${zone}. Change it with: tz <zone>, e.g. tz America/Bogota`,
  tzSetUser: (zone) => `I will show you event times in ${zone}.`,
  tzSetChannel: (zone) => `This conversation's event times and reminders are now in ${zone}.`,
  tzUnknown: (typed, s) =>
    `Nothing was saved. "${typed}" is not a time zone I know${s.length ? `: did you mean ${s.join(', ')}?` : '. Time zones are written like America/Bogota or Europe/Madrid.'}`,
  remindNeedsFilter:
    'Remind of which events? For example: remind events country:colombia (or "remind events everything").',
  reminding: (id, d) =>
    `This conversation will get a reminder the day before and one hour before each event of ${d} (reminder ${id}; "remind stop ${id}" ends it).`,
  alreadyReminding: (id, d) => `This conversation already gets reminders of events of ${d} (reminder ${id}).`,
  remindingNone: 'This conversation gets no event reminders. Try: remind events country:colombia',
  remindingList: 'This conversation gets reminders of events of:',
  remindStopped: (id) => `Reminder ${id} removed.`,
  remindNotFound: (id) => `There is no reminder ${id} here. Type "remind" to see them.`,
  reminderDay: 'Tomorrow',
  reminderHour: 'Starting within the hour',
  homeFollowsNone:
    'No channel in this workspace follows anything yet: press the button above, or /iaspn follow topic:… in a channel.',
  unfollowButton: 'Unfollow',
  homeFollowAdd: 'Follow something in a channel',
  homeFollowsMore: (n) => `…and ${n} more: "/iaspn following" in a channel lists its own.`,
  followForm: {
    title: 'Follow in a channel',
    channel: 'Channel',
    filter: 'What to follow',
    hint: 'Words and filters as in the follow command: topic: country: type: partner: lang:, "phrases", -word. New resources that match are posted in the channel.',
    placeholder: 'topic:"early childhood" country:peru',
    submit: 'Follow',
    cancel: 'Cancel',
    needsChannel: 'Choose the channel to post in.',
  },
};

const es: Messages = {
  language: 'es',
  help: {
    intro:
      'Busco en la biblioteca del Portal de Conocimiento de la RIPSO y mantengo al día esta conversación.',
    adminIntro: 'Los administradores también tienen:',
    commands: {
      search: {
        usage: 'buscar <palabras> [tema:… pais:… tipo:… socio:… idioma:…]',
        text: 'buscar en la biblioteca',
      },
      latest: { usage: 'recientes [filtros]', text: 'los recursos más nuevos' },
      upcoming: {
        usage: 'proximos [filtros]',
        text: 'los eventos que aún no terminaron, los más cercanos primero, con la hora de su zona',
      },
      tz: {
        usage: 'zona <zona horaria>',
        text: 'su zona horaria para las horas de los eventos, p. ej. zona America/Bogota (en un grupo: todo el grupo)',
      },
      remind: {
        usage: 'recordar eventos <filtros>',
        text: 'un aviso aquí el día antes y una hora antes de cada evento que coincida',
      },
      follow: { usage: 'seguir <filtros>', text: 'publicar aquí los recursos nuevos que coincidan' },
      unfollow: { usage: 'dejar <id>', text: 'dejar de seguir (o diga lo que sigue)' },
      following: { usage: 'siguiendo', text: 'lo que sigue esta conversación' },
      subscribe: {
        usage: 'suscribir <correo> [filtros] [diario|semanal]',
        text: 'un resumen por correo (se confirma por correo)',
      },
      bookmark: { usage: 'marcador <número|id>', text: 'guardar un resultado (o pulse su botón Guardar)' },
      bookmarks: { usage: 'marcadores', text: 'sus recursos guardados' },
      unbookmark: { usage: 'desmarcar <número|id>', text: 'quitar un recurso guardado' },
      lang: { usage: 'idioma en|es', text: 'responder en inglés o en español (en un grupo: todo el grupo)' },
      feeds: { usage: 'fuentes', text: 'el estado de cada fuente de los socios' },
      feed: { usage: 'fuente estado <socio>', text: 'las fuentes de un socio en detalle' },
      topics: { usage: 'temas', text: 'los temas que puede filtrar y seguir' },
      countries: { usage: 'paises', text: 'los países' },
      types: { usage: 'tipos', text: 'los tipos de recurso y los idiomas' },
      partners: { usage: 'socios', text: 'los socios que publican' },
      greet: { usage: 'hola', text: 'un saludo y por dónde empezar' },
      more: { usage: 'más', text: 'los siguientes resultados de su última búsqueda o lista' },
      offers: {
        usage: 'ofertas [filtros]',
        text: 'programas y métodos que las instituciones ofrecen compartir (intercambio de cooperación)',
      },
      requests: { usage: 'solicitudes [filtros]', text: 'lo que las instituciones piden para fortalecerse' },
      matches: {
        usage: 'coincidencias <id>',
        text: 'las ofertas que responden a una solicitud, o las solicitudes de una oferta, y por qué',
      },
      offer: {
        usage: 'ofrecer',
        text: 'agregar lo que su institución puede compartir, paso a paso (Slack: un formulario); cancelar en cualquier paso',
      },
      request: {
        usage: 'solicitar',
        text: 'agregar aquello en lo que su institución necesita apoyo, paso a paso (Slack: un formulario), y ver quién encaja',
      },
      help: { usage: 'ayuda [comando]', text: 'esta ayuda' },
    },
    footer:
      'Filtros: tema: pais: tipo: idioma: socio: desde: antes:, por su nombre en español o inglés. Las palabras y "frases" de un seguimiento coinciden como en una búsqueda; -palabra excluye. "seguir vista …" muestra lo que traería un seguimiento sin guardarlo. En los grupos solo los administradores cambian lo que se sigue.',
    examplesIntro: 'Pruebe:',
    examples: [
      'buscar transferencias monetarias pais:colombia',
      'recientes tema:"primera infancia"',
      'seguir tema:primera-infancia pais:perú',
      'seguir "cuidado infantil" pais:uruguay',
      'seguir vista tipo:documento idioma:español',
      'proximos pais:colombia',
      'zona America/Santiago',
      'recordar eventos tema:primera-infancia',
      'solicitudes tema:focalizacion',
      'ofertas pais:chile',
      'solicitar',
    ],
  },
  vocabulary: {
    topics: 'Temas (escríbalos como se muestran, o por su nombre, en español o inglés)',
    countries: 'Países (por su nombre en cualquier idioma, o su código ISO)',
    types: 'Tipos de recurso',
    languages: 'Idiomas del contenido',
    partners: 'Socios',
  },
  noPartners: 'Ningún socio ha publicado todavía.',
  preview: (total, examples) =>
    `En los últimos 30 días esto habría traído ${total} ${total === 1 ? 'recurso' : 'recursos'}${examples.length ? `, por ejemplo ${examples.join('; ')}` : ''}.`,
  previewNone:
    'Nada de los últimos 30 días coincide con esto: puede pasar mucho tiempo sin novedades. Pruebe con menos palabras o filtros ("temas" muestra los temas).',
  previewHeading: 'Vista previa, no se guardó nada',
  refused: (problems) => `No se guardó nada. ${problems}`,
  notShown: (n, from, to) => `El resultado ${n} no está entre los últimos que le mostré (${from}–${to}).`,
  shownOne: (n) => `Resultado ${n} de los últimos que le mostré`,
  shownOneHint: (n) =>
    `Pulse Guardar para guardarlo, o escriba "marcador ${n}". Para buscar el número: buscar ${n}`,
  searchNumber: (n) => `Para buscar el número: buscar ${n}`,
  noMore: 'No hay nada más que mostrar: busque o escriba "recientes" primero.',
  pressHint: 'escriba el número de un botón para pulsarlo',
  listed: (n) => `${n} ${n === 1 ? 'recurso nuevo' : 'recursos nuevos'}`,
  greeting:
    '¡Hola! Busco recursos del Portal de Conocimiento de la RIPSO. Pruebe:\n• buscar transferencias monetarias pais:colombia\n• recientes tema:primera-infancia\n• seguir tema:"primera infancia" (en un canal: los recursos nuevos se publican allí)\nEscriba "ayuda" para ver todo.',
  noDatesInFollows:
    'No se guardó nada: desde: y antes: acotan las búsquedas y los recientes; un seguimiento o un resumen trae lo nuevo, sea cual sea su fecha. Quite las fechas.',
  unknownCommand: (word) => `No conozco "${word}". Escriba "ayuda" para ver los comandos.`,
  results: (query, from, to, total) => `Resultados ${from}–${to} de ${total} para "${query}"`,
  latest: (from, to) => `Recursos recientes (${from}–${to})`,
  filtersApplied: (d) => `Filtros: ${d}`,
  noResults: (query) => `No hay resultados para "${query}".`,
  broaderHint: 'Pruebe con menos palabras, quite un filtro o revise la ortografía (los acentos no importan).',
  noLatest: 'Todavía no hay nada en la biblioteca con esos filtros.',
  searchNeedsQuery: '¿Qué busco? Por ejemplo: buscar transferencias monetarias pais:colombia',
  more: 'Más resultados',
  bookmarkButton: 'Guardar',
  removeButton: 'Quitar',
  meta: { types: {} },
  followNeedsFilter:
    '¿Seguir qué? Por ejemplo: seguir tema:primera-infancia pais:colombia, seguir "cuidado infantil" -piloto (o "seguir todo").',
  followed: (id, d) =>
    `Esta conversación ahora sigue ${d} (seguimiento ${id}). Los recursos nuevos se publicarán aquí.`,
  alreadyFollowed: (id, d) => `Esta conversación ya sigue ${d} (seguimiento ${id}).`,
  followingNone: 'Esta conversación todavía no sigue nada. Pruebe: seguir tema:primera-infancia',
  followingList: 'Esta conversación sigue:',
  followLine: (id, d) => `${id}: ${d}`,
  unfollowNeedsId: '¿Cuál? Escriba "siguiendo" para ver los identificadores y luego: dejar <id>',
  unfollowed: (id) => `Seguimiento ${id} eliminado.`,
  followNotFound: (id) => `No hay ningún seguimiento ${id} aquí. Escriba "siguiendo" para verlos.`,
  unfollowWhich: (d, lines) =>
    `Esta conversación no sigue exactamente ${d}. Estos seguimientos comparten algo:\n${lines}\nLuego: dejar <id>`,
  unfollowNothingLike: (d) =>
    `Esta conversación no sigue nada parecido a ${d}. Escriba "siguiendo" para ver lo que sigue.`,
  everything: 'todo',
  notChannelAdmin: 'Solo los administradores de este canal o grupo pueden cambiar lo que sigue o su idioma.',
  subscribeUsage: 'Uso: suscribir <correo> [filtros] [diario|semanal]',
  subscribeBadEmail: (email) => `"${email}" no parece una dirección de correo.`,
  subscribeBadFrequency: (word) =>
    `No se guardó nada. "${word}" no es una frecuencia del resumen: diario o semanal (p. ej. suscribir usted@ejemplo.org semanal).`,
  subscribeStarted: (email, f) =>
    `Casi listo: enviamos un enlace de confirmación a ${email}. El resumen ${f} empieza cuando lo pulse.`,
  subscribeFailed: (reason) => `No se pudo iniciar la suscripción: ${reason}`,
  frequency: { daily: 'diario', weekly: 'semanal' },
  bookmarkNeedsRef: '¿Qué resultado guardo? Pulse su botón Guardar, o: marcador <id>',
  bookmarked: (t) => `Guardado: ${t}`,
  alreadyBookmarked: (t) => `Ya estaba en sus marcadores: ${t}`,
  resourceNotFound: (ref) => `No hay ningún recurso "${ref}" en la biblioteca.`,
  bookmarksNone: 'Todavía no tiene marcadores: pulse Guardar en un resultado.',
  bookmarksHeading: (n) => `Sus marcadores (${n})`,
  unbookmarked: (t) => `Quitado de sus marcadores: ${t}`,
  bookmarkNotFound: (ref) => `"${ref}" no está en sus marcadores. Escriba "marcadores" para verlos.`,
  langUsage: 'Uso: idioma en|es',
  langSetUser: () => 'Le responderé en español.',
  langSetChannel: () => 'Esta conversación recibirá las respuestas en español.',
  notBotAdmin: 'Solo los administradores del relay pueden ver el estado de las fuentes.',
  feedsNone: 'Todavía no hay fuentes registradas.',
  feedsHeading: (n, failing) => `${n} ${n === 1 ? 'fuente' : 'fuentes'}, ${failing} con fallos o en pausa`,
  feedLine: (f) =>
    `${f.partnerId} / ${f.feedId}: ${FEED_STATUS.es[f.status] ?? f.status}, último éxito ${day(f.lastSuccessAt)}${f.failures ? `, ${f.failures} fallos seguidos` : ''}${f.lastError ? ` (${f.lastError})` : ''}`,
  feedStatusUsage: 'Uso: fuente estado <id del socio>',
  partnerNotFound: (p) => `No hay ningún socio "${p}". Escriba "fuentes" para verlos.`,
  partnerHeading: (name, n) => `${name}: ${n} ${n === 1 ? 'fuente' : 'fuentes'}`,
  expired: 'Ese botón ha caducado: vuelva a escribir el comando.',
  failure: 'Lo sentimos, algo falló de nuestro lado. Inténtelo de nuevo en un minuto.',
  problems: (list) => `Nota: ${list}`,
  otherCursor: (kind) =>
    `Ese enlace de "más resultados" es de ${kind === 'search' ? 'otra búsqueda' : 'otra lista'}; esta es la primera página.`,
  homeLatest: 'Lo más reciente en la biblioteca',
  homeBookmarks: 'Sus marcadores',
  homeFollows: 'Lo que siguen los canales de este espacio de trabajo',
  homeLanguage: 'Le respondo en español. Cámbielo:',
  languageName: { en: 'English', es: 'Español' },
  upcomingHeading: (from, to, zone) => `Próximos eventos (${from}–${to}), horas de ${zone}`,
  noUpcoming:
    'No hay próximos eventos con esos filtros. Escriba "recientes tipo:evento" para ver los pasados.',
  coop: {
    listHeading: (kind, n) => `${kind === 'offer' ? 'Ofertas abiertas' : 'Solicitudes abiertas'} (${n})`,
    none: (kind) =>
      `Ninguna ${kind === 'offer' ? 'oferta abierta' : 'solicitud abierta'} coincide con esos filtros. Pruebe con menos filtros, o "${kind === 'offer' ? 'solicitudes' : 'ofertas'}".`,
    matchesHint: (id) => `Quién coincide: coincidencias ${id}`,
    bestFit: (id, title) => `Mejor coincidencia: ${id} · ${title}`,
    matchesHeading: (kind, n, title) =>
      `${n} ${kind === 'offer' ? (n === 1 ? 'oferta' : 'ofertas') : n === 1 ? 'solicitud' : 'solicitudes'} para "${title}"`,
    noMatches: 'Nada coincide todavía: ninguna oferta o solicitud abierta comparte sus temas o sus palabras.',
    unknownEntry: (id) =>
      `No hay ninguna oferta o solicitud ${id}. "ofertas" y "solicitudes" las muestran con su id.`,
    matchesUsage:
      'Escriba coincidencias y un id, p. ej. coincidencias R-7K2P9X ("solicitudes" muestra los id).',
  },
  eventLinks: { register: 'Inscripción', calendar: 'Añadir al calendario', google: 'Calendario de Google' },
  tzShow: (zone) =>
    `Le muestro las horas de los eventos en ${zone}. Cámbiela con: zona <zona horaria>, p. ej. zona America/Bogota`,
  tzSetUser: (zone) => `Le mostraré las horas de los eventos en ${zone}.`,
  tzSetChannel: (zone) => `Las horas de los eventos y los avisos de esta conversación ahora son de ${zone}.`,
  tzUnknown: (typed, s) =>
    `No se guardó nada. No conozco la zona horaria "${typed}"${s.length ? `: ¿quiso decir ${s.join(', ')}?` : '. Las zonas se escriben así: America/Bogota o Europe/Madrid.'}`,
  remindNeedsFilter:
    '¿Recordar qué eventos? Por ejemplo: recordar eventos pais:colombia (o "recordar eventos todo").',
  reminding: (id, d) =>
    `Esta conversación recibirá un aviso el día antes y una hora antes de cada evento de ${d} (aviso ${id}; "recordar quitar ${id}" lo termina).`,
  alreadyReminding: (id, d) => `Esta conversación ya recibe avisos de los eventos de ${d} (aviso ${id}).`,
  remindingNone: 'Esta conversación no recibe avisos de eventos. Pruebe: recordar eventos pais:colombia',
  remindingList: 'Esta conversación recibe avisos de los eventos de:',
  remindStopped: (id) => `Aviso ${id} eliminado.`,
  remindNotFound: (id) => `No hay ningún aviso ${id} aquí. Escriba "recordar" para verlos.`,
  reminderDay: 'Mañana',
  reminderHour: 'Empieza dentro de una hora',
  homeFollowsNone:
    'Ningún canal de este espacio de trabajo sigue nada todavía: pulse el botón de arriba, o /iaspn seguir tema:… en un canal.',
  unfollowButton: 'Dejar de seguir',
  homeFollowAdd: 'Seguir algo en un canal',
  homeFollowsMore: (n) => `…y ${n} más: "/iaspn siguiendo" en un canal muestra los suyos.`,
  followForm: {
    title: 'Seguir en un canal',
    channel: 'Canal',
    filter: 'Qué seguir',
    hint: 'Palabras y filtros como en el comando seguir: tema: pais: tipo: socio: idioma:, "frases", -palabra. Los recursos nuevos que coincidan se publican en el canal.',
    placeholder: 'tema:"primera infancia" pais:peru',
    submit: 'Seguir',
    cancel: 'Cancelar',
    needsChannel: 'Elija el canal donde publicar.',
  },
};

export const MESSAGES: Record<BotLanguage, Messages> = { en, es };

/** The command a word names, in either language, and the language it was written in. */
export function commandOf(word: string): { command: CommandName; language: BotLanguage } | undefined {
  const folded = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '');
  for (const [command, names] of Object.entries(COMMAND_NAMES) as [
    CommandName,
    Record<BotLanguage, string[]>,
  ][]) {
    for (const language of BOT_LANGUAGES) {
      if (names[language].includes(folded)) return { command, language };
    }
  }
  return undefined;
}

/** Every language's name for a command, for the faces' command menus ("/search", "/buscar"). */
export function commandWords(
  language: BotLanguage,
): { command: CommandName; word: string; description: string }[] {
  return (Object.keys(COMMAND_NAMES) as CommandName[])
    .filter((command) => COMMAND_NAMES[command][language].length > 0)
    .map((command) => ({
      command,
      word: COMMAND_NAMES[command][language][0]!,
      description: MESSAGES[language].help.commands[command].text,
    }));
}

/** A date as members read it: "Dec 3, 2026" / "3 dic 2026" (UTC, as stored). */
export function formatDay(iso: string, language: BotLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  })
    .format(date)
    .replace(/\.$/, '')
    .replace(/ de /g, ' ');
}
