import { deltaLimit } from '../search/snapshot-store.js';
import type { Driver, Usage } from './model.js';

/** A month of the Network's load, as an admin describes it to the budget office. */
export interface LoadProfile {
  feeds: number;
  /** How often a cycle (ingest, search index, announcements, digests) starts. */
  cycleMinutes: number;
  /** Share of feed checks a partner answers 304 Not Modified (the rest: 200, mostly nothing new). */
  notModifiedShare: number;
  newResourcesPerMonth: number;
  /** Resources held in the library. */
  librarySize: number;
  subscribers: number;
  /** Weekly digests: 30 / 7. */
  digestsPerSubscriberPerMonth: number;
  botQueriesPerDay: number;
  /** Channels that follow something. */
  channels: number;
  /** Posts each new resource makes, across the channels that follow it. */
  postsPerNewResource: number;
}

/**
 * The IASPN today: about 100 partner feeds every 30 minutes, 10,000 subscribers with weekly digests,
 * 1,000 bot queries a day, 1,000 new resources a month. The library holds about a year of them;
 * 60 channels follow topics, and a new resource reaches 3 of them.
 */
export const IASPN_PROFILE: LoadProfile = {
  feeds: 100,
  cycleMinutes: 30,
  notModifiedShare: 0.6,
  newResourcesPerMonth: 1000,
  librarySize: 12_000,
  subscribers: 10_000,
  digestsPerSubscriberPerMonth: 30 / 7,
  botQueriesPerDay: 1000,
  channels: 60,
  postsPerNewResource: 3,
};

/** The same network `factor` times bigger: every count grows, the cycle and the shares do not. */
export function scaleProfile(profile: LoadProfile, factor: number): LoadProfile {
  return {
    ...profile,
    feeds: profile.feeds * factor,
    newResourcesPerMonth: profile.newResourcesPerMonth * factor,
    librarySize: profile.librarySize * factor,
    subscribers: profile.subscribers * factor,
    botQueriesPerDay: profile.botQueriesPerDay * factor,
    channels: profile.channels * factor,
    // k times the channels following the same mix of topics: each resource reaches k times as many.
    postsPerNewResource: profile.postsPerNewResource * factor,
  };
}

/** What one unit of each driver uses, measured on the local stack (scripts/cost.ts). */
export interface MeasuredUnits {
  /** One feed check answered 304. */
  feedNotModified: Usage;
  /** One feed check answered 200 that brought nothing new. */
  feedUnchanged: Usage;
  /** One new resource, beyond the fetch that brought it: stored, indexed, matched, windowed. */
  newResource: Usage;
  /** One cycle's fixed work: the schedule, each job's invocation and the lists it reads. */
  cycle: Usage;
  /**
   * One resource changed since the last refresh, as the refresh reads it (its change-log entry, the
   * resource by id, that refresh's head, log and partner reads shared among its changes) and writes
   * it into the snapshot's delta segment. An unchanged library's refresh (one read) is in `cycle`.
   */
  refreshPerChange: Usage;
  /** One document of the delta segment carried by a refresh that found changes: read back, written again. */
  deltaCarryPerDoc: Usage;
  /** One resource of a new base snapshot, when the delta is folded in: the base read and written. */
  basePerResource: Usage;
  botQuery: Usage;
  /** One post to one channel. */
  announcement: Usage;
  /** One digest email. */
  digest: Usage;
  /** One resource held for a month. */
  storedResource: Usage;
  /** One subscriber held for a month. */
  storedSubscriber: Usage;
  /** What the stack costs by being deployed (alarms, metrics, keys, secrets, queue polling). */
  fixed: { name: string; unit: string; perUnit: Usage }[];
  /** Queues whose consumer polls only while they have work: what that costs depends on the load. */
  switchedPolling?: SwitchedPolling;
}

/**
 * Event source mappings created off and switched on by their planner only while their queue has
 * work (shared/runtime/event-source-switch.ts): an enabled mapping long-polls its queue whether or
 * not anything arrives, so each costs its polls for the minutes it is on.
 */
export interface SwitchedPolling {
  /** SQS requests a minute an enabled mapping makes on an empty queue (5 long polls of 20 s). */
  requestsPerMinute: number;
  /** The ingest workers': on all month once the active feeds are above this (every cycle fans out). */
  ingestFanOutAbove?: number;
  /**
   * The digest workers': on from a day's fan-out until the first cycle that finds the queue empty
   * (the digest run reads its depth once a cycle), so for the sending, at this many emails a second
   * in all, and one cycle more. Weekly digests all fall due on the same weekday, daily ones each day.
   */
  digestRatePerSecond?: number;
}

const MINUTES_A_MONTH = 30 * 24 * 60;

/** The drivers of a profile's month: the measured units times how many of each it makes. */
export function driversFor(profile: LoadProfile, units: MeasuredUnits): Driver[] {
  const cycles = MINUTES_A_MONTH / profile.cycleMinutes;
  const checks = profile.feeds * cycles;
  const changes = profile.newResourcesPerMonth;
  // A refresh finds changes in a cycle that brought something new: at most one a cycle. Its delta
  // holds half the limit on average; a new base is written once every `deltaLimit` changes.
  const refreshesWithChanges = Math.min(cycles, changes);
  const limit = deltaLimit(profile.librarySize);
  return [
    {
      name: 'feed checks, 304',
      unit: 'a feed fetch answered 304',
      perUnit: units.feedNotModified,
      unitsPerMonth: checks * profile.notModifiedShare,
    },
    {
      name: 'feed checks, 200',
      unit: 'a feed fetch answered 200 with nothing new',
      perUnit: units.feedUnchanged,
      unitsPerMonth: checks * (1 - profile.notModifiedShare),
    },
    {
      name: 'new resources',
      unit: 'a resource stored for the first time',
      perUnit: units.newResource,
      unitsPerMonth: profile.newResourcesPerMonth,
    },
    { name: 'cycles', unit: 'a cycle of the four jobs', perUnit: units.cycle, unitsPerMonth: cycles },
    {
      name: 'search refresh',
      unit: 'a resource changed since the last refresh',
      perUnit: units.refreshPerChange,
      unitsPerMonth: changes,
    },
    {
      name: 'search snapshot deltas',
      unit: 'a delta document carried by a refresh that found changes',
      perUnit: units.deltaCarryPerDoc,
      unitsPerMonth: refreshesWithChanges * (limit / 2),
    },
    {
      name: 'search snapshot bases',
      unit: 'a resource written to a new base (one base every deltaLimit changes)',
      perUnit: units.basePerResource,
      unitsPerMonth: (profile.librarySize * changes) / limit,
    },
    {
      name: 'bot queries',
      unit: 'a search or command in Slack or Telegram',
      perUnit: units.botQuery,
      unitsPerMonth: profile.botQueriesPerDay * 30,
    },
    {
      name: 'announcements',
      unit: 'a post to a channel',
      perUnit: units.announcement,
      unitsPerMonth: profile.newResourcesPerMonth * profile.postsPerNewResource,
    },
    {
      name: 'digests',
      unit: 'a digest email',
      perUnit: units.digest,
      unitsPerMonth: profile.subscribers * profile.digestsPerSubscriberPerMonth,
    },
    {
      name: 'storage',
      unit: 'a resource held a month',
      perUnit: units.storedResource,
      unitsPerMonth: profile.librarySize,
    },
    {
      name: 'subscribers held',
      unit: 'a subscriber held a month',
      perUnit: units.storedSubscriber,
      unitsPerMonth: profile.subscribers,
    },
    ...units.fixed.map((item) => ({ ...item, unitsPerMonth: 1, fixed: true })),
    ...switchedPollingDrivers(profile, units.switchedPolling),
  ];
}

function switchedPollingDrivers(profile: LoadProfile, switched: SwitchedPolling | undefined): Driver[] {
  if (!switched) return [];
  const cycles = MINUTES_A_MONTH / profile.cycleMinutes;
  const polls = { sqsRequests: switched.requestsPerMinute };
  const drivers: Driver[] = [];
  if (switched.ingestFanOutAbove !== undefined) {
    drivers.push({
      name: 'ingest queue polling',
      unit: `a minute the ingest workers' event source is on (all month above ${switched.ingestFanOutAbove} feeds, else never)`,
      perUnit: polls,
      unitsPerMonth: profile.feeds > switched.ingestFanOutAbove ? MINUTES_A_MONTH : 0,
    });
  }
  if (switched.digestRatePerSecond !== undefined) {
    const emails = profile.subscribers * profile.digestsPerSubscriberPerMonth;
    // Days with a fan-out: every subscriber's digest falls due on the same day of its period.
    const fanOuts = emails > 0 ? Math.min(30, profile.digestsPerSubscriberPerMonth) : 0;
    drivers.push(
      {
        name: 'digest queue polling',
        unit: "a minute the digest workers' event source is on (sending, and one cycle more)",
        perUnit: polls,
        unitsPerMonth: emails / switched.digestRatePerSecond / 60 + fanOuts * profile.cycleMinutes,
      },
      {
        name: 'digest queue checks',
        unit: "the digest run's read of the queue's depth, once a cycle",
        perUnit: { sqsRequests: 1 },
        unitsPerMonth: cycles,
      },
    );
  }
  return drivers;
}
