import { isDeepStrictEqual } from 'node:util';
import { type Reply, textReply } from '../chat/reply.js';
import type { Subscription } from '../digest/model.js';
import { listSubscriptions, updatePreferences } from '../digest/subscriptions.js';
import { describeError } from '../errors.js';
import {
  addFollow,
  type ChannelRef,
  channelLanguage,
  type Follow,
  followIdOf,
  listAllFollows,
  removeFollow,
} from '../follows/state.js';
import { listPartners } from '../library/registry.js';
import type { Runtime } from '../runtime/runtime.js';
import { keys } from '../store/keys.js';
import type { Item } from '../store/store.js';
import { canonicalFilter, type ResourceFilter } from './filter.js';
import {
  FILTER_MIGRATION_VERSION,
  MARKER_KEY,
  readMarker,
  type UnknownValue,
  type UnresolvedFollow,
} from './migration-marker.js';
import { problemText } from './problems.js';
import {
  FILTER_FIELDS,
  type FilterField,
  isCanonical,
  KEY_LABELS,
  type PartnerNames,
  resolveValue,
  type UiLanguage,
} from './values.js';

/**
 * Repairs the follows and digest subscriptions stored before the filter language
 * (shared/filters/language.ts) resolved every value: `topics: ['cash-transfers']` becomes
 * `['conditional-cash-transfers']`, `countries: ['peru']` and `['Perú']` become `['PE']`. A stored
 * filter with a value that resolves to nothing is left exactly as it is (nothing is deleted or
 * half-rewritten without an admin) and reported: in `iaspn doctor`, and, for follows, once in the
 * admin channel.
 *
 * A follow's id is a hash of its canonical filter (shared/bot/state.ts), so a rewritten follow gets
 * the id its canonical form has: added with `addFollow` (keeping who followed and when), then the
 * old record removed. When the channel already follows the canonical form (it followed `cash
 * transfers` under two spellings), the rewritten follow merges into that one.
 *
 * Idempotent: a second run finds every stored filter canonical and writes nothing. It runs once, at
 * the start of the next announcement run, the first reader of follows in each cycle (before the
 * digests) and the one job allowed to delete conversation items (`CHAN#`) besides the bots
 * (`migrateStoredFiltersOnce` in migration-marker.ts: one read of a marker item when done, and this
 * module is not even loaded), and whenever an admin runs `iaspn doctor --fix`.
 */

/** At most this many unresolved follows are kept on the marker for the admin channel. */
const MAX_KEPT = 100;
/** At most this many follows in one admin message (the rest: `iaspn doctor`). */
const MAX_IN_MESSAGE = 20;

/** What the filter language makes of a stored filter. */
export interface FilterRepair {
  /** The filter as stored. */
  stored: ResourceFilter;
  /** The canonical form of every value that resolved (the stored form when nothing needs an admin). */
  canonical: ResourceFilter;
  /** Values rewritten: as stored → the canonical ids they resolve to. */
  changes: { field: FilterField; from: string; to: string[] }[];
  /** Values that resolve to nothing, each with the closest valid ones. */
  problems: UnknownValue[];
}

/** The stored list of a field, whatever shape an older version left it in. */
function storedValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string') return [value];
  return [];
}

/** Resolves every value of a stored filter; pure. */
export function repairFilter(stored: ResourceFilter, partners: PartnerNames): FilterRepair {
  const out: ResourceFilter = { ...stored };
  const changes: FilterRepair['changes'] = [];
  const problems: UnknownValue[] = [];
  for (const field of FILTER_FIELDS) {
    const values = storedValues(stored[field]);
    if (values.length === 0) continue;
    const resolved: string[] = [];
    for (const value of values) {
      if (isCanonical(field, value, partners)) {
        resolved.push(value);
        continue;
      }
      const found = resolveValue(field, value, partners);
      if (found.ok) {
        resolved.push(...found.values);
        changes.push({ field, from: value, to: found.values });
      } else problems.push({ code: 'unknown', field, typed: value, suggestions: found.suggestions });
    }
    (out as Record<string, unknown>)[field] = resolved;
  }
  return { stored, canonical: canonicalFilter(out), changes, problems };
}

/** True when the stored filter is not already in its canonical stored form. */
const needsRewrite = (repair: FilterRepair) => !isDeepStrictEqual(repair.stored, repair.canonical);

export type FindingAction =
  /** Every value resolved; the stored filter is (or would be) replaced by its canonical form. */
  | 'rewrite'
  /** Rewritten, and the canonical form was already followed in that channel: one follow now. */
  | 'merge'
  /** Some value resolves to nothing: left as stored, for an admin. */
  | 'needs-admin'
  /** The rewrite was refused by the store or the subscription rules: left as stored, for an admin. */
  | 'failed';

export interface FollowFinding {
  kind: 'follow';
  action: FindingAction;
  channel: ChannelRef;
  channelKey: string;
  followId: string;
  /** The follow's id after the rewrite (a hash of the canonical filter). */
  newFollowId?: string;
  repair: FilterRepair;
  error?: string;
}

export interface SubscriptionFinding {
  kind: 'subscription';
  action: FindingAction;
  subscriptionId: string;
  email: string;
  status: Subscription['status'];
  repair: FilterRepair;
  error?: string;
}

export type Finding = FollowFinding | SubscriptionFinding;

export interface MigrationReport {
  /** False: what a run would do, nothing written (`iaspn doctor` without --fix). */
  applied: boolean;
  follows: number;
  subscriptions: number;
  /** Every stored filter that is not canonical, with what was (or would be) done. */
  findings: Finding[];
}

/** The findings an admin has to act on (values that mean nothing, rewrites refused). */
export const needsAdmin = (report: Pick<MigrationReport, 'findings'>) =>
  report.findings.filter((f) => f.action === 'needs-admin' || f.action === 'failed');

async function partnerNames(runtime: Runtime): Promise<PartnerNames> {
  return new Map((await listPartners(runtime.store)).map((p) => [p.id, p.name]));
}

const validDate = (iso: string, fallback: Date) => (Number.isNaN(Date.parse(iso)) ? fallback : new Date(iso));

async function migrateFollows(
  runtime: Runtime,
  partners: PartnerNames,
  apply: boolean,
): Promise<{ checked: number; findings: FollowFinding[] }> {
  const { store } = runtime;
  const follows = await listAllFollows(store);
  const present = new Set(follows.map((f) => `${f.channelKey}#${f.followId}`));
  const findings: FollowFinding[] = [];
  for (const follow of follows) {
    const repair = repairFilter(follow.filter, partners);
    const newFollowId = followIdOf(repair.canonical);
    const base = {
      kind: 'follow' as const,
      channel: { platform: follow.platform, workspaceId: follow.workspaceId, channelId: follow.channelId },
      channelKey: follow.channelKey,
      followId: follow.followId,
      repair,
    };
    if (repair.problems.length > 0) {
      findings.push({ ...base, action: 'needs-admin' });
      continue;
    }
    if (!needsRewrite(repair) && newFollowId === follow.followId) continue;
    const target = `${follow.channelKey}#${newFollowId}`;
    const merges = newFollowId !== follow.followId && present.has(target);
    const finding: FollowFinding = { ...base, action: merges ? 'merge' : 'rewrite', newFollowId };
    if (apply) {
      try {
        finding.action = await rewriteFollow(runtime, follow, repair.canonical, newFollowId);
      } catch (error) {
        finding.action = 'failed';
        finding.error = describeError(error);
        runtime.log.error('could not rewrite a stored follow', {
          channel: follow.channelKey,
          followId: follow.followId,
          error: finding.error,
        });
      }
    }
    if (finding.action !== 'failed') {
      present.delete(`${follow.channelKey}#${follow.followId}`);
      present.add(target);
    }
    findings.push(finding);
  }
  return { checked: follows.length, findings };
}

async function rewriteFollow(
  runtime: Runtime,
  follow: Follow,
  canonical: ResourceFilter,
  newFollowId: string,
): Promise<'rewrite' | 'merge'> {
  const { store, clock } = runtime;
  if (newFollowId === follow.followId) {
    // Same id, stored in an older form (unsorted lists): rewritten in place.
    await store.update(keys.follow(follow.channelKey, follow.followId), { set: { filter: canonical } });
    return 'rewrite';
  }
  const channel: ChannelRef = {
    platform: follow.platform,
    workspaceId: follow.workspaceId,
    channelId: follow.channelId,
  };
  const { created } = await addFollow(store, channel, canonical, {
    userId: follow.createdBy,
    at: validDate(follow.createdAt, clock()),
  });
  // Only once the canonical follow is stored: a run stopped in between finds the old one again.
  await removeFollow(store, channel, follow.followId);
  return created ? 'rewrite' : 'merge';
}

async function migrateSubscriptions(
  runtime: Runtime,
  partners: PartnerNames,
  apply: boolean,
): Promise<{ checked: number; findings: SubscriptionFinding[] }> {
  const { subscriptions } = await listSubscriptions(runtime);
  const findings: SubscriptionFinding[] = [];
  for (const sub of subscriptions) {
    const repair = repairFilter(sub.filter, partners);
    const base = {
      kind: 'subscription' as const,
      subscriptionId: sub.id,
      email: sub.email,
      status: sub.status,
      repair,
    };
    if (repair.problems.length > 0) {
      findings.push({ ...base, action: 'needs-admin' });
      continue;
    }
    if (!needsRewrite(repair)) continue;
    const finding: SubscriptionFinding = { ...base, action: 'rewrite' };
    if (apply) {
      try {
        await updatePreferences(runtime, { id: sub.id }, { filter: repair.canonical });
      } catch (error) {
        finding.action = 'failed';
        finding.error = describeError(error);
        runtime.log.error('could not rewrite a stored subscription filter', {
          subscriptionId: sub.id,
          error: finding.error,
        });
      }
    }
    findings.push(finding);
  }
  return { checked: subscriptions.length, findings };
}

/**
 * Looks at every stored follow and subscription; with `apply`, rewrites those whose values all
 * resolve and records the run on the marker (with the unresolved follows, for the admin channel).
 */
export async function migrateStoredFilters(
  runtime: Runtime,
  options: { apply: boolean },
): Promise<MigrationReport> {
  const partners = await partnerNames(runtime);
  const follows = await migrateFollows(runtime, partners, options.apply);
  const subscriptions = await migrateSubscriptions(runtime, partners, options.apply);
  const report: MigrationReport = {
    applied: options.apply,
    follows: follows.checked,
    subscriptions: subscriptions.checked,
    findings: [...follows.findings, ...subscriptions.findings],
  };
  if (options.apply) await writeMarker(runtime, report);
  const counts = countActions(report);
  if (options.apply && report.findings.length > 0)
    runtime.log.info('stored filters migrated', { ...counts, follows: report.follows });
  return report;
}

export function countActions(report: Pick<MigrationReport, 'findings'>): Record<FindingAction, number> {
  const counts: Record<FindingAction, number> = { rewrite: 0, merge: 0, 'needs-admin': 0, failed: 0 };
  for (const f of report.findings) counts[f.action] += 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// The marker (shared/filters/migration-marker.ts) and the admin channel's message

const unresolvedId = (f: FollowFinding) => `${f.channelKey}#${f.followId}`;

async function writeMarker(runtime: Runtime, report: MigrationReport): Promise<void> {
  const previous = await readMarker(runtime);
  const unresolved: UnresolvedFollow[] = report.findings
    .filter((f): f is FollowFinding => f.kind === 'follow' && f.action === 'needs-admin')
    .slice(0, MAX_KEPT)
    .map((f) => ({
      id: unresolvedId(f),
      channel: f.channel,
      followId: f.followId,
      filter: f.repair.stored,
      problems: f.repair.problems,
    }));
  const ids = new Set(unresolved.map((u) => u.id));
  const counts = countActions(report);
  await runtime.store.put({
    ...MARKER_KEY,
    // A rewrite the store refused (a permission, a throttle) leaves the version unreached: the next
    // run tries again.
    version: counts.failed > 0 ? (previous?.version ?? 0) : FILTER_MIGRATION_VERSION,
    ranAt: runtime.clock().toISOString(),
    rewritten: counts.rewrite,
    merged: counts.merge,
    needsAdmin: counts['needs-admin'] + counts.failed,
    unresolved,
    // Follows told before and still unresolved are not told again.
    reported: (previous?.reported ?? []).filter((id) => ids.has(id)),
    reportSeq: previous?.reportSeq ?? 0,
  } as Item);
}

/** A stored filter as a member would type it (`topic:zzz country:peru`), in the channel's language. */
export function filterAsTyped(filter: ResourceFilter, lang: UiLanguage): string {
  const parts: string[] = [];
  for (const field of FILTER_FIELDS) {
    for (const value of storedValues(filter[field])) {
      parts.push(`${KEY_LABELS[lang][field]}:${/\s/.test(value) ? `"${value}"` : value}`);
    }
  }
  if (filter.keywords) parts.push(filter.keywords);
  return parts.join(' ');
}

const ADMIN_TEXT: Record<
  UiLanguage,
  { head: string; line: (where: string, id: string, typed: string) => string; more: (n: number) => string }
> = {
  en: {
    head: 'Follows whose values mean nothing to the filter language. They are kept as they are and announce nothing until an admin changes or removes them (`iaspn doctor` lists them):',
    line: (where, id, typed) => `• ${where}, follow ${id} (${typed})`,
    more: (n) => `… and ${n} more: see iaspn doctor.`,
  },
  es: {
    head: 'Seguimientos con valores que no significan nada para el lenguaje de filtros. Se conservan tal cual y no anuncian nada hasta que un administrador los cambie o los quite (`iaspn doctor` los muestra):',
    line: (where, id, typed) => `• ${where}, seguimiento ${id} (${typed})`,
    more: (n) => `… y ${n} más: ver iaspn doctor.`,
  },
};

const whereText = (c: ChannelRef) => `${c.platform} ${c.workspaceId} ${c.channelId}`;

/** The admin channel's message about unresolved follows, in the admin channel's language. */
export async function unresolvedFollowsReply(
  runtime: Runtime,
  admin: ChannelRef,
  pending: readonly UnresolvedFollow[],
): Promise<Reply> {
  const lang: UiLanguage = (await channelLanguage(runtime.store, admin)) ?? 'en';
  const partners = await partnerNames(runtime);
  const t = ADMIN_TEXT[lang];
  const lines = [t.head];
  for (const u of pending.slice(0, MAX_IN_MESSAGE)) {
    lines.push(t.line(whereText(u.channel), u.followId, filterAsTyped(u.filter, lang)));
    for (const p of u.problems) lines.push(`   ${problemText(p, lang, partners)}`);
  }
  if (pending.length > MAX_IN_MESSAGE) lines.push(t.more(pending.length - MAX_IN_MESSAGE));
  return textReply(lines.join('\n'));
}
