import type { Language } from '../domain/resource.js';
import type { Store } from '../store/store.js';
import {
  findPartner,
  freeFeedId,
  guessPartnerKind,
  type Partner,
  type PartnerKind,
  putPartner,
  slugify,
} from './registry.js';

/**
 * New partners and feeds as every face creates them (`feeds add`, `partners add`, `feeds import`):
 * a partner's id from its name and its kind read from its name unless given; a feed's id from what
 * people call it.
 */

/** A feed id from what people call the feed, at most this long (ids allow 64). */
const FEED_ID_LENGTH = 40;

/**
 * A readable feed id: the slug of the feed's name (an OPML outline's text, the feed's title), else
 * of its URL's file name, else its host's first label (`mast-haiti-news`); a one-word name
 * ("Noticias", a host label) goes after the partner's id (`midis-pe-noticias`). Not yet taken.
 */
export async function newFeedId(
  store: Store,
  feed: { partnerId: string; url: string; name?: string },
): Promise<string> {
  const named = feed.name && !/^https?:/i.test(feed.name) ? slugify(feed.name) : undefined;
  let base = named && named !== 'x' ? named : urlName(feed.url);
  if (!base.includes('-')) base = afterPartner(feed.partnerId, base);
  if (base.length > FEED_ID_LENGTH) base = base.slice(0, FEED_ID_LENGTH).replace(/-[^-]*$/, '');
  return freeFeedId(store, base);
}

/**
 * `<partner>-<name>` within FEED_ID_LENGTH: a long partner id loses its last words, never the
 * feed's own name (`ministerio-de-desarrollo-e-evaluaciones`, not `ministerio-de-desarrollo-e-inclusion`).
 */
function afterPartner(partnerId: string, name: string): string {
  const words = partnerId.split('-');
  while (words.length > 0 && words.join('-').length + 1 + name.length > FEED_ID_LENGTH) words.pop();
  return words.length > 0 ? `${words.join('-')}-${name}` : name;
}

/** A readable name for a feed URL: its file name without extension, else its host's first label. */
function urlName(url: string): string {
  const { pathname, hostname } = new URL(url);
  const file = pathname
    .split('/')
    .filter(Boolean)
    .pop()
    ?.replace(/\.[a-z]+$/i, '');
  return slugify(
    file && !/^(feed|rss|atom|index)$/i.test(file) ? file : hostname.replace(/^www\./, '').split('.')[0]!,
  );
}

export interface NewPartner {
  /** The partner's name, or the id of an existing partner. */
  name: string;
  /** Its kind; by default read from its name (`guessPartnerKind`). */
  kind?: PartnerKind;
  id?: string;
  country?: string;
  website?: string;
  languages?: Language[];
}

export interface EnsuredPartner {
  partner: Partner;
  /** Created now (else it was there). */
  created: boolean;
  /** Its kind was read from its name. */
  kindGuessed: boolean;
}

/** A partner built from a name and what is known of it; the kind read from the name unless given. */
export function newPartner(input: NewPartner, now: Date): { partner: Partner; kindGuessed: boolean } {
  const partner: Partner = JSON.parse(
    JSON.stringify({
      id: input.id ?? slugify(input.name),
      name: input.name,
      kind: input.kind ?? guessPartnerKind(input.name),
      country: input.country,
      website: input.website,
      languages: input.languages ?? [],
      createdAt: now.toISOString(),
    }),
  );
  return { partner, kindGuessed: input.kind === undefined };
}

/** The partner with this id or name, created from `input` when there is none. */
export async function ensurePartner(store: Store, input: NewPartner, now: Date): Promise<EnsuredPartner> {
  const found = await findPartner(store, input.id ?? input.name);
  if (found) return { partner: found, created: false, kindGuessed: false };
  const { partner, kindGuessed } = newPartner(input, now);
  // A concurrent registration may have created it meanwhile: then it is the one.
  if (!(await putPartner(store, partner, 'create'))) {
    const winner = await findPartner(store, partner.id);
    if (winner) return { partner: winner, created: false, kindGuessed: false };
  }
  return { partner, created: true, kindGuessed };
}
