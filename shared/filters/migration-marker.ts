import type { Senders } from '../announce/senders.js';
import { ConditionFailedError, describeError } from '../errors.js';
import type { ChannelRef } from '../follows/state.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import type { ResourceFilter } from './filter.js';
import type { MigrationReport } from './migrate.js';
import type { FilterProblem } from './problems.js';

/**
 * The stored-filter migration's marker (shared/filters/migrate.ts does the work): what every
 * announcement run checks, at the cost of one consistent read and no more modules once the
 * migration has run. Also the record of which unresolved follows the admin channel was told about.
 */

/** Bumped when the resolution changes enough that stored filters should be looked at again. */
export const FILTER_MIGRATION_VERSION = 1;
export const MARKER_KEY = keys.job('filter-migration');

export type UnknownValue = Extract<FilterProblem, { code: 'unknown' }>;

/** An unresolved follow as the marker keeps it for the admin channel. */
export interface UnresolvedFollow {
  /** `<channel key>#<follow id>`. */
  id: string;
  channel: ChannelRef;
  followId: string;
  filter: ResourceFilter;
  problems: UnknownValue[];
}

export interface Marker {
  version: number;
  ranAt: string;
  unresolved: UnresolvedFollow[];
  /** Ids of the unresolved follows already told to the admin channel. */
  reported: string[];
  /** Bumped by each report: the condition that makes concurrent runs tell it once. */
  reportSeq: number;
}

export async function readMarker(runtime: Pick<Runtime, 'store'>): Promise<Marker | undefined> {
  const item = await runtime.store.get(MARKER_KEY, { consistent: true });
  if (!item) return undefined;
  return {
    version: typeof item.version === 'number' ? item.version : 0,
    ranAt: String(item.ranAt ?? ''),
    unresolved: Array.isArray(item.unresolved) ? (item.unresolved as UnresolvedFollow[]) : [],
    reported: Array.isArray(item.reported) ? (item.reported as string[]) : [],
    reportSeq: typeof item.reportSeq === 'number' ? item.reportSeq : 0,
  };
}

/**
 * The migration, unless it has run at this version: one consistent read when it has. The
 * announcement run calls it before it reads follows. Not ingest: its function may delete only its
 * URL claims, and re-keying a follow deletes the old record. A failure is logged and leaves the
 * version unreached, so the next run tries again.
 */
export async function migrateStoredFiltersOnce(runtime: Runtime): Promise<MigrationReport | undefined> {
  try {
    const marker = await readMarker(runtime);
    if (marker && marker.version >= FILTER_MIGRATION_VERSION) return undefined;
    const { migrateStoredFilters } = await import('./migrate.js');
    return await migrateStoredFilters(runtime, { apply: true });
  } catch (error) {
    runtime.log.error('stored filter migration failed; the next run tries again', {
      error: describeError(error),
    });
    return undefined;
  }
}

/**
 * Tells the admin channel, once, about the follows the migration left unresolved (the announcement
 * run calls it, as it has the chat senders). Claimed on the marker with a conditional update, so
 * concurrent runs tell it once; given back when the admin channel could not be reached. Returns the
 * ids told.
 */
export async function reportUnresolvedFollows(runtime: Runtime, senders: Senders): Promise<string[]> {
  const { store, config, log } = runtime;
  const admin = config.announce.adminChannel;
  const sender = admin ? senders[admin.platform] : undefined;
  if (!admin || !sender) return [];
  const marker = await readMarker(runtime);
  if (!marker) return [];
  const told = new Set(marker.reported);
  const pending = marker.unresolved.filter((u) => !told.has(u.id));
  if (pending.length === 0) return [];
  try {
    await store.update(
      MARKER_KEY,
      {
        set: { reported: [...marker.reported, ...pending.map((u) => u.id)], reportSeq: marker.reportSeq + 1 },
      },
      {
        expression: '#seq = :seq OR attribute_not_exists(#seq)',
        names: { '#seq': 'reportSeq' },
        values: { ':seq': marker.reportSeq },
      },
    );
  } catch (error) {
    // Another run claimed it first: that run tells.
    if (error instanceof ConditionFailedError) return [];
    throw error;
  }
  try {
    const { unresolvedFollowsReply } = await import('./migrate.js');
    await sender.post(admin, await unresolvedFollowsReply(runtime, admin, pending));
    return pending.map((u) => u.id);
  } catch (error) {
    // Give the claim back so the next run tries again.
    await store.update(MARKER_KEY, { set: { reported: marker.reported } });
    log.error('could not tell the admin channel about unresolved follows', { error: describeError(error) });
    return [];
  }
}
