import type { Timer } from '../announce/pacing.js';
import type { Senders } from '../announce/senders.js';
import { canonicalFilter, type ResourceFilter } from '../filters/filter.js';
import { type ChannelRef, type ChatPlatform, channelKeyOf, followIdOf } from '../follows/state.js';
import type { Runtime } from '../runtime/runtime.js';
import type { SearchService } from '../search/types.js';
import { collections, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';

/**
 * Event reminders (`remind events <filters>` in a conversation): a post the day before and one
 * hour before each matching event, each exactly once, through the announcement machinery: a
 * leased claim per (conversation, event, which reminder) in shared/store/claims.ts, the platform
 * senders and their pacing, the conversation's language and time zone. Run by the announcement
 * job of the one cycle (shared/announce/job.ts), so local and deployed stacks remind alike.
 */

export interface Reminder extends ChannelRef {
  channelKey: string;
  reminderId: string;
  filter: ResourceFilter;
  createdBy: string;
  createdAt: string;
}

export const REMINDER_KINDS = ['day', 'hour'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

function toReminder(item: Item): Reminder {
  return {
    platform: item.platform as ChatPlatform,
    workspaceId: String(item.workspaceId),
    channelId: String(item.channelId),
    channelKey: String(item.pk),
    reminderId: String(item.reminderId),
    filter: (item.filter ?? {}) as ResourceFilter,
    createdBy: String(item.createdBy ?? ''),
    createdAt: String(item.createdAt ?? ''),
  };
}

/** Asks for reminders of the events matching a filter here; false when the same filter was asked already. */
export async function addReminder(
  store: Store,
  channel: ChannelRef,
  filter: ResourceFilter,
  by: { userId: string; at: Date },
): Promise<{ reminder: Reminder; created: boolean }> {
  const channelKey = channelKeyOf(channel);
  const normal = canonicalFilter(filter);
  const reminderId = followIdOf(normal);
  const reminder: Reminder = {
    ...channel,
    channelKey,
    reminderId,
    filter: normal,
    createdBy: by.userId,
    createdAt: by.at.toISOString(),
  };
  const created = await store.putIfAbsent({
    ...keys.reminder(channelKey, reminderId),
    gsi1pk: collections.reminders,
    gsi1sk: `${channelKey}#${reminderId}`,
    ...reminder,
  });
  return { reminder, created };
}

export async function removeReminder(
  store: Store,
  channel: ChannelRef,
  reminderId: string,
): Promise<boolean> {
  return store.delete(keys.reminder(channelKeyOf(channel), reminderId.toLowerCase()), {
    expression: 'attribute_exists(pk)',
  });
}

export async function listReminders(store: Store, channel: ChannelRef): Promise<Reminder[]> {
  const items = await store.queryAll({ partition: channelKeyOf(channel), sortBeginsWith: 'REMIND#' });
  return items.map(toReminder);
}

export async function listAllReminders(store: Store): Promise<Reminder[]> {
  const items = await store.queryAll({ index: 'byCollection', partition: collections.reminders });
  return items.map(toReminder);
}

export interface ReminderSummary {
  reminders: number;
  /** Events within a day of starting that some reminder matches. */
  events: number;
  sent: number;
  /** Sent before, held by another run, paused conversation, no sender. */
  skipped: number;
  /** Posted by a stopped run and found in the channel history: marked sent, not posted again. */
  recovered: number;
  failed: number;
}

export interface ReminderOptions {
  senders?: Senders;
  timer?: Timer;
  runId?: string;
  /** The events (defaults to the search snapshot and the store). */
  search?: Pick<SearchService, 'latest'>;
}

/**
 * Posts the reminders that are due now, each once. Most runs find no reminder at all: the posting
 * code (the catalogue of events, their formatting with the taxonomy's names, the senders) is
 * imported only when one exists (reminder-posts.ts), so the announcement job's cold start and its
 * runs without reminders do not load it.
 */
export async function runReminders(
  runtime: Runtime,
  options: ReminderOptions = {},
): Promise<ReminderSummary> {
  const summary: ReminderSummary = { reminders: 0, events: 0, sent: 0, skipped: 0, recovered: 0, failed: 0 };
  const reminders = await listAllReminders(runtime.store);
  summary.reminders = reminders.length;
  if (reminders.length === 0) return summary;
  return (await import('./reminder-posts.js')).postReminders(runtime, reminders, options, summary);
}
