import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer } from '#cli/local/http-server.js';
import { localRoutes } from '#cli/local/routes.js';
import { createSlackFace } from '#shared/bot/faces.js';
import type { BotPorts } from '#shared/bot/ports.js';
import {
  DEFERRED_SLACK_ACTION,
  DEFERRED_SLACK_COMMAND,
  DEFERRED_SLACK_HOME,
  DEFERRED_SLACK_MESSAGE,
  type DeferredSlackCommand,
  type DeferredSlackWork,
  type DeferSlackWork,
} from '#shared/chat/slack/deferred.js';
import { slackLambdaEntry, verifySlackSignature } from '#shared/chat/slack/http.js';
import { type InvokeClient, lambdaDeferral } from '#shared/chat/slack/lambda-deferral.js';
import { listFollows } from '#shared/follows/state.js';
import { feedToItem, newFeedHealth } from '#shared/library/registry.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import type { SearchService } from '#shared/search/types.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  coreFor,
  httpEvent,
  type Recorded,
  recordingPorts,
  seedLibrary,
  signSlack,
  startRecorder,
  testLibrary,
} from '../bot/fixtures.js';

const SECRET = 'test-signing-secret';
// Slack's documented example (api.slack.com "Verifying requests from Slack").
const DOC = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as Slack receives it, checked field by field below
type Block = Record<string, any>;
interface SlackResponse {
  response_type?: string;
  text?: string;
  blocks?: Block[];
  replace_original?: boolean;
}

let services: TestServices;
let api: Awaited<ReturnType<typeof startRecorder>>;
let now = new Date('2025-06-01T12:00:00Z');
const clock = () => new Date(now);

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  api = await startRecorder((call) => {
    switch (call.method) {
      case 'users.info': {
        const id = String(call.params.user);
        return {
          body: {
            ok: true,
            user: { id, is_admin: id === 'UADMIN', locale: id.startsWith('UES') ? 'es-ES' : 'en-US' },
          },
        };
      }
      case 'conversations.info':
        return { body: { ok: true, channel: { id: call.params.channel, creator: 'UCREATOR' } } };
      case 'auth.test':
        return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
      default:
        return { body: { ok: true, ts: '1.1' } };
    }
  });
});
afterAll(async () => {
  await api?.close();
  await services?.close();
});

async function setup(
  options: {
    search?: SearchService;
    ackDeadlineMs?: number;
    commandBudgetMs?: number;
    deferWork?: DeferSlackWork;
  } = {},
) {
  now = new Date('2025-06-01T12:00:00Z');
  const runtime = await services.newRuntime(
    {
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: `${api.url}/api/`,
      IASPN_ADMIN_IDS: 'slack:UADMIN',
    },
    clock,
  );
  await seedLibrary(runtime, testLibrary());
  const recording = recordingPorts(runtime);
  const ports: BotPorts = options.search ? { ...recording.ports, search: options.search } : recording.ports;
  const face = createSlackFace(runtime, {
    core: coreFor(runtime, ports),
    ackDeadlineMs: options.ackDeadlineMs,
    commandBudgetMs: options.commandBudgetMs,
    deferWork: options.deferWork,
  });
  return { runtime, face, subscriptions: recording.subscriptions };
}

type Face = Awaited<ReturnType<typeof setup>>['face'];

function signed(face: Face, body: string, contentType: string, extra: Record<string, string> = {}) {
  const ts = String(Math.floor(clock().getTime() / 1000));
  return face.handler(
    httpEvent(body, {
      'content-type': contentType,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlack(SECRET, ts, body),
      ...extra,
    }),
  );
}

let responseCounter = 0;
async function slash(
  face: Face,
  text: string,
  who: { user?: string; channel?: string; channelName?: string } = {},
): Promise<SlackResponse> {
  responseCounter += 1;
  const body = new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: who.channel ?? 'D1',
    channel_name: who.channelName ?? (who.channel?.startsWith('C') ? 'general' : 'directmessage'),
    user_id: who.user ?? 'U1',
    user_name: 'member',
    command: '/iaspn',
    text,
    response_url: `${api.url}/response/${responseCounter}`,
    trigger_id: '1.2.3',
  }).toString();
  const res = await signed(face, body, 'application/x-www-form-urlencoded');
  await face.idle();
  expect(res.statusCode).toBe(200);
  return res.body ? (JSON.parse(res.body) as SlackResponse) : {};
}

async function press(
  face: Face,
  value: string,
  who: { user?: string; channel?: string; home?: boolean } = {},
) {
  responseCounter += 1;
  const responseUrl = `${api.url}/response/${responseCounter}`;
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: who.user ?? 'U1', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'x',
    container: { type: who.home ? 'view' : 'message' },
    trigger_id: '1.2.3',
    ...(who.home
      ? { view: { type: 'home', id: 'V1' } }
      : { channel: { id: who.channel ?? 'D1' }, response_url: responseUrl }),
    actions: [{ action_id: 'iaspn:0:0', block_id: 'b', type: 'button', value, action_ts: '1' }],
  };
  const before = api.calls.length;
  const res = await signed(
    face,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
  await face.idle();
  expect(res.statusCode).toBe(200);
  const path = `/response/${responseCounter}`;
  return api.calls.slice(before).filter((c) => (who.home ? c.method === 'views.publish' : c.path === path));
}

async function event(
  face: Face,
  eventBody: Record<string, unknown>,
  eventId: string,
  extra: Record<string, string> = {},
) {
  const body = JSON.stringify({
    token: 'x',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(clock().getTime() / 1000),
    event: eventBody,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
  const before = api.calls.length;
  const res = await signed(face, body, 'application/json', extra);
  await face.idle();
  return { res, calls: api.calls.slice(before) };
}

/** An app mention by U1 in channel C9. */
const mentionOf = (text: string, ts: string) => ({
  type: 'app_mention',
  user: 'U1',
  text,
  channel: 'C9',
  ts,
  event_ts: ts,
});

const allText = (blocks: Block[] = []) => JSON.stringify(blocks);
const buttonValues = (blocks: Block[] = []) =>
  blocks
    .flatMap((b) => [b.accessory?.value, ...(b.elements ?? []).map((e: Block) => e.value)])
    .filter(Boolean) as string[];
const moreButton = (blocks: Block[] = []) =>
  blocks
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Block[])
    .find((e) => /More|Más/.test(e.text.text));

function expectWithinLimits(blocks: Block[] = []) {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const b of blocks) {
    if (b.type === 'section') expect(b.text.text.length).toBeLessThanOrEqual(3000);
    if (b.type === 'header') expect(b.text.text.length).toBeLessThanOrEqual(150);
    if (b.type === 'context') for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(3000);
  }
}

describe('Slack request signatures', () => {
  it("verifies Slack's documented example with the clock set to its timestamp", () => {
    const base = {
      signingSecret: DOC.secret,
      timestamp: DOC.timestamp,
      signature: DOC.signature,
      rawBody: DOC.body,
    };
    expect(verifySlackSignature({ ...base, now: new Date(Number(DOC.timestamp) * 1000) })).toBe(true);
    expect(verifySlackSignature({ ...base, now: new Date((Number(DOC.timestamp) + 299) * 1000) })).toBe(true);
  });

  it('refuses stale, future, forged and tampered requests', () => {
    const base = {
      signingSecret: DOC.secret,
      timestamp: DOC.timestamp,
      signature: DOC.signature,
      rawBody: DOC.body,
    };
    const at = (s: number) => new Date((Number(DOC.timestamp) + s) * 1000);
    expect(verifySlackSignature({ ...base, now: at(301) })).toBe(false);
    expect(verifySlackSignature({ ...base, now: at(-301) })).toBe(false);
    expect(verifySlackSignature({ ...base, now: at(0), signature: `${DOC.signature.slice(0, -1)}0` })).toBe(
      false,
    );
    expect(verifySlackSignature({ ...base, now: at(0), rawBody: `${DOC.body}&x=1` })).toBe(false);
    expect(verifySlackSignature({ ...base, now: at(0), signature: undefined })).toBe(false);
  });

  it('answers 200 to the documented request through the Bolt path and 401 when stale, future or forged', async () => {
    const { runtime } = await setup();
    const face = createSlackFace(
      {
        ...runtime,
        config: { ...runtime.config, slack: { ...runtime.config.slack, signingSecret: DOC.secret } },
      },
      { core: coreFor(runtime, recordingPorts(runtime).ports) },
    );
    const request = (signature: string) =>
      face.handler(
        httpEvent(DOC.body, {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': DOC.timestamp,
          'x-slack-signature': signature,
        }),
      );
    now = new Date(Number(DOC.timestamp) * 1000);
    expect((await request(DOC.signature)).statusCode).toBe(200);
    expect((await request(`v0=${'0'.repeat(64)}`)).statusCode).toBe(401);
    now = new Date((Number(DOC.timestamp) + 6 * 60) * 1000);
    expect((await request(DOC.signature)).statusCode).toBe(401);
    now = new Date((Number(DOC.timestamp) - 6 * 60) * 1000);
    expect((await request(DOC.signature)).statusCode).toBe(401);
  });

  it('answers the url_verification challenge once signed', async () => {
    const { face } = await setup();
    const res = await signed(
      face,
      JSON.stringify({ type: 'url_verification', challenge: 'abc123', token: 'x' }),
      'application/json',
    );
    expect(JSON.parse(res.body ?? '{}')).toEqual({ challenge: 'abc123' });
  });
});

describe('Slack slash command /iaspn', () => {
  let face: Face;
  let subscriptions: Awaited<ReturnType<typeof setup>>['subscriptions'];
  let runtime: Runtime;
  beforeEach(async () => {
    ({ face, subscriptions, runtime } = await setup());
  });

  it('decodes a base64 body as UTF-8: café survives the whole path', async () => {
    const out = await slash(face, 'search café');
    expect(out.text).toContain('café');
  });

  it('searches, pages with the More button and bookmarks with the result button (English)', async () => {
    const first = await slash(face, 'search cash transfers');
    expect(first.response_type).toBe('ephemeral');
    expect(first.text).toMatch(/^Results 1–5 of \d+ for "cash transfers"/);
    expectWithinLimits(first.blocks);
    const more = moreButton(first.blocks);
    expect(Buffer.byteLength(more!.value)).toBeLessThanOrEqual(64);
    const paged = await press(face, more!.value);
    const page2 = paged.find((c) => c.path.startsWith('/response/'))!.params as SlackResponse;
    expect(page2.replace_original).toBe(true);
    expect(page2.text).toMatch(/^Results 6–10 of/);

    const bookmark = buttonValues(first.blocks).find((v) => /^b[.:]/.test(v))!;
    const toast = await press(face, bookmark);
    expect(String(toast[0]!.params.text)).toMatch(/^Bookmarked: /);
    const again = await press(face, bookmark);
    expect(String(again[0]!.params.text)).toMatch(/^Already in your bookmarks/);
    const list = await slash(face, 'bookmarks');
    expect(list.text).toBe('Your bookmarks (1)');
    const removed = await slash(face, 'unbookmark 1');
    expect(removed.text).toMatch(/^Removed from your bookmarks/);
    expect((await slash(face, 'bookmarks')).text).toMatch(/no bookmarks yet/);
  });

  it('answers in Spanish to Spanish commands: buscar, recientes, marcadores, paginación', async () => {
    const first = await slash(face, 'buscar transferencias monetarias');
    expect(first.text).toMatch(/^Resultados 1–5 de \d+ para/);
    const more = moreButton(first.blocks)!;
    expect(more.text.text).toBe('Más resultados');
    const page2 = (await press(face, more.value)).find((c) => c.path.startsWith('/response/'))!
      .params as SlackResponse;
    expect(page2.text).toMatch(/^Resultados 6–10/);
    const bookmark = buttonValues(first.blocks).find((v) => /^b[.:]/.test(v))!;
    await slash(face, 'idioma es');
    const toast = await press(face, bookmark);
    expect(String(toast[0]!.params.text)).toMatch(/^Guardado: /);
    expect((await slash(face, 'marcadores')).text).toBe('Sus marcadores (1)');
    expect((await slash(face, 'desmarcar 1')).text).toMatch(/^Quitado de sus marcadores/);
    expect((await slash(face, 'recientes')).text).toMatch(/^Recursos recientes \(1–5\)/);
  });

  it('latest shows the newest resources, with filters', async () => {
    const out = await slash(face, 'latest type:news');
    expect(out.text).toBe('Latest resources (1–5)');
    expect(allText(out.blocks)).toContain('Filters: type: News');
  });

  it('suggests a broader query when nothing matches', async () => {
    const out = await slash(face, 'search zzzqqqxxy');
    expect(allText(out.blocks)).toContain('Try fewer words');
    const es = await slash(face, 'buscar zzzqqqxxy');
    expect(allText(es.blocks)).toContain('Pruebe con menos palabras');
  });

  it('lets only channel admins or the channel creator change follows, in both languages', async () => {
    const channel = { channel: 'C42' };
    expect((await slash(face, 'follow topic:cash-transfers', { ...channel, user: 'U1' })).text).toMatch(
      /Only admins/,
    );
    expect((await slash(face, 'seguir topic:cash-transfers', { ...channel, user: 'U1' })).text).toMatch(
      /Solo los administradores/,
    );
    const followed = await slash(face, 'follow topic:cash-transfers country:colombia', {
      ...channel,
      user: 'UADMIN',
    });
    expect(followed.response_type).toBe('in_channel');
    const id = /follow ([0-9a-f]{6})/.exec(followed.text!)![1]!;
    expect((await slash(face, 'seguir type:document', { ...channel, user: 'UCREATOR' })).text).toMatch(
      /^Esta conversación ahora sigue tipo: Documento/,
    );
    const following = await slash(face, 'following', channel);
    expect(allText(following.blocks)).toContain(
      `${id}: topic: Conditional cash transfers · country: Colombia`,
    );
    expect(allText((await slash(face, 'siguiendo', channel)).blocks)).toContain('país: Colombia');
    expect((await slash(face, `unfollow ${id}`, { ...channel, user: 'U1' })).text).toMatch(/Only admins/);
    expect((await slash(face, `dejar ${id}`, { ...channel, user: 'UADMIN' })).text).toBe(
      `Seguimiento ${id} eliminado.`,
    );
    expect((await slash(face, `unfollow ${id}`, { ...channel, user: 'UADMIN' })).text).toMatch(
      /There is no follow/,
    );
  });

  it('starts a digest subscription, in English and Spanish', async () => {
    expect((await slash(face, 'subscribe ana@example.org topic:cash-transfers daily')).text).toMatch(
      /confirmation link to ana@example.org/,
    );
    expect((await slash(face, 'suscribir luis@example.org semanal')).text).toMatch(/^Casi listo/);
    expect(subscriptions).toEqual([
      {
        email: 'ana@example.org',
        language: 'en',
        frequency: 'daily',
        filter: { topics: ['conditional-cash-transfers'] },
        source: 'slack:T1:U1',
      },
      { email: 'luis@example.org', language: 'es', frequency: 'weekly', filter: {}, source: 'slack:T1:U1' },
    ]);
    expect((await slash(face, 'subscribe not-an-email')).text).toMatch(/^Usage: subscribe/);
  });

  it('sets the language per member and per channel; the default follows the Slack locale', async () => {
    expect((await slash(face, 'help', { user: 'UES1' })).text).toMatch(/^Busco en la biblioteca/);
    expect((await slash(face, 'lang es')).text).toBe('Le responderé en español.');
    expect((await slash(face, 'help')).text).toMatch(/^Busco/);
    expect((await slash(face, 'idioma en')).text).toBe('I will reply to you in English.');
    expect((await slash(face, 'lang es', { channel: 'C7', user: 'U1' })).text).toMatch(/Only admins/);
    expect((await slash(face, 'lang es', { channel: 'C7', user: 'UADMIN' })).text).toMatch(
      /Esta conversación recibirá/,
    );
    expect((await slash(face, 'help', { channel: 'C7', user: 'U1' })).text).toMatch(/^Busco/);
  });

  it('shows feed health to relay admins only', async () => {
    const health = { ...newFeedHealth(), consecutiveFailures: 3, lastErrorKind: 'timeout' as const };
    await runtime.store.put(
      feedToItem({
        id: 'midis-noticias',
        partnerId: 'midis-pe',
        url: 'https://midis.example/rss',
        defaultTopics: [],
        defaultCountries: [],
        status: 'active',
        health,
        createdAt: '2025-01-01T00:00:00Z',
      }),
    );
    expect((await slash(face, 'feeds')).text).toMatch(/Only relay admins/);
    expect((await slash(face, 'fuentes')).text).toMatch(/Solo los administradores del relay/);
    const feeds = await slash(face, 'feeds', { user: 'UADMIN' });
    expect(feeds.text).toBe('1 feed, 1 failing or paused');
    expect(allText(feeds.blocks)).toContain('3 failures in a row (timeout)');
    const status = await slash(face, 'feed status midis-pe', { user: 'UADMIN' });
    expect(status.text).toMatch(/^Ministerio de Desarrollo e Inclusión Social \(Perú\): 1 feed\b/);
    expect((await slash(face, 'fuente estado nadie', { user: 'UADMIN' })).text).toMatch(
      /No hay ningún socio/,
    );
  });

  it('gives help in both languages', async () => {
    expect(allText((await slash(face, 'help')).blocks)).toContain('search &lt;words&gt;');
    expect(allText((await slash(face, 'ayuda')).blocks)).toContain('buscar &lt;palabras&gt;');
    expect(allText((await slash(face, 'help', { user: 'UADMIN' })).blocks)).toContain(
      'feed status &lt;partner&gt;',
    );
  });

  it('keeps hostile feed text inert and within the limits', async () => {
    const out = await slash(face, 'search hostile');
    const text = allText(out.blocks);
    expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<@U999|<a href|<https:\/\/evil\.example\|Click/);
    expect(text).toContain('&lt;!channel&gt;');
    expectWithinLimits(out.blocks);
    const card = out.blocks!.find((b) => b.type === 'section' && b.text.text.includes('Hostile'))!;
    expect(card.text.text).toMatch(/^\*<https:\/\/evil\.example\/a\?x=1&amp;y=%3C2%3E%7C"3"\|Hostile/);
  });
});

describe('Slack events, buttons and the App Home', () => {
  it('answers an app mention once, even when Slack retries the event', async () => {
    const { face } = await setup();
    const mention = mentionOf('<@UBOT> search cash transfers', '1.1');
    const first = await event(face, mention, 'Ev1');
    expect(first.res.statusCode).toBe(200);
    const posted = first.calls.find((c) => c.method === 'chat.postEphemeral')!;
    expect(posted.params).toMatchObject({ channel: 'C9', user: 'U1' });
    expect(String(posted.params.text)).toMatch(/^Results 1–5/);
    const retry = await event(face, mention, 'Ev1', {
      'x-slack-retry-num': '1',
      'x-slack-retry-reason': 'http_timeout',
    });
    expect(retry.res.statusCode).toBe(200);
    expect(retry.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('answers direct messages and ignores bot messages', async () => {
    const { face } = await setup();
    const dm = await event(
      face,
      { type: 'message', channel_type: 'im', channel: 'D5', user: 'U1', text: 'ayuda', ts: '2.2' },
      'Ev2',
    );
    const posted = dm.calls.find((c) => c.method === 'chat.postMessage')!;
    expect(posted.params.channel).toBe('D5');
    expect(String(posted.params.text)).toMatch(/^Busco/);
    const bot = await event(
      face,
      { type: 'message', channel_type: 'im', channel: 'D5', bot_id: 'B1', text: 'help', ts: '3.3' },
      'Ev3',
    );
    expect(bot.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
  });

  it('publishes the App Home with the latest, your bookmarks and the workspace follows', async () => {
    const { face } = await setup();
    await slash(face, 'follow topic:cash-transfers', { channel: 'C3', user: 'UADMIN' });
    const opened = await event(
      face,
      { type: 'app_home_opened', user: 'U1', channel: 'D1', tab: 'home', event_ts: '4.4' },
      'Ev4',
    );
    const view = opened.calls.find((c) => c.method === 'views.publish')!.params as {
      user_id: string;
      view: { type: string; blocks: Block[] };
    };
    expect(view.user_id).toBe('U1');
    expect(view.view.type).toBe('home');
    const headers = view.view.blocks.filter((b) => b.type === 'header').map((b) => b.text.text);
    expect(headers).toEqual([
      'I reply to you in English. Change it:',
      'Latest in the library',
      'Your bookmarks',
      "This workspace's follows",
    ]);
    expect(allText(view.view.blocks)).toContain('#C3');
    expectWithinLimits(view.view.blocks);
    // A bookmark pressed in the Home tab re-publishes it with the bookmark listed.
    const [language, bookmark] = buttonValues(view.view.blocks);
    const calls = await press(face, bookmark!, { home: true });
    const republished = calls.filter((c: Recorded) => c.method === 'views.publish').at(-1)!.params as {
      view: { blocks: Block[] };
    };
    expect(allText(republished.view.blocks)).toContain('Remove');
    // The language button (Español) changes the member's language and re-publishes the Home in it.
    const changed = (await press(face, language!, { home: true }))
      .filter((c: Recorded) => c.method === 'views.publish')
      .at(-1)!.params as { view: { blocks: Block[] } };
    expect(allText(changed.view.blocks)).toContain('Le respondo en español');
    expect(allText(changed.view.blocks)).toContain('Quitar');
  });

  it('acknowledges within the deadline even when the answer is slow, then responds', async () => {
    const { runtime } = await setup();
    const { search: slow, release } = heldSearch(runtime);
    const { face: slowFace } = await setup({ search: slow, ackDeadlineMs: 50, commandBudgetMs: 20 });
    const res = await sendSlash(slowFace, 'search cash', '/response/slow');
    // The HTTP answer came back while the search was still held at the gate.
    expect(res.statusCode).toBe(200);
    expect(api.calls.some((c) => c.path === '/response/slow')).toBe(false);
    release();
    await slowFace.idle();
    const later = api.calls.find((c) => c.path === '/response/slow')!;
    expect(String(later.params.text)).toMatch(/^Results 1–5/);
  });
});

/** A search service whose searches wait until `release()`: a command late for its ack. */
function heldSearch(runtime: Runtime) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const real = recordingPorts(runtime).ports.search;
  const search: SearchService = {
    search: async (request) => {
      await gate;
      return real.search(request);
    },
    latest: (...args) => real.latest(...args),
    partners: () => real.partners(),
  };
  return { search, release };
}

/** A search service that waits at a gate only while `hold()` is in force, until `release()`. */
function gatedSearch(runtime: Runtime) {
  let gate: Promise<void> | undefined;
  let open = () => {};
  const real = recordingPorts(runtime).ports.search;
  const search: SearchService = {
    search: async (request) => {
      await gate;
      return real.search(request);
    },
    latest: async (...args) => {
      await gate;
      return real.latest(...args);
    },
    partners: () => real.partners(),
  };
  return {
    search,
    hold() {
      gate = new Promise<void>((resolve) => {
        open = resolve;
      });
    },
    release() {
      gate = undefined;
      open();
    },
  };
}

const slashBody = (text: string, responsePath: string) =>
  new URLSearchParams({
    token: 'x',
    team_id: 'T1',
    channel_id: 'D1',
    channel_name: 'directmessage',
    user_id: 'U1',
    command: '/iaspn',
    text,
    response_url: `${api.url}${responsePath}`,
  }).toString();

const CLAIM_ID = '6f1c2a9e-3b4d-4e5f-8a7b-1c2d3e4f5a6b';

const sendSlash = (face: Face, text: string, responsePath: string) =>
  signed(face, slashBody(text, responsePath), 'application/x-www-form-urlencoded');

describe('Slack work after the acknowledgement on Lambda (deferred runs)', () => {
  async function deferringSetup(
    options: { search?: (runtime: Runtime) => SearchService; commandBudgetMs?: number } = {},
  ) {
    const deferred: DeferredSlackWork[] = [];
    const { runtime } = await setup();
    const held = heldSearch(runtime);
    const { face, subscriptions } = await setup({
      search: options.search?.(runtime) ?? held.search,
      ackDeadlineMs: (options.commandBudgetMs ?? 20) + 30,
      commandBudgetMs: options.commandBudgetMs ?? 20,
      // The recorder copies the event through JSON, as Lambda's invoke payload does.
      deferWork: async (work) => {
        deferred.push(JSON.parse(JSON.stringify(work)));
      },
    });
    return {
      face,
      deferred,
      subscriptions,
      release: held.release,
      entry: slackLambdaEntry(face.handler, face.runDeferred),
    };
  }
  const callsTo = (path: string) => api.calls.filter((c) => c.path === path);

  it('acks a search held past its budget at once and delivers the answer from the deferred run', async () => {
    const { face, deferred, release, entry } = await deferringSetup();
    const res = await sendSlash(face, 'search cash', '/response/deferred');
    // Answered while the search was still held: an empty acknowledgement, the command handed over.
    expect(res.statusCode).toBe(200);
    expect(res.body ?? '').toBe('');
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({
      kind: DEFERRED_SLACK_COMMAND,
      command: { command: '/iaspn', text: 'search cash', team_id: 'T1', user_id: 'U1', channel_id: 'D1' },
    });
    // The abandoned in-process attempt finishes (as a thawed Lambda would) but answers nothing.
    release();
    await face.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo('/response/deferred')).toEqual([]);
    // The asynchronous invocation: the internal event through the Lambda entry, not over HTTP.
    expect(await entry(deferred[0])).toEqual({ statusCode: 200, body: '' });
    const answers = callsTo('/response/deferred');
    expect(answers).toHaveLength(1);
    expect(answers[0]!.params.response_type).toBe('ephemeral');
    expect(String(answers[0]!.params.text)).toMatch(/^Results 1–5/);
  });

  it('answers quick commands in the acknowledgement without deferring them', async () => {
    const { face, deferred } = await deferringSetup({
      search: (runtime) => recordingPorts(runtime).ports.search,
      // Generous here: the first search builds the index, which a busy test machine may take a while for.
      commandBudgetMs: 2000,
    });
    const res = await sendSlash(face, 'search cash', '/response/quick');
    expect(String(JSON.parse(res.body!).text)).toMatch(/^Results 1–5/);
    expect(deferred).toEqual([]);
  });

  it('defers a command that must run once before it starts: one subscription, one answer', async () => {
    const { face, deferred, subscriptions, entry } = await deferringSetup();
    const res = await sendSlash(face, 'subscribe ana@example.org daily', '/response/once');
    await face.idle();
    expect(res.statusCode).toBe(200);
    expect(subscriptions).toEqual([]);
    expect(deferred).toHaveLength(1);
    await entry(deferred[0]);
    expect(subscriptions).toHaveLength(1);
    expect(String(callsTo('/response/once')[0]!.params.text)).toMatch(/confirmation link to ana@example.org/);
  });

  it('continues in-process when the command cannot be handed over', async () => {
    const { runtime } = await setup();
    const held = heldSearch(runtime);
    const { face } = await setup({
      search: held.search,
      ackDeadlineMs: 50,
      commandBudgetMs: 20,
      deferWork: async () => {
        throw new Error('AccessDenied');
      },
    });
    const res = await sendSlash(face, 'search cash', '/response/fallback');
    expect(res.statusCode).toBe(200);
    held.release();
    await face.idle();
    expect(String(callsTo('/response/fallback')[0]!.params.text)).toMatch(/^Results 1–5/);
  });

  it('refuses an HTTP request that pretends to be the internal event, and any other event', async () => {
    const { face, entry } = await deferringSetup({
      search: (runtime) => recordingPorts(runtime).ports.search,
    });
    const internal: DeferredSlackCommand = {
      kind: DEFERRED_SLACK_COMMAND,
      id: CLAIM_ID,
      command: {
        command: '/iaspn',
        text: 'search cash',
        team_id: 'T1',
        user_id: 'U1',
        channel_id: 'D1',
        channel_name: 'directmessage',
        response_url: `${api.url}/response/forged`,
      },
    };
    const json = JSON.stringify(internal);
    // Over HTTP the event is a request like any other: unsigned, it is refused before anything runs.
    expect((await entry(httpEvent(json, { 'content-type': 'application/json' }))).statusCode).toBe(401);
    expect(
      (await entry({ ...httpEvent(json, { 'content-type': 'application/json' }), ...internal })).statusCode,
    ).toBe(401);
    expect((await entry({ ...internal, headers: {} })).statusCode).toBe(401);
    // Signed or not, an HTTP-shaped event never reaches the deferred run, nor does anything inexact.
    expect((await face.runDeferred(httpEvent(json, { 'content-type': 'application/json' }))).statusCode).toBe(
      400,
    );
    expect((await face.runDeferred({ ...internal, requestContext: {} })).statusCode).toBe(400);
    expect((await entry({ ...internal, extra: 1 })).statusCode).toBe(400);
    expect(
      (await entry({ ...internal, command: { ...internal.command, command: '/other' } })).statusCode,
    ).toBe(400);
    expect(
      (await entry({ ...internal, command: { ...internal.command, response_url: 'file:///x' } })).statusCode,
    ).toBe(400);
    expect((await entry({ kind: DEFERRED_SLACK_COMMAND })).statusCode).toBe(400);
    expect((await entry({ ...internal, id: 'not-a-uuid' })).statusCode).toBe(400);
    const { id: _id, ...withoutId } = internal;
    expect((await entry(withoutId)).statusCode).toBe(400);
    expect((await entry(null)).statusCode).toBe(400);
    await face.idle();
    expect(callsTo('/response/forged')).toEqual([]);
  });

  it('hands the command to an asynchronous invocation of the function itself', async () => {
    const sent: { FunctionName?: string; InvocationType?: string; Payload?: Uint8Array }[] = [];
    let status = 202;
    const client: InvokeClient = {
      async send(command) {
        sent.push(command.input as (typeof sent)[number]);
        return { StatusCode: status };
      },
    };
    const defer = lambdaDeferral('iaspn-dev-SlackBot', client);
    const work: DeferredSlackCommand = {
      kind: DEFERRED_SLACK_COMMAND,
      id: CLAIM_ID,
      command: {
        command: '/iaspn',
        text: 'buscar café',
        team_id: 'T1',
        user_id: 'U1',
        channel_id: 'D1',
        channel_name: 'directmessage',
        response_url: 'https://hooks.slack.com/commands/T1/1/x',
      },
    };
    await defer(work);
    expect(sent[0]).toMatchObject({ FunctionName: 'iaspn-dev-SlackBot', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(sent[0]!.Payload))).toEqual(work);
    status = 403;
    await expect(defer(work)).rejects.toThrow(/answered 403/);
  });

  it('hands a mention late for its budget over, drops the late answer and posts once from the deferred run', async () => {
    const { face, deferred, release, entry } = await deferringSetup();
    const mention = mentionOf('<@UBOT> search cash', '5.5');
    const sent = await event(face, mention, 'EvLate');
    expect(sent.res.statusCode).toBe(200);
    // Only what the answer needs travels: no token, no authorizations, no event_id.
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toEqual({
      kind: DEFERRED_SLACK_MESSAGE,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      event: { team: 'T1', user: 'U1', channel: 'C9', direct: false, text: '<@UBOT> search cash', ts: '5.5' },
    });
    release();
    await face.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const chat = () => api.calls.filter((c) => c.method.startsWith('chat.') && c.params.channel === 'C9');
    const before = chat().length;
    expect(sent.calls.filter((c) => c.method.startsWith('chat.'))).toEqual([]);
    expect(await entry(deferred[0])).toEqual({ statusCode: 200, body: '' });
    const posted = chat().slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.method).toBe('chat.postEphemeral');
    expect(posted[0]!.params).toMatchObject({ channel: 'C9', user: 'U1' });
    expect(String(posted[0]!.params.text)).toMatch(/^Results 1–5/);
    // Lambda retrying the asynchronous invocation: the claim makes it run nothing.
    expect(await entry(JSON.parse(JSON.stringify(deferred[0])))).toEqual({ statusCode: 200, body: '' });
    expect(chat().slice(before)).toHaveLength(1);
  });

  it('hands a late direct message and a late App Home open over', async () => {
    const gated = { current: undefined as ReturnType<typeof gatedSearch> | undefined };
    const { face, deferred, entry } = await deferringSetup({
      search: (runtime) => {
        gated.current = gatedSearch(runtime);
        return gated.current.search;
      },
    });
    gated.current!.hold();
    await event(
      face,
      { type: 'message', channel_type: 'im', channel: 'D5', user: 'U1', text: 'latest', ts: '6.6' },
      'EvDm',
    );
    await event(
      face,
      { type: 'app_home_opened', user: 'U1', channel: 'D5', tab: 'home', event_ts: '7.7' },
      'EvHome',
    );
    expect(deferred.map((w) => w.kind)).toEqual([DEFERRED_SLACK_MESSAGE, DEFERRED_SLACK_HOME]);
    expect(deferred[1]).toEqual({
      kind: DEFERRED_SLACK_HOME,
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      home: { team: 'T1', user: 'U1', channel: 'D5' },
    });
    gated.current!.release();
    await face.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const before = api.calls.length;
    for (const work of deferred) expect((await entry(work)).statusCode).toBe(200);
    const after = api.calls.slice(before);
    const dm = after.filter((c) => c.method === 'chat.postMessage');
    expect(dm).toHaveLength(1);
    expect(dm[0]!.params.channel).toBe('D5');
    expect(String(dm[0]!.params.text)).toBe('Latest resources (1–5)');
    expect(after.filter((c) => c.method === 'views.publish')).toHaveLength(1);
  });

  it('hands a late page button over and answers once to its response_url; a retry does nothing', async () => {
    const gated = { current: undefined as ReturnType<typeof gatedSearch> | undefined };
    const { face, deferred, entry } = await deferringSetup({
      search: (runtime) => {
        gated.current = gatedSearch(runtime);
        return gated.current.search;
      },
    });
    // The first page, from the acknowledgement or (on a slow machine) from its deferred run.
    const first = await slash(face, 'search cash transfers');
    let blocks = first.blocks;
    if (!blocks) {
      await entry(deferred.shift());
      blocks = (
        api.calls.filter((c) => c.path === `/response/${responseCounter}`)[0]!.params as SlackResponse
      ).blocks;
    }
    deferred.length = 0;
    const more = moreButton(blocks)!;
    gated.current!.hold();
    const early = await press(face, more.value);
    const path = `/response/${responseCounter}`;
    expect(early).toEqual([]);
    expect(deferred).toEqual([
      {
        kind: DEFERRED_SLACK_ACTION,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        action: {
          team: 'T1',
          user: 'U1',
          channel: 'D1',
          action_id: 'iaspn:0:0',
          value: more.value,
          home: false,
          response_url: `${api.url}${path}`,
        },
      },
    ]);
    gated.current!.release();
    await face.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(callsTo(path)).toEqual([]);
    expect(await entry(deferred[0])).toEqual({ statusCode: 200, body: '' });
    expect(await entry(deferred[0])).toEqual({ statusCode: 200, body: '' });
    const answers = callsTo(path);
    expect(answers).toHaveLength(1);
    expect(answers[0]!.params.replace_original).toBe(true);
    expect(String(answers[0]!.params.text)).toMatch(/^Results 6–10 of/);
  });

  it('hands the Remove button over before it starts: one removal, one answer', async () => {
    const { face, deferred, entry } = await deferringSetup({
      search: (runtime) => recordingPorts(runtime).ports.search,
      commandBudgetMs: 2000,
    });
    const bookmarked = await press(face, 'b:hostile-1');
    expect(deferred).toEqual([]);
    expect(String(bookmarked[0]!.params.text)).toMatch(/^Bookmarked: /);
    expect(await press(face, 'u:hostile-1')).toEqual([]);
    const path = `/response/${responseCounter}`;
    expect(deferred).toHaveLength(1);
    // Nothing removed yet: the bookmark is still listed.
    expect((await slash(face, 'bookmarks')).text).toBe('Your bookmarks (1)');
    await entry(deferred[0]);
    await entry(deferred[0]);
    expect(callsTo(path)).toHaveLength(1);
    expect(String(callsTo(path)[0]!.params.text)).toMatch(/^Removed from your bookmarks/);
    expect((await slash(face, 'bookmarks')).text).toMatch(/no bookmarks yet/);
  });

  it('runs a deferred slash command once when Lambda retries the invocation', async () => {
    const { face, deferred, release, entry } = await deferringSetup();
    await sendSlash(face, 'search cash', '/response/retried');
    release();
    await face.idle();
    expect(deferred).toHaveLength(1);
    const payload = JSON.parse(JSON.stringify(deferred[0]));
    expect((await entry(payload)).statusCode).toBe(200);
    expect((await entry(payload)).statusCode).toBe(200);
    expect(callsTo('/response/retried')).toHaveLength(1);
  });

  it('refuses HTTP requests that pretend to be a deferred message, button press or Home open', async () => {
    const { face, entry } = await deferringSetup({
      search: (runtime) => recordingPorts(runtime).ports.search,
    });
    const message = {
      kind: DEFERRED_SLACK_MESSAGE,
      id: CLAIM_ID,
      event: { team: 'T1', user: 'U1', channel: 'C66', direct: false, text: 'search cash', ts: '1.1' },
    };
    const action = {
      kind: DEFERRED_SLACK_ACTION,
      id: CLAIM_ID,
      action: {
        team: 'T1',
        user: 'U1',
        channel: 'D1',
        action_id: 'iaspn:0:0',
        value: 'b:hostile-1',
        home: false,
        response_url: `${api.url}/response/forged-action`,
      },
    };
    const home = {
      kind: DEFERRED_SLACK_HOME,
      id: CLAIM_ID,
      home: { team: 'T1', user: 'UFORGED', channel: 'D1' },
    };
    const before = api.calls.length;
    for (const internal of [message, action, home]) {
      const json = JSON.stringify(internal);
      const http = httpEvent(json, { 'content-type': 'application/json' });
      expect((await entry(http)).statusCode).toBe(401);
      expect((await entry({ ...http, ...internal })).statusCode).toBe(401);
      expect((await entry({ ...internal, body: json })).statusCode).toBe(401);
      expect((await face.runDeferred(http)).statusCode).toBe(400);
      expect((await face.runDeferred({ ...internal, rawPath: '/slack/events' })).statusCode).toBe(400);
      expect((await entry({ ...internal, extra: 1 })).statusCode).toBe(400);
      expect((await entry({ ...internal, id: 'x' })).statusCode).toBe(400);
    }
    // Nothing beyond the fields the answer needs, each of its type.
    expect((await entry({ ...message, event: { ...message.event, token: 'x' } })).statusCode).toBe(400);
    expect((await entry({ ...message, event: { ...message.event, direct: 'no' } })).statusCode).toBe(400);
    expect(
      (await entry({ ...action, action: { ...action.action, response_url: 'file:///x' } })).statusCode,
    ).toBe(400);
    expect((await entry({ ...action, action: { ...action.action, action_id: 'other' } })).statusCode).toBe(
      400,
    );
    expect((await entry({ ...home, home: { user: 'U1' } })).statusCode).toBe(400);
    await face.idle();
    expect(api.calls.slice(before)).toEqual([]);
  });
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Slack answers under a slow Slack, replays and altered bytes (issue 13)', () => {
  const callsTo = (path: string) => api.calls.filter((c) => c.path === path);

  it('answers every command although auth.test is slow or rate-limited: no Web API call per request', async () => {
    // A Slack of its own, so that only this face's calls are counted. auth.test takes 1.5 s, or
    // answers 429: Bolt's per-request call held every answer past the acknowledgement.
    let authTests = 0;
    const slow = await startRecorder(async (call) => {
      if (call.method !== 'auth.test') return { body: { ok: true, user: { id: 'U1', locale: 'en-US' } } };
      authTests += 1;
      if (authTests % 2 === 0)
        return { status: 429, headers: { 'retry-after': '30' }, body: { ok: false, error: 'ratelimited' } };
      await wait(1500);
      return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1' } };
    });
    try {
      const runtime = await services.newRuntime(
        { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: `${slow.url}/api/` },
        clock,
      );
      const face = createSlackFace(runtime, {
        core: coreFor(runtime, recordingPorts(runtime).ports),
        ackDeadlineMs: 400,
        commandBudgetMs: 300,
      });
      for (const [n, text] of ['help', 'lang en', 'bookmarks'].entries()) {
        const path = `/response/auth-${n}`;
        const res = await signed(
          face,
          slashBody(text, path).replace(api.url, slow.url),
          'application/x-www-form-urlencoded',
        );
        await face.idle();
        const answered = res.body
          ? (JSON.parse(res.body) as SlackResponse).text
          : slow.calls.find((c) => c.path === path)?.params.text;
        expect(String(answered ?? '')).not.toBe('');
      }
      // No auth.test per request (that would be at least one for each of the three): the one of the
      // cold start, asked in the background, and on a loaded machine perhaps the retry the Web API
      // client makes of a call that answered 429 or came back too slowly.
      expect(authTests).toBeLessThan(3);
    } finally {
      await slow.close();
    }
  });

  it('sends the answer of a listener that starts after the deadline to the response_url: a follow is told', async () => {
    const { face, runtime } = await setup({ ackDeadlineMs: 100, commandBudgetMs: 60 });
    // Something before the listener (a slow middleware, a slow platform) takes longer than the deadline.
    face.app.use(async ({ next }) => {
      await wait(150);
      await next();
    });
    const res = await signed(
      face,
      new URLSearchParams({
        team_id: 'T1',
        channel_id: 'C7',
        channel_name: 'general',
        user_id: 'UADMIN',
        command: '/iaspn',
        text: 'follow country:PE',
        response_url: `${api.url}/response/late-follow`,
      }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('');
    await face.idle();
    const told = callsTo('/response/late-follow');
    expect(told).toHaveLength(1);
    expect(String(told[0]!.params.text)).toMatch(/follow/i);
    const follows = await listFollows(runtime.store, {
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C7',
    });
    expect(follows).toHaveLength(1);
  });

  it('sends an acknowledgement that comes after the deadline to the response_url, never nowhere', async () => {
    const { face } = await setup({ ackDeadlineMs: 50, commandBudgetMs: 30 });
    face.app.command('/late', async ({ ack }) => {
      await wait(120);
      await ack({ text: 'late but told' });
    });
    const body = new URLSearchParams({
      team_id: 'T1',
      channel_id: 'D1',
      user_id: 'U1',
      command: '/late',
      text: '',
      response_url: `${api.url}/response/late-ack`,
    }).toString();
    const res = await signed(face, body, 'application/x-www-form-urlencoded');
    expect(res.body).toBe('');
    await face.idle();
    expect(callsTo('/response/late-ack').map((c) => c.params.text)).toEqual(['late but told']);
  });

  it('runs a replayed signed command with an effect once; a replayed search answers again', async () => {
    const { face, subscriptions } = await setup();
    const body = slashBody('subscribe replay@example.org daily', '/response/replay');
    const ts = String(Math.floor(clock().getTime() / 1000));
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlack(SECRET, ts, body),
    };
    const first = await face.handler(httpEvent(body, headers));
    await face.idle();
    // The same bytes and headers, two minutes later: still inside Slack's 5-minute window.
    now = new Date(now.getTime() + 120_000);
    const replay = await face.handler(httpEvent(body, headers));
    await face.idle();
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body ?? '{}').text).toMatch(/confirmation link/);
    expect(replay).toMatchObject({ statusCode: 200, body: '' });
    expect(subscriptions).toHaveLength(1);
    expect(callsTo('/response/replay')).toEqual([]);

    const search = slashBody('search cash', '/response/replay-search');
    const searchHeaders = { ...headers, 'x-slack-signature': signSlack(SECRET, ts, search) };
    for (let i = 0; i < 2; i += 1) {
      const res = await face.handler(httpEvent(search, searchHeaders));
      expect(JSON.parse(res.body ?? '{}').text).toMatch(/^Results/);
    }
  });

  it('checks the signature over the bytes received, not over their decoded text', async () => {
    const { face } = await setup();
    const ts = String(Math.floor(clock().getTime() / 1000));
    // Signed: "text=caf" + U+FFFD (EF BF BD). Sent: "text=caf" + 0xFF, which decodes to the same text.
    const signedText = 'command=%2Fiaspn&team_id=T1&user_id=U1&channel_id=D1&text=caf\uFFFD';
    const sent = Buffer.concat([Buffer.from(signedText.slice(0, -1), 'utf8'), Buffer.from([0xff])]);
    expect(sent.toString('utf8')).toBe(signedText);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlack(SECRET, ts, signedText),
    };
    const altered = { ...httpEvent('', headers), body: sent.toString('base64'), isBase64Encoded: true };
    expect((await face.handler(altered)).statusCode).toBe(401);
    // Bytes signed as they are but not UTF-8 (nothing Slack sends): refused as unreadable.
    const latin1 = Buffer.from('command=%2Fiaspn&team_id=T1&user_id=U1&channel_id=D1&text=caf\xe9', 'latin1');
    const rawSignature = `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:`).update(latin1).digest('hex')}`;
    expect(
      verifySlackSignature({
        signingSecret: SECRET,
        timestamp: ts,
        signature: rawSignature,
        rawBody: latin1,
        now: clock(),
      }),
    ).toBe(true);
    const notUtf8 = {
      ...httpEvent('', { ...headers, 'x-slack-signature': rawSignature }),
      body: latin1.toString('base64'),
      isBase64Encoded: true,
    };
    expect((await face.handler(notUtf8)).statusCode).toBe(400);
  });
});

describe('the local stack route /slack/events', () => {
  it('answers 503 naming the missing variables until Slack is configured, then serves signed requests', async () => {
    const bare = await services.newRuntime();
    const route = (runtime: Runtime) =>
      localRoutes(runtime).find((r) => r.prefix === '/slack/events')!.handler;
    const missing = await route(bare)(
      httpEvent('x=1', { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    expect(missing.statusCode).toBe(503);
    expect(missing.body).toContain('SLACK_SIGNING_SECRET');
    const { runtime } = await setup();
    const body = JSON.stringify({ type: 'url_verification', challenge: 'local', token: 'x' });
    const ts = String(Math.floor(clock().getTime() / 1000));
    const res = await route(runtime)(
      httpEvent(body, {
        'content-type': 'application/json',
        'x-slack-request-timestamp': ts,
        'x-slack-signature': signSlack(SECRET, ts, body),
      }),
    );
    expect(JSON.parse(res.body ?? '{}')).toEqual({ challenge: 'local' });
  });

  it('over the local HTTP server: refuses altered bytes and runs a replayed follow once', async () => {
    const { runtime } = await setup();
    const http = await startHttpServer({ host: '127.0.0.1', port: 0, log: runtime.log });
    http.mount(localRoutes(runtime));
    try {
      const ts = String(Math.floor(clock().getTime() / 1000));
      const post = (body: Uint8Array | string, signedText: string) =>
        fetch(`http://127.0.0.1:${http.port}/slack/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': ts,
            'x-slack-signature': signSlack(SECRET, ts, signedText),
          },
          body,
        });
      // The bytes differ from the signed text but decode to it (0xFF reads as U+FFFD).
      const signedText = `${slashBody('search cash', '/response/local-bytes')}&note=caf\uFFFD`;
      const altered = Buffer.concat([Buffer.from(signedText.slice(0, -1), 'utf8'), Buffer.from([0xff])]);
      expect(altered.toString('utf8')).toBe(signedText);
      expect((await post(altered, signedText)).status).toBe(401);

      const follow = slashBody('follow country:PE', '/response/local-replay');
      const first = await post(follow, follow);
      const replay = await post(follow, follow);
      expect(first.status).toBe(200);
      expect(((await first.json()) as SlackResponse).text).toMatch(/follow/i);
      expect(replay.status).toBe(200);
      expect(await replay.text()).toBe('');
    } finally {
      http.server.close();
    }
  });
});
