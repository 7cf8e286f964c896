import type { ResourceFilter } from '#shared/filters/filter.js';
import { type ChannelRef, channelKeyOf, type Follow, followIdOf } from '#shared/follows/state.js';

/** A follow as the store holds it, built in memory: for matching tests and benches that need no store. */
export function followOf(channel: ChannelRef, filter: ResourceFilter, createdAt: string): Follow {
  return {
    ...channel,
    channelKey: channelKeyOf(channel),
    followId: followIdOf(filter),
    filter,
    createdBy: 'U1',
    createdAt,
  };
}
