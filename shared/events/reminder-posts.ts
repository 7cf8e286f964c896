import { randomUUID } from 'node:crypto';
import { CLAIM_LEASE_MS, CLAIM_SAFE_MS, SENT_TTL_S } from '../announce/claims.js';
import { platformGates, realTimer } from '../announce/pacing.js';
import { defaultSenders, SendError } from '../announce/senders.js';
import { type BotLanguage, isBotLanguage, MESSAGES } from '../chat/i18n.js';
import { heading, type Reply, type ReplyBlock } from '../chat/reply.js';
import { cleanText, cutText } from '../chat/text.js';
import { describeError } from '../errors.js';
import { type ChannelRef, pauseChannel } from '../follows/state.js';
import { getResources } from '../library/resource-store.js';
import type { Runtime } from '../runtime/runtime.js';
import { claim, complete, release, sentRecord } from '../store/claims.js';
import { type ItemKey, keys } from '../store/keys.js';
import { eventLinks, formatEventPlace, formatEventWhen } from './format.js';
import type { Reminder, ReminderKind, ReminderOptions, ReminderSummary } from './reminders.js';
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from './time-zone.js';
import { type DatedEvent, searchCatalogue, upcomingEvents } from './upcoming.js';

/**
 * The posting half of event reminders (reminders.ts keeps the stored reminders and the entry
 * point): which reminder is due, the post, and one run's claims and sends. Imported by
 * `runReminders` only when some reminder exists.
 */

const HOUR_MS = 3_600_000;
/** When each reminder becomes due, before the start. */
const LEAD_MS: Record<ReminderKind, number> = { day: 24 * HOUR_MS, hour: HOUR_MS };

/** The claim of one reminder post: with the announcements' claims, `DELIVERY#announce#<channelKey>`. */
export const reminderDeliveryId = (resourceId: string, kind: ReminderKind) => `REMIND#${kind}#${resourceId}`;
const reminderKey = (channelKey: string, resourceId: string, kind: ReminderKind): ItemKey =>
  keys.delivery('announce', channelKey, reminderDeliveryId(resourceId, kind));

/**
 * Which reminder is due for an event at `now`: `hour` in the hour before its start, `day` in the
 * day before that (a day reminder not sent by then is dropped: the hour one follows). All-day
 * events get the day reminder only (their "start" is a midnight).
 */
export function dueReminder(event: DatedEvent, now: Date): ReminderKind | undefined {
  const start = Date.parse(event.event.startsAt);
  const t = now.getTime();
  if (t >= start) return undefined;
  if (t >= start - LEAD_MS.hour) return event.event.allDay ? undefined : 'hour';
  if (t >= start - LEAD_MS.day) return 'day';
  return undefined;
}

/** The reminder post: "Tomorrow: <title>", then when (in the conversation's zone), where, links. */
export function reminderPost(
  event: DatedEvent,
  kind: ReminderKind,
  context: { language: BotLanguage; timeZone: string; publicUrl?: string },
): Reply {
  const m = MESSAGES[context.language];
  const title = cutText(cleanText(event.title) || event.url, 300);
  const meta = [
    formatEventWhen(event.event, context.timeZone, context.language),
    formatEventPlace(event.event, context.language),
  ]
    .filter(Boolean)
    .join(' · ');
  const links = eventLinks(event, m.eventLinks, context.publicUrl, context.language);
  const lead = kind === 'day' ? m.reminderDay : m.reminderHour;
  const blocks: ReplyBlock[] = [
    heading(lead),
    {
      kind: 'card',
      card: {
        position: 0,
        resourceId: event.id,
        title,
        url: event.url,
        meta,
        snippet: '',
        links,
        buttons: [],
      },
    },
  ];
  return { blocks, summary: `${lead}: ${title}` };
}

/** Posts the reminders that are due now among `reminders` (all of them, listed by `runReminders`). */
export async function postReminders(
  runtime: Runtime,
  reminders: readonly Reminder[],
  options: ReminderOptions,
  summary: ReminderSummary,
): Promise<ReminderSummary> {
  const { store, log, clock, config } = runtime;
  const timer = options.timer ?? realTimer;
  const runId = options.runId ?? randomUUID().slice(0, 8);
  const senders = options.senders ?? defaultSenders(runtime);
  const search = options.search ?? (await import('../search/service.js')).createSearchService(runtime);
  const catalogue = searchCatalogue(search, (ids) => getResources(store, ids));
  const now = clock();

  // One read of the catalogue per distinct filter; the events due a reminder, per conversation.
  const byFilter = new Map<string, Promise<DatedEvent[]>>();
  const due = new Map<
    string,
    { ref: ChannelRef; events: Map<string, { event: DatedEvent; kind: ReminderKind }> }
  >();
  const seen = new Set<string>();
  for (const r of reminders) {
    const key = JSON.stringify(r.filter);
    if (!byFilter.has(key))
      byFilter.set(key, upcomingEvents(catalogue, r.filter, { now, withinDays: 1 + 1 / 24 }));
    for (const event of await byFilter.get(key)!) {
      const kind = dueReminder(event, now);
      if (!kind) continue;
      seen.add(event.id);
      const entry = due.get(r.channelKey) ?? {
        ref: { platform: r.platform, workspaceId: r.workspaceId, channelId: r.channelId },
        events: new Map(),
      };
      entry.events.set(event.id, { event, kind });
      due.set(r.channelKey, entry);
    }
  }
  summary.events = seen.size;
  if (due.size === 0) return summary;

  const settings = new Map(
    (await store.batchGet([...due.keys()].map((k) => keys.channelSettings(k)))).map((i) => [String(i.pk), i]),
  );
  const gateOf = platformGates(timer);

  async function remindChannel(
    channelKey: string,
    ref: ChannelRef,
    work: { event: DatedEvent; kind: ReminderKind }[],
  ) {
    const setting = settings.get(channelKey);
    const sender = senders[ref.platform];
    if (setting?.status === 'paused' || !sender) {
      summary.skipped += work.length;
      return;
    }
    const language: BotLanguage = isBotLanguage(setting?.language) ? setting.language : 'en';
    const timeZone =
      canonicalTimeZone(typeof setting?.timeZone === 'string' ? setting.timeZone : undefined) ??
      DEFAULT_TIME_ZONE;
    let lastPostAt = Number.NEGATIVE_INFINITY;
    for (const { event, kind } of work.sort((a, b) =>
      a.event.event.startsAt.localeCompare(b.event.event.startsAt),
    )) {
      const key = reminderKey(channelKey, event.id, kind);
      const delivery = reminderDeliveryId(event.id, kind);
      const claimedAt = timer.now();
      const outcome = await claim(store, key, {
        owner: runId,
        now: clock(),
        leaseMs: CLAIM_LEASE_MS,
        ttlSeconds: SENT_TTL_S,
      });
      if (!outcome.won) {
        summary.skipped += 1;
        continue;
      }
      // Taken over from a run that stopped between its post and the `sent` mark: look first where we can.
      if (outcome.previous && sender.findPosted) {
        const since = new Date(Date.parse(outcome.previous.claimedAt ?? '') || now.getTime() - LEAD_MS.day);
        const posted = await sender.findPosted(ref, since).catch(() => new Set<string>());
        if (posted.has(delivery)) {
          await complete(store, [
            sentRecord(key, { owner: runId, now: clock(), ttlSeconds: SENT_TTL_S }, { recovered: true }),
          ]);
          summary.recovered += 1;
          continue;
        }
      }
      const wait = lastPostAt + sender.pace.perChannelMs(ref) - timer.now();
      if (wait > 0) await timer.sleep(wait);
      await gateOf(sender).pass();
      try {
        if (timer.now() - claimedAt > CLAIM_SAFE_MS)
          throw new SendError('failed', 'the claim is too old to post on safely');
        await sender.post(
          ref,
          reminderPost(event, kind, { language, timeZone, publicUrl: config.publicUrl }),
          [delivery],
        );
      } catch (error) {
        lastPostAt = timer.now();
        summary.failed += 1;
        await release(store, [key], runId).catch(() => undefined);
        const failure = error instanceof SendError ? error : new SendError('failed', describeError(error));
        log.warn('event reminder failed; a later run retries it', {
          channel: channelKey,
          error: failure.message,
        });
        if (failure.kind === 'broken') {
          await pauseChannel(store, ref, failure.details.reason ?? failure.message, clock());
          return;
        }
        continue;
      }
      lastPostAt = timer.now();
      await complete(store, [sentRecord(key, { owner: runId, now: clock(), ttlSeconds: SENT_TTL_S })]);
      summary.sent += 1;
    }
  }

  await Promise.all(
    [...due].map(([channelKey, { ref, events }]) =>
      remindChannel(channelKey, ref, [...events.values()]).catch((error) => {
        log.error('event reminders of a channel failed', {
          channel: channelKey,
          error: describeError(error),
        });
      }),
    ),
  );
  log.info('event reminders done', { ...summary });
  return summary;
}
