import type { RelayConfig } from '../config.js';
import type { Language, ResourceType } from '../domain/resource.js';
import { type CheckedFeed, checkFeed } from '../ingest/check.js';
import type { Clock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { type EnsuredPartner, ensurePartner, newFeedId } from './new-records.js';
import {
  addFeed,
  canonicalFeedUrl,
  type Feed,
  findFeedByUrl,
  findPartner,
  newFeedHealth,
  type PartnerKind,
  RegistryError,
  slugify,
} from './registry.js';

/**
 * Registering a partner's feed, the use case behind `iaspn feeds add` (and any other face that
 * registers feeds): the URL checked and canonicalised, the feed fetched and validated (a web page
 * given in its place is followed to the feed it links to), the partner found or created, and the
 * feed stored under a readable id.
 */

export interface RegisterFeedInput {
  /** The feed's URL, or a web page that links to it. */
  url: string;
  /** The partner's id or name (created, with `partnerKind`, when new). */
  partner: string;
  partnerKind?: PartnerKind;
  defaultType?: ResourceType;
  defaultLanguage?: Language;
  defaultCountries?: string[];
  defaultTopics?: string[];
  /** The feed's id; by default from its title (`newFeedId`). */
  id?: string;
}

export interface RegisteredFeed {
  feed: Feed;
  partner: EnsuredPartner;
  /** What the check read: the feed, its resources, the page it was discovered from. */
  checked: CheckedFeed;
}

/**
 * Registers a feed: refuses a URL already registered, fetches and validates the feed (throws
 * UnusableFeedError when it is not one), then finds or creates the partner and stores the feed.
 */
export async function registerFeed(
  deps: { store: Store; config: RelayConfig; clock: Clock },
  input: RegisterFeedInput,
): Promise<RegisteredFeed> {
  const { store } = deps;
  const refuseRegistered = async (feedUrl: string) => {
    const holder = await findFeedByUrl(store, feedUrl);
    if (holder) throw new RegistryError('feed_exists', `That URL is already registered as feed ${holder.id}`);
  };
  const given = canonicalFeedUrl(input.url);
  await refuseRegistered(given);
  const now = deps.clock();
  const existing = await findPartner(store, input.partner);
  const countries = input.defaultCountries ?? [];
  const topics = input.defaultTopics ?? [];
  const checked = await checkFeed(given, {
    config: deps.config,
    now,
    feed: {
      partnerId: existing?.id ?? slugify(input.partner),
      defaultType: input.defaultType,
      defaultLanguage: input.defaultLanguage,
      defaultTopics: topics,
      defaultCountries: countries,
    },
  });
  // A web page given for its feed: the feed it links to is what gets registered.
  const url = checked.discoveredFrom ? canonicalFeedUrl(checked.requested) : given;
  if (checked.discoveredFrom) await refuseRegistered(url);
  const partner = existing
    ? { partner: existing, created: false, kindGuessed: false }
    : await ensurePartner(
        store,
        {
          name: input.partner,
          kind: input.partnerKind,
          // A feed with one default country says where a new partner is.
          ...(countries.length === 1 ? { country: countries[0] } : {}),
          languages: input.defaultLanguage ? [input.defaultLanguage] : [],
        },
        now,
      );
  const partnerId = partner.partner.id;
  const feed: Feed = JSON.parse(
    JSON.stringify({
      id: input.id ?? (await newFeedId(store, { partnerId, url, name: checked.feed.title })),
      partnerId,
      url,
      title: checked.feed.title,
      defaultLanguage: input.defaultLanguage,
      defaultType: input.defaultType,
      defaultTopics: topics,
      defaultCountries: countries,
      status: 'active',
      health: newFeedHealth(),
      createdAt: now.toISOString(),
    }),
  );
  return { feed: await addFeed(store, feed), partner, checked };
}
