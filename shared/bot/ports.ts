import type { BotLanguage } from '../chat/i18n.js';
import type { Resource } from '../domain/resource.js';
import type { ResourceFilter } from '../filters/filter.js';
import type { SearchService } from '../search/types.js';

/**
 * What the command core needs from the rest of the relay, as small interfaces injected at
 * construction: the search capability, the digests' double opt-in, the feed registry and the
 * library. `createBotPorts(runtime)` (wiring.ts) builds the real ones; tests may pass their own.
 */

export interface SubscribeInput {
  email: string;
  language: BotLanguage;
  frequency: 'daily' | 'weekly';
  filter: ResourceFilter;
  /** Who asked, for the per-source rate limit: `slack:T123:U456`, `telegram:42`. */
  source: string;
}

/** Starts the digests' double opt-in; throws a RelayError with a member-fit message when refused. */
export type SubscribePort = (input: SubscribeInput) => Promise<unknown>;

/** One feed's health as admins see it. */
export interface FeedHealth {
  feedId: string;
  partnerId: string;
  url: string;
  /** `ok`, `failing`, `paused`, `new`, ... as the registry names it. */
  status: string;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  failures: number;
  lastError?: string;
  resources?: number;
}

export interface RegistryPort {
  listFeeds(): Promise<FeedHealth[]>;
  partnerName(partnerId: string): Promise<string | undefined>;
}

export interface BotPorts {
  search: SearchService;
  subscribe: SubscribePort;
  registry: RegistryPort;
  /** Resources by id, in the order asked (missing ones left out). */
  resources(ids: string[]): Promise<Resource[]>;
  /** The relay's public HTTP address (`IASPN_PUBLIC_URL`): events link to its calendar files. */
  publicUrl?: string;
}
