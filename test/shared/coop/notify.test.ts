import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CLAIM_LEASE_MS } from '#shared/announce/claims.js';
import type { ChatSender, Senders } from '#shared/announce/senders.js';
import { importEntries } from '#shared/coop/exchange.js';
import { coopDeliveryKey, runCoopNotify } from '#shared/coop/notify.js';
import { createEntry } from '#shared/coop/store.js';
import { suppress } from '#shared/digest/subscriptions.js';
import { createSesMailer, type Mailer } from '#shared/email/mailer.js';
import { addFollow, setChannelLanguage } from '#shared/follows/state.js';
import type { Clock } from '#shared/runtime/clock.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import { readClaims } from '#shared/store/claims.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { startStandIns, virtualTimer } from '../announce/helpers.js';
import { DRAFTS, draft } from './notify-fixtures.js';

/**
 * The cooperation notices run against dynalite, the SES emulator and the Slack and Telegram
 * stand-ins: every recipient told once, across concurrent runs and runs that die mid-way; a
 * workshop's file imported in bulk paced as announcements are.
 */

let services: TestServices;
beforeAll(async () => {
  services = await startTestServices();
});
afterAll(() => services?.close());

const NOW = '2026-11-25T12:00:00.000Z';
function movableClock(iso = NOW) {
  let t = Date.parse(iso);
  const clock: Clock = () => new Date(t);
  return { clock, advance: (ms: number) => (t += ms) };
}

const ADMIN = 'slack:T0:COPS';
const REGISTRIES = { platform: 'slack', workspaceId: 'T1', channelId: 'CREG' } as const;

async function newRuntime(clock: Clock, overrides: Record<string, string> = {}) {
  return services.newRuntime(
    {
      IASPN_ADMIN_CHANNEL: ADMIN,
      IASPN_SES_RATE_PER_SECOND: '1000',
      IASPN_ANNOUNCE_MAX_SINGLE_POSTS: '5',
      ...overrides,
    },
    clock,
  );
}

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const stand of opened.splice(0)) await stand.close();
});

/** A clock the test moves, a runtime on a table of its own, virtual time, the chat stand-ins. */
async function scene() {
  const { clock, advance } = movableClock();
  const runtime = await newRuntime(clock);
  const timer = virtualTimer();
  const stand = await startStandIns(timer, undefined, { now: () => clock().getTime() });
  opened.push(stand);
  return { clock, advance, runtime, timer, stand };
}

/** The fixtures' exchange in the store, all new, and a Spanish channel following social registries. */
async function seedExchange(runtime: Runtime) {
  const ids: Record<string, string> = {};
  for (const name of Object.keys(DRAFTS))
    ids[name] = (
      await createEntry(runtime.store, draft(name), { who: 'test', at: runtime.clock() })
    ).entry.id;
  await addFollow(
    runtime.store,
    REGISTRIES,
    { topics: ['social-registries'] },
    { userId: 'U1', at: runtime.clock() },
  );
  await setChannelLanguage(runtime.store, REGISTRIES, 'es');
  return ids;
}

/** How often each (Slack channel, delivery) was posted, from the message metadata the stand-in kept. */
function slackCounts(stand: Awaited<ReturnType<typeof startStandIns>>) {
  const counts = new Map<string, number>();
  for (const m of stand.slackMessages) {
    const ids = String(m.metadata?.event_payload.deliveries ?? '').split(' ');
    for (const id of ids) counts.set(`${m.channel}|${id}`, (counts.get(`${m.channel}|${id}`) ?? 0) + 1);
  }
  return counts;
}

/** Emails to an address about an entry (ids are new in each test; the emulator is shared). */
async function emailsTo(address: string, entryId: string) {
  return (await services.sentEmails()).filter(
    (e) => e.destination.to.some((to) => to.includes(address)) && e.subject.includes(entryId),
  );
}

/** The deliveries the fixtures' exchange calls for: 16, to five recipients. */
function expectedSlack(ids: Record<string, string>) {
  return [
    ...['request', 'brazil', 'chile', 'peru'].map((n) => `COPS|COOP#admin#${ids[n]}`),
    ...['request', 'brazil', 'chile', 'peru'].map((n) => `CREG|COOP#topic#${ids[n]}`),
    `CBRAZIL|COOP#own#${ids.brazil}`,
    `CBRAZIL|COOP#counterpart#${ids.request}`,
  ].sort();
}

describe('cooperation notices, told exactly once', () => {
  it('tells every recipient once, in its language, and nothing on the next run', async () => {
    const { advance, runtime, timer, stand } = await scene();
    const ids = await seedExchange(runtime);
    advance(60_000);
    const first = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(first).toMatchObject({ entries: 5, notices: 16, sent: 16, failed: 0, skipped: 0 });
    // Slack: the admin channel (4 pairs to broker), the registries channel (its section, one
    // message), and Brazil's own channel (its best fits; the new request that fits its offer).
    expect([...slackCounts(stand).keys()].sort()).toEqual(expectedSlack(ids));
    expect([...slackCounts(stand).values()].every((n) => n === 1)).toBe(true);
    const section = stand.slackMessages.filter((m) => m.channel === 'CREG');
    expect(section).toHaveLength(1);
    expect(section[0]!.text).toBe('Cooperación: ofertas y solicitudes (4)');
    // Telegram: the requester (who wrote in Spanish there) gets its best three, then each new offer that fits it.
    const telegram = stand.calls.filter((c) => c.channel === '700');
    expect(telegram).toHaveLength(4);
    expect(String(telegram[0]!.params.text)).toContain(`Ofertas que encajan con su solicitud ${ids.request}`);
    expect(String(telegram[0]!.params.text)).toContain('Por qué');
    // Email: Peru's contact, once for its own offer and once for the request that fits it, in Spanish.
    const peru = await emailsTo('cooperacion@midis.example', ids.peru!);
    expect(peru.map((e) => e.subject).sort()).toEqual([
      `Portal de Conocimiento de la RIPSO: Solicitudes que encajan con su oferta ${ids.peru}`,
      `Portal de Conocimiento de la RIPSO: Una nueva solicitud encaja con su oferta ${ids.peru}`,
    ]);
    // Chile's contact is a phone number: its institution cannot be told of the request that fits
    // its offer (the Secretariat brokers it); the requester hears of Chile's offer.
    expect(
      first.told
        .filter((t) => t.entry === ids.chile)
        .map((t) => t.role)
        .sort(),
    ).toEqual(['admin', 'counterpart', 'topic']);

    advance(CLAIM_LEASE_MS + 60_000);
    const second = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(second).toMatchObject({ sent: 0 });
    // 7 Slack messages and 4 Telegram messages, all from the first run.
    expect(stand.calls).toHaveLength(11);
    expect(await emailsTo('cooperacion@midis.example', ids.peru!)).toHaveLength(2);
  });

  it('two concurrent runs tell each recipient once between them', async () => {
    const { advance, runtime, timer, stand } = await scene();
    const ids = await seedExchange(runtime);
    advance(60_000);
    const [a, b] = await Promise.all([
      runCoopNotify(runtime, { senders: stand.senders, timer }),
      runCoopNotify(runtime, { senders: stand.senders, timer }),
    ]);
    expect(a.sent + b.sent).toBe(16);
    expect([...slackCounts(stand).keys()].sort()).toEqual(expectedSlack(ids));
    expect([...slackCounts(stand).values()].every((n) => n === 1)).toBe(true);
    expect(stand.calls.filter((c) => c.channel === '700')).toHaveLength(4);
    expect(await emailsTo('cooperacion@midis.example', ids.peru!)).toHaveLength(2);
  });

  it('a run that dies mid-way: a later run tells what it left, and on Slack nothing twice', async () => {
    const { advance, runtime, timer, stand } = await scene();
    const ids = await seedExchange(runtime);
    advance(60_000);
    // The first run "dies" on each recipient's second message, half of them after the platform
    // accepted it (its answer never comes back), half before: never marked, no cursor written.
    let stuck = 0;
    const dying = (sender: ChatSender, afterAccept: boolean): ChatSender => {
      const posts = new Map<string, number>();
      return {
        ...sender,
        post: async (channel, reply, deliveries) => {
          const n = (posts.get(channel.channelId) ?? 0) + 1;
          posts.set(channel.channelId, n);
          if (n === 2 && !afterAccept) {
            stuck += 1;
            return new Promise<void>(() => {});
          }
          await sender.post(channel, reply, deliveries);
          if (n !== 2) return;
          stuck += 1;
          await new Promise<void>(() => {});
        },
      };
    };
    const ses = createSesMailer(runtime.ses, runtime.config);
    let mails = 0;
    const dyingMailer: Mailer = {
      get sent() {
        return ses.sent;
      },
      async send(email) {
        mails += 1;
        const out = await ses.send(email);
        if (mails === 2) {
          stuck += 1;
          await new Promise<void>(() => {});
        }
        return out;
      },
    };
    const senders: Senders = {
      slack: dying(stand.senders.slack!, true),
      telegram: dying(stand.senders.telegram!, false),
    };
    void runCoopNotify(runtime, { senders, mailer: dyingMailer, timer });
    // Stuck: COPS, CBRAZIL (Slack, after accepting), 700 (Telegram, before), the second email.
    await vi.waitFor(() => expect(stuck).toBe(4), { timeout: 20_000 });

    // Within the lease, a run leaves the dead run's claims alone and tells the rest.
    advance(5 * 60_000);
    const within = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(within.skipped).toBeGreaterThanOrEqual(4);
    expect(within.cursor <= NOW).toBe(true);

    // After the lease: taken over. On Slack the history says they were posted: marked, not repeated.
    advance(CLAIM_LEASE_MS);
    const after = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(after).toMatchObject({ recovered: 2, failed: 0 });
    expect([...slackCounts(stand).keys()].sort()).toEqual(expectedSlack(ids));
    expect([...slackCounts(stand).values()].every((n) => n === 1)).toBe(true);
    // Telegram's stuck post never reached the platform: told once, by the later run.
    const telegram = stand.calls.filter((c) => c.channel === '700');
    expect(telegram).toHaveLength(4);
    // The email SES accepted before the run died is sent again: the one window left open (no
    // history to read), as on Telegram (docs/announcements.md measures it).
    expect(await emailsTo('cooperacion@midis.example', ids.peru!)).toHaveLength(3);

    // Nothing lost: every delivery is marked in the store.
    const notices = (await runCoopNotify(runtime, { senders: stand.senders, timer, dryRun: true })).notices;
    expect(notices).toBe(16);
    const final = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(final).toMatchObject({ sent: 0, skipped: 16 });
    const records = await readClaims(runtime.store, [
      coopDeliveryKey(
        {
          via: 'chat',
          key: 'CHAN#telegram#42#700',
          ref: { platform: 'telegram', workspaceId: '42', channelId: '700' },
        },
        `COOP#own#${ids.request}`,
      ),
    ]);
    expect([...records.values()].map((r) => r.state)).toEqual(['sent']);
  });
});

describe('addresses that must not be mailed', () => {
  it('a suppressed contact (a hard bounce, a complaint) gets no email; the others are told', async () => {
    const { advance, runtime, timer, stand } = await scene();
    await suppress(runtime, 'cooperacion@midis.example', 'bounce: permanent');
    const ids = await seedExchange(runtime);
    advance(60_000);
    const run = await runCoopNotify(runtime, { senders: stand.senders, timer });
    expect(run).toMatchObject({ notices: 16, sent: 14, skipped: 2, failed: 0 });
    expect(run.told.filter((t) => t.via === 'email')).toEqual([]);
    expect(await emailsTo('cooperacion@midis.example', ids.peru!)).toEqual([]);
  });
});

describe('a workshop’s file imported in bulk', () => {
  it('is paced as announcements are: five single posts and one batch per channel, a second apart on Slack', async () => {
    const { clock, advance, runtime, timer, stand } = await scene();
    await createEntry(runtime.store, draft('brazil'), { who: 'test', at: clock() });
    // Past the overlap a run re-reads, so that the next run sees the imported requests only.
    advance(31 * 60_000);
    await runCoopNotify(runtime, { senders: stand.senders, timer });
    stand.calls.length = 0;
    // 20 requests for a social registry from 20 institutions of Honduras, each with its email.
    const rows = Array.from({ length: 20 }, (_, i) => ({
      ...DRAFTS.request,
      origin: undefined,
      ref: `WS-${i + 1}`,
      contact: `registro${i + 1}@sedesol.example`,
    }));
    const imported = await importEntries(runtime.store, rows, { who: 'cli:ana', at: clock() });
    expect(imported.ok).toBe(true);
    advance(60_000);
    const run = await runCoopNotify(runtime, { senders: stand.senders, timer });
    // 20 requesters (own), Brazil 20 times (counterpart), the admin channel 20 times.
    expect(run).toMatchObject({ entries: 20, notices: 60, sent: 60, failed: 0 });
    const perChannel = (channel: string) => stand.calls.filter((c) => c.channel === channel);
    for (const channel of ['COPS', 'CBRAZIL']) {
      const calls = perChannel(channel);
      expect(calls).toHaveLength(6);
      // The sixth message batches the other 15: "…and 7 more" after the first eight.
      expect(String(calls[5]!.params.text)).toMatch(/15/);
      for (let i = 1; i < calls.length; i += 1)
        expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    }
    // Each requester's own email, one each.
    const emails = (await services.sentEmails()).filter((e) =>
      e.destination.to.some((to) => /registro\d+@sedesol\.example/.test(to)),
    );
    expect(emails).toHaveLength(20);
    expect(new Set(emails.map((e) => e.destination.to[0])).size).toBe(20);
  });
});
