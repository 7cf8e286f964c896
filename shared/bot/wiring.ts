import { RelayError } from '../errors.js';
import { getPartner, listFeeds } from '../library/registry.js';
import { getResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import { lazySearchService } from '../search/lazy-service.js';
import type { SearchService } from '../search/types.js';
import { type BotCore, createBotCore } from './core.js';
import type { BotPorts, FeedHealth, RegistryPort, SubscribePort } from './ports.js';

/**
 * The real ports over the rest of the relay: the search capability, the digests' double opt-in,
 * the feed registry and the library. One call per process (a Lambda's cold start, the local stack).
 */

/** The double opt-in as the bots see it: refusals become a RelayError with a member-fit message. */
export function subscribePort(runtime: Runtime): SubscribePort {
  return async (input) => {
    // The subscription code (with zod's schemas, 86 KB) is read on the first subscribe, not at cold start.
    const { startSubscription } = await import('../digest/subscriptions.js');
    const result = await startSubscription(runtime, input);
    if (result.status === 'rate_limited')
      throw new RelayError(
        'rate_limited',
        `too many requests, try again in ${Math.ceil(result.retryAfterSeconds / 60)} min`,
      );
    if (result.status === 'invalid') throw new RelayError('subscription_invalid', result.problems.join('; '));
    return result;
  };
}

export function registryPort(runtime: Runtime): RegistryPort {
  return {
    async listFeeds() {
      const feeds = await listFeeds(runtime.store);
      return feeds.map(
        (f): FeedHealth => ({
          feedId: f.id,
          partnerId: f.partnerId,
          url: f.url,
          status: f.status === 'paused' ? 'paused' : f.health.consecutiveFailures > 0 ? 'failing' : 'ok',
          lastSuccessAt: f.health.lastSuccessAt,
          lastAttemptAt: f.health.lastFetchAt,
          failures: f.health.consecutiveFailures,
          lastError: f.health.lastErrorKind
            ? `${f.health.lastErrorKind}${f.health.lastErrorMessage ? `: ${f.health.lastErrorMessage}` : ''}`
            : f.health.pausedReason,
        }),
      );
    },
    async partnerName(partnerId) {
      return (await getPartner(runtime.store, partnerId))?.name;
    },
  };
}

export function createBotPorts(runtime: Runtime, overrides: Partial<BotPorts> = {}): BotPorts {
  const search: SearchService = overrides.search ?? lazySearchService(runtime, { recheckMs: 30_000 });
  return {
    search,
    subscribe: overrides.subscribe ?? subscribePort(runtime),
    registry: overrides.registry ?? registryPort(runtime),
    resources: overrides.resources ?? ((ids) => getResources(runtime.store, ids)),
    publicUrl: overrides.publicUrl ?? runtime.config.publicUrl,
  };
}

/** The command core on a runtime, with the real ports unless some are given. */
export function createRuntimeBotCore(runtime: Runtime, overrides: Partial<BotPorts> = {}): BotCore {
  return createBotCore({
    store: runtime.store,
    log: runtime.log,
    clock: runtime.clock,
    ports: createBotPorts(runtime, overrides),
  });
}
