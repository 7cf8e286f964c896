import { randomUUID } from 'node:crypto';
import { CLAIM_LEASE_MS, CLAIM_SAFE_MS, completeSurely, SENT_TTL_S } from '../announce/claims.js';
import { platformGates, realTimer, type Timer } from '../announce/pacing.js';
import { type ChatSender, defaultSenders, SendError, type Senders } from '../announce/senders.js';
import { type BotLanguage, isBotLanguage } from '../chat/i18n.js';
import type { Mailer } from '../email/mailer.js';
import { describeError } from '../errors.js';
import { listAllFollows, pauseChannel } from '../follows/state.js';
import type { Runtime } from '../runtime/runtime.js';
import {
  type ClaimRecord,
  claim,
  claimId,
  complete,
  leaseExpired,
  readClaims,
  release,
  sentRecord,
} from '../store/claims.js';
import { type ItemKey, keys } from '../store/keys.js';
import type { Item } from '../store/store.js';
import { CoopMatcher, doneExchanges } from './match.js';
import { noticeEmail, noticeReply } from './notice-messages.js';
import {
  type CoopRecipient,
  type NoticeMessage,
  type NoticeRole,
  type PlannedNotice,
  planMessages,
  planNotices,
} from './notices.js';
import { listAllEntries } from './store.js';

/**
 * The cooperation notices run (issue 18.4): the offers and requests created since the last run
 * are matched, and each (entry, recipient) notice of shared/coop/notices.ts is told exactly once
 * through the announcement machinery: a leased claim per delivery in the announcement namespace
 * (`DELIVERY#announce#<recipient>` / `COOP#<role>#<entry id>`, shared/store/claims.ts), the chat
 * senders with their pacing (per conversation, per platform, Retry-After), the email path with its
 * SES pacing, the conversation's language. Plan, as the announcement run's:
 *
 * 1. read the cursor (`JOB#coop-notify`) and the entries created in [cursor, now);
 * 2. plan the notices and read their claims (100 to a BatchGet): those sent are dropped;
 * 3. per recipient, concurrently, its own queue: claim each message's deliveries (conditional
 *    put with a lease) → post or send → mark them sent at once; a failure gives them back;
 * 4. store the cursor: now less the overlap, or further back at the oldest entry whose notice was
 *    not seen through. A run that dies never writes its cursor; the next reads the same window
 *    again and the claims tell it what was told. A claim left by a dead run is taken over after
 *    its lease; on Slack the conversation's history is read first (our posts carry their delivery
 *    ids as message metadata), so that a post that went out is marked, not repeated.
 */

export const COOP_NOTIFY_JOB = 'coop-notify';
/** Re-read this much before the cursor: an entry written while the last run listed is not missed. */
export const OVERLAP_MS = 30 * 60_000;
/** The first run, and a cursor held back by failures, look back at most this far. */
export const MAX_LOOKBACK_MS = 7 * 86_400_000;
const MAX_RATE_LIMITED = 5;

export interface ToldRecord {
  entry: string;
  role: NoticeRole;
  via: CoopRecipient['via'];
  /** `slack:T1:C1`, or the email address. */
  to: string;
  /** The new entry's matches named in the notice. */
  matches: string[];
}

export interface CoopNotifySummary {
  /** Entries created in the window. */
  entries: number;
  /** Deliveries planned: (entry, recipient, role). */
  notices: number;
  /** Deliveries told by this run. */
  sent: number;
  /** Chat messages and emails that carried them. */
  messages: number;
  /** Deliveries not told by this run: told before, held by another run, paused channel, no sender. */
  skipped: number;
  /** Deliveries a stopped run posted but never marked, found in the Slack history and marked. */
  recovered: number;
  /** Deliveries that failed: a later run retries them (refused addresses are not retried). */
  failed: number;
  dryRun: boolean;
  since: string;
  cursor: string;
  /** What this run told (with `--dry-run`, what it would tell). */
  told: ToldRecord[];
}

export interface CoopNotifyOptions {
  dryRun?: boolean;
  senders?: Senders;
  mailer?: Mailer;
  /** Time for pacing (virtual in tests). */
  timer?: Timer;
  runId?: string;
}

const ISO = (ms: number) => new Date(ms).toISOString();
const cursorKey = () => keys.job(COOP_NOTIFY_JOB);
export const coopDeliveryKey = (recipient: CoopRecipient, deliveryId: string): ItemKey =>
  keys.delivery('announce', recipient.key, deliveryId);

const where = (r: CoopRecipient) =>
  r.via === 'chat' ? `${r.ref.platform}:${r.ref.workspaceId}:${r.ref.channelId}` : r.address;

export async function runCoopNotify(
  runtime: Runtime,
  options: CoopNotifyOptions = {},
): Promise<CoopNotifySummary> {
  const { store, config, log, clock } = runtime;
  const timer = options.timer ?? realTimer;
  const dryRun = options.dryRun ?? false;
  const runId = options.runId ?? randomUUID().slice(0, 8);
  const now = clock();
  const until = now.toISOString();
  const floor = now.getTime() - MAX_LOOKBACK_MS;

  const state = await store.get(cursorKey(), { consistent: true });
  const cursor = typeof state?.cursor === 'string' ? Date.parse(state.cursor) : Number.NaN;
  const since = ISO(Number.isNaN(cursor) ? floor : Math.min(Math.max(floor, cursor), now.getTime()));
  const summary: CoopNotifySummary = {
    entries: 0,
    notices: 0,
    sent: 0,
    messages: 0,
    skipped: 0,
    recovered: 0,
    failed: 0,
    dryRun,
    since,
    cursor: until,
    told: [],
  };
  let holdBack = ISO(now.getTime() - OVERLAP_MS);
  const hold = (notices: readonly PlannedNotice[]) => {
    for (const n of notices) if (n.entry.createdAt < holdBack) holdBack = n.entry.createdAt;
  };
  const saveCursor = async () => {
    summary.cursor = holdBack;
    if (!dryRun)
      await store.put({ ...cursorKey(), cursor: holdBack, runId, updatedAt: until, lastSince: since });
  };

  const all = await listAllEntries(store);
  const fresh = all.filter((e) => e.createdAt >= since && e.createdAt < until);
  summary.entries = fresh.length;
  if (fresh.length === 0) {
    await saveCursor();
    return summary;
  }
  const notices = planNotices({
    fresh,
    matcher: new CoopMatcher(all, doneExchanges(all)),
    follows: await listAllFollows(store),
    admin: config.announce.adminChannel,
  });
  summary.notices = notices.length;

  // Per recipient: its notices, its conversation's settings, and what was told before.
  const byRecipient = new Map<string, { recipient: CoopRecipient; notices: PlannedNotice[] }>();
  for (const n of notices) {
    const group = byRecipient.get(n.recipient.key) ?? { recipient: n.recipient, notices: [] };
    group.notices.push(n);
    byRecipient.set(n.recipient.key, group);
  }
  const chatKeys = [...byRecipient.values()]
    .filter((g) => g.recipient.via === 'chat')
    .map((g) => g.recipient.key);
  const settings = new Map(
    (chatKeys.length ? await store.batchGet(chatKeys.map((k) => keys.channelSettings(k))) : []).map(
      (item) => [String(item.pk), item] as const,
    ),
  );
  const states = await readClaims(
    store,
    notices.map((n) => coopDeliveryKey(n.recipient, n.deliveryId)),
  );

  const senders = options.senders ?? defaultSenders(runtime);
  let mailer = options.mailer;
  const mailerOf = async (): Promise<Mailer> => {
    mailer ??= (await import('../email/mailer.js')).createSesMailer(runtime.ses, config);
    return mailer;
  };
  const gateOf = platformGates(timer);
  const suppressed = async (address: string) => {
    const { getSubscription } = await import('../digest/subscriptions.js');
    return (await getSubscription(runtime, address))?.status === 'suppressed';
  };

  const languageFor = (message: NoticeMessage, setting: Item | undefined): BotLanguage => {
    const own = message.notices[0]?.language;
    const chosen = isBotLanguage(setting?.language) ? setting.language : undefined;
    // To the one who wrote the entry, in the language of its origin; to a conversation, in its own.
    return (message.role === 'own' ? (own ?? chosen) : (chosen ?? own)) ?? 'en';
  };

  const told = (message: NoticeMessage, recipient: CoopRecipient) => {
    for (const n of message.notices)
      summary.told.push({
        entry: n.entry.id,
        role: n.role,
        via: recipient.via,
        to: where(recipient),
        matches: n.matches.map((m) => m.entry.id),
      });
  };

  /** Deliveries taken over from a stopped run that its Slack history shows were posted: marked, not repeated. */
  async function postedAlready(
    sender: ChatSender | undefined,
    recipient: CoopRecipient,
    takenOver: { notice: PlannedNotice; previous: ClaimRecord }[],
  ): Promise<Set<PlannedNotice>> {
    const found = new Set<PlannedNotice>();
    if (!sender?.findPosted || recipient.via !== 'chat' || takenOver.length === 0) return found;
    const since = Math.min(...takenOver.map((t) => Date.parse(t.previous.firstClaimedAt ?? '') || floor));
    let posted: Set<string>;
    try {
      posted = await sender.findPosted(recipient.ref, new Date(since));
    } catch (error) {
      // Posting again may duplicate; not posting may lose. A duplicate is the lesser harm.
      log.warn('channel history unreadable: cooperation notices of a stopped run are posted again', {
        channel: recipient.key,
        error: describeError(error),
      });
      return found;
    }
    for (const t of takenOver) if (posted.has(t.notice.deliveryId)) found.add(t.notice);
    if (found.size) {
      await complete(
        store,
        [...found].map((n) =>
          sentRecord(
            coopDeliveryKey(recipient, n.deliveryId),
            { owner: runId, now: clock(), ttlSeconds: SENT_TTL_S },
            { recovered: true },
          ),
        ),
      );
      summary.recovered += found.size;
    }
    return found;
  }

  const markSent = (recipient: CoopRecipient, told: PlannedNotice[], fields: Record<string, unknown> = {}) =>
    completeSurely(
      store,
      (at) =>
        told.map((n) =>
          sentRecord(
            coopDeliveryKey(recipient, n.deliveryId),
            { owner: runId, now: at, ttlSeconds: SENT_TTL_S },
            fields,
          ),
        ),
      { clock, sleep: (ms) => timer.sleep(ms), log },
    );

  /** Sends one message; resolves to `sent` or the failure (429s honoured, as announcements do). */
  async function deliver(
    recipient: CoopRecipient,
    message: NoticeMessage,
    language: BotLanguage,
    claimedAt: number,
  ): Promise<'sent' | SendError> {
    for (let attempt = 0; ; attempt += 1) {
      if (timer.now() - claimedAt > CLAIM_SAFE_MS)
        return new SendError('failed', 'the claim is too old to send on safely');
      try {
        if (recipient.via === 'email') {
          await (await mailerOf()).send(
            noticeEmail(message, language, recipient.address, config.email.sender),
          );
          return 'sent';
        }
        const sender = senders[recipient.ref.platform]!;
        await gateOf(sender).pass();
        await sender.post(
          recipient.ref,
          noticeReply(message, language),
          message.notices.map((n) => n.deliveryId),
        );
        return 'sent';
      } catch (error) {
        if (recipient.via === 'email') {
          const retryable = (error as { retryable?: boolean }).retryable !== false;
          // An address SES refuses for good is not tried again: the notice is settled as refused.
          return new SendError(retryable ? 'failed' : 'broken', describeError(error), { reason: 'refused' });
        }
        const failure = error instanceof SendError ? error : new SendError('failed', describeError(error));
        if (failure.kind !== 'rate_limited' || attempt + 1 >= MAX_RATE_LIMITED) return failure;
        await timer.sleep(failure.details.retryAfterMs ?? 1000);
      }
    }
  }

  async function runRecipient(recipient: CoopRecipient, mine: PlannedNotice[]): Promise<void> {
    const setting = settings.get(recipient.key);
    const sender = recipient.via === 'chat' ? senders[recipient.ref.platform] : undefined;
    const pending: PlannedNotice[] = [];
    for (const n of mine) {
      const seen = states.get(claimId(coopDeliveryKey(recipient, n.deliveryId)));
      if (seen === undefined || leaseExpired(seen, now)) pending.push(n);
      else {
        summary.skipped += 1;
        if (seen.state === 'claimed') hold([n]);
      }
    }
    if (pending.length === 0) return;
    if (recipient.via === 'chat' && (setting?.status === 'paused' || !sender)) {
      if (!sender)
        log.warn('cooperation notices skipped: no sender for this platform', { channel: recipient.key });
      summary.skipped += pending.length;
      return;
    }
    // An address SES bounced for good or that complained is never mailed again (SECURITY.md 23).
    if (recipient.via === 'email' && (await suppressed(recipient.address))) {
      log.warn('cooperation email skipped: the address is suppressed', { to: recipient.address });
      summary.skipped += pending.length;
      return;
    }
    if (recipient.via === 'email' && !config.email.sender) {
      log.warn('cooperation emails skipped: no sender address (IASPN_SENDER_EMAIL)', {});
      summary.skipped += pending.length;
      return;
    }
    const messages = planMessages(pending, {
      via: recipient.via,
      maxSingle: config.announce.maxSinglePostsPerChannel,
    });
    if (dryRun) {
      for (const m of messages) {
        summary.messages += 1;
        summary.sent += m.notices.length;
        told(m, recipient);
      }
      return;
    }
    let lastPostAt = Number.NEGATIVE_INFINITY;
    for (const [i, planned] of messages.entries()) {
      if (sender && recipient.via === 'chat') {
        const wait = lastPostAt + sender.pace.perChannelMs(recipient.ref) - timer.now();
        if (wait > 0) await timer.sleep(wait);
      }
      // Claim every delivery of the message; those another run holds are left to it.
      const claimedAt = timer.now();
      const won: PlannedNotice[] = [];
      const takenOver: { notice: PlannedNotice; previous: ClaimRecord }[] = [];
      for (const n of planned.notices) {
        const outcome = await claim(store, coopDeliveryKey(recipient, n.deliveryId), {
          owner: runId,
          now: clock(),
          leaseMs: CLAIM_LEASE_MS,
          ttlSeconds: SENT_TTL_S,
        });
        if (outcome.won && outcome.previous) takenOver.push({ notice: n, previous: outcome.previous });
        else if (outcome.won) won.push(n);
        else {
          summary.skipped += 1;
          if (outcome.reason === 'held') hold([n]);
        }
      }
      const recovered = await postedAlready(sender, recipient, takenOver);
      won.push(...takenOver.map((t) => t.notice).filter((n) => !recovered.has(n)));
      if (won.length === 0) continue;
      const message: NoticeMessage = {
        role: planned.role,
        notices: planned.notices.filter((n) => won.includes(n)),
      };
      const language =
        recipient.via === 'chat' ? languageFor(message, setting) : languageFor(message, undefined);
      const outcome = await deliver(recipient, message, language, claimedAt);
      lastPostAt = timer.now();
      if (outcome === 'sent') {
        // Marked at once, before anything else: the window in which a crash repeats a notice is
        // the platform's answer on its way back plus this one write.
        await markSent(recipient, message.notices);
        summary.sent += message.notices.length;
        summary.messages += 1;
        told(message, recipient);
        continue;
      }
      summary.failed += message.notices.length;
      if (recipient.via === 'email' && outcome.kind === 'broken') {
        await markSent(recipient, message.notices, { refused: outcome.message.slice(0, 300) });
        log.error('cooperation email refused for good: not retried', {
          to: recipient.address,
          error: outcome.message,
        });
        continue;
      }
      await release(
        store,
        message.notices.map((n) => coopDeliveryKey(recipient, n.deliveryId)),
        runId,
      ).catch((error) =>
        log.warn('claims not released; they expire with their lease', { error: describeError(error) }),
      );
      const rest = messages.slice(i + 1).flatMap((m) => m.notices);
      if (recipient.via === 'chat' && outcome.kind === 'broken') {
        summary.skipped += rest.length;
        await pauseChannel(store, recipient.ref, outcome.details.reason ?? outcome.message, clock());
        log.error('cooperation notices: channel broken, paused', {
          channel: recipient.key,
          reason: outcome.message,
        });
        return;
      }
      log.warn('cooperation notice failed; a later run retries it', {
        to: recipient.key,
        error: outcome.message,
      });
      summary.failed += rest.length;
      hold([...message.notices, ...rest]);
      return;
    }
  }

  await Promise.all(
    [...byRecipient.values()].map(({ recipient, notices: mine }) =>
      runRecipient(recipient, mine).catch((error) => {
        // A store failure mid-way: what was not marked sent is retried by a later run.
        log.error('cooperation notices of a recipient failed', {
          to: recipient.key,
          error: describeError(error),
        });
        summary.failed += 1;
        hold(mine);
      }),
    ),
  );
  await saveCursor();
  log.info('cooperation notices done', { ...summary, told: summary.told.length });
  return summary;
}
