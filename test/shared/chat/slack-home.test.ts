import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFace } from '#shared/bot/faces.js';
import { listBookmarks, listFollows, userLanguage } from '#shared/follows/state.js';
import { blockKitProblems, modalProblems } from '../../helpers/block-kit.js';
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

/**
 * The Slack App Home, driven through the real Bolt app over signed requests: each follow with
 * Unfollow, each bookmark with Remove, the language switch and the follow form (a modal whose
 * refusals show on their field), every press changing the state and re-publishing the Home.
 */

const SECRET = 'home-signing-secret';
const FORM = 'iaspn:follow-form';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as Slack receives it
type Block = Record<string, any>;

let services: TestServices;
let api: Awaited<ReturnType<typeof startRecorder>>;
const clock = () => new Date('2025-06-01T12:00:00Z');

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  // The local Slack stand-in: UADMIN is a workspace admin, UES… write from a Spanish locale,
  // every channel was created by UCREATOR (so U1 manages none).
  api = await startRecorder((call) => {
    const id = String(call.params.user ?? '');
    if (call.method === 'users.info')
      return {
        body: {
          ok: true,
          user: { id, is_admin: id === 'UADMIN', locale: id.startsWith('UES') ? 'es-ES' : 'en-US' },
        },
      };
    if (call.method === 'conversations.info')
      return { body: { ok: true, channel: { id: call.params.channel, creator: 'UCREATOR' } } };
    return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', ts: '1.1' } };
  });
});
afterAll(async () => {
  await api?.close();
  await services?.close();
});

async function setup() {
  const runtime = await services.newRuntime(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-home', SLACK_API_URL: `${api.url}/api/` },
    clock,
  );
  await seedLibrary(runtime, testLibrary());
  const face = createSlackFace(runtime, { core: coreFor(runtime, recordingPorts(runtime).ports) });
  return { runtime, slack: slackClient(face) };
}

/** Signed requests to the face, and the Web API calls each one made. */
function slackClient(face: ReturnType<typeof createSlackFace>) {
  let n = 0;
  async function send(body: string, contentType: string) {
    const ts = String(Math.floor(clock().getTime() / 1000));
    const before = api.calls.length;
    const res = await face.handler(
      httpEvent(body, {
        'content-type': contentType,
        'x-slack-request-timestamp': ts,
        'x-slack-signature': signSlack(SECRET, ts, body),
      }),
    );
    await face.idle();
    expect(res.statusCode).toBe(200);
    return { body: res.body ? (JSON.parse(res.body) as Block) : undefined, calls: api.calls.slice(before) };
  }
  const interaction = (payload: Record<string, unknown>) =>
    send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
    );
  const published = (calls: Recorded[]) =>
    (
      calls.filter((c) => c.method === 'views.publish').at(-1)?.params as
        | { view: { blocks: Block[] } }
        | undefined
    )?.view.blocks;
  return {
    async slash(user: string, channel: string, text: string) {
      n += 1;
      const form = { team_id: 'T1', user_id: user, channel_id: channel, command: '/iaspn', text };
      const body = new URLSearchParams({
        ...form,
        channel_name: channel.startsWith('D') ? 'directmessage' : 'general',
        response_url: `${api.url}/response/${n}`,
      });
      return (await send(body.toString(), 'application/x-www-form-urlencoded')).body;
    },
    /** Opens the member's App Home: the blocks published. */
    async open(user: string) {
      n += 1;
      const event = { type: 'app_home_opened', user, channel: `D${user}`, tab: 'home', event_ts: `${n}.1` };
      const body = { team_id: 'T1', api_app_id: 'A1', type: 'event_callback', event_id: `Ev${n}`, event };
      return published((await send(JSON.stringify(body), 'application/json')).calls)!;
    },
    /** Presses a button of the Home: the Home published after it and every call made. */
    async press(user: string, value: string) {
      n += 1;
      const { calls } = await interaction({
        type: 'block_actions',
        team: { id: 'T1' },
        user: { id: user, team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${n}`,
        container: { type: 'view', view_id: 'VHOME' },
        view: { type: 'home', id: 'VHOME' },
        actions: [{ action_id: 'iaspn:0:0', block_id: 'b', type: 'button', value, action_ts: `${n}` }],
      });
      return { home: published(calls), calls, trigger: `trigger-${n}` };
    },
    /** Submits the follow form: Slack's answer to the submission and the Home published after it. */
    async submit(user: string, fields: { channel?: string; text: string }) {
      n += 1;
      const { body, calls } = await interaction({
        type: 'view_submission',
        team: { id: 'T1' },
        user: { id: user, team_id: 'T1' },
        api_app_id: 'A1',
        trigger_id: `trigger-${n}`,
        view: {
          id: `VFORM${n}`,
          type: 'modal',
          team_id: 'T1',
          callback_id: FORM,
          state: {
            values: {
              channel: {
                channel: { type: 'conversations_select', selected_conversation: fields.channel ?? null },
              },
              filter: { filter: { type: 'plain_text_input', value: fields.text } },
            },
          },
        },
      });
      return { answer: body, home: published(calls) };
    },
  };
}

const text = (blocks: Block[] = []) => JSON.stringify(blocks);
/** The Home's buttons by label: label → value. */
const buttons = (blocks: Block[]) =>
  blocks
    .flatMap((b) => [b.accessory, ...(b.type === 'actions' ? b.elements : [])])
    .filter((e) => e?.type === 'button')
    .map((e) => ({ label: String(e.text.text), value: String(e.value) }));
/** The Home's follow lines (a section each, its Unfollow beside it). */
const followLines = (blocks: Block[], unfollow: string) =>
  blocks
    .filter((b) => b.type === 'section' && b.accessory?.text?.text === unfollow)
    .map((b) => ({ line: String(b.text.text), value: String(b.accessory.value) }));

/** A resource of the test library, to bookmark. */
const resourceId = testLibrary()[0]!.id;

describe('the Slack App Home', () => {
  it('lists each follow with Unfollow, each bookmark with Remove, the language switch and a follow button, within Block Kit limits in both languages', async () => {
    const { slack } = await setup();
    await slack.slash('UADMIN', 'C3', 'follow topic:cash-transfers');
    await slack.slash('U1', 'DU1', 'follow type:video');
    await slack.slash('UOTHER', 'DUOTHER', 'follow type:audio');
    await slack.slash('U1', 'DU1', `bookmark ${resourceId}`);
    await slack.slash('UES1', 'DUES1', `guardar ${resourceId}`);

    const home = await slack.open('U1');
    expect(blockKitProblems(home, 100)).toEqual([]);
    const follows = followLines(home, 'Unfollow');
    // The channel's follow, and the member's own direct-message follow; never another member's.
    expect(follows.map((f) => f.line)).toEqual([
      expect.stringMatching(/^#C3 [0-9a-f]{6}: .*cash transfers/i),
      expect.stringMatching(/^#DU1 [0-9a-f]{6}: .*video/i),
    ]);
    expect(text(home)).not.toContain('DUOTHER');
    const labels = buttons(home).map((b) => b.label);
    expect(labels).toEqual(expect.arrayContaining(['Español', 'Remove', 'Follow something in a channel']));

    const inSpanish = await slack.open('UES1');
    expect(blockKitProblems(inSpanish, 100)).toEqual([]);
    expect(followLines(inSpanish, 'Dejar de seguir').map((f) => f.line)).toEqual([
      expect.stringMatching(/^#C3 /),
    ]);
    expect(buttons(inSpanish).map((b) => b.label)).toEqual(
      expect.arrayContaining(['English', 'Quitar', 'Seguir algo en un canal']),
    );
    expect(text(inSpanish)).not.toMatch(/Unfollow|Remove|Follow something|Your bookmarks/);
  });

  it("Unfollow goes through the unfollow command's rules: a channel's admins only, a direct message's own member", async () => {
    const { runtime, slack } = await setup();
    await slack.slash('UADMIN', 'C3', 'follow topic:cash-transfers');
    await slack.slash('U1', 'DU1', 'follow type:video');
    const c3 = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C3' };
    const dm = { ...c3, channelId: 'DU1' };
    const [channelFollow, ownFollow] = followLines(await slack.open('U1'), 'Unfollow');

    // U1 neither administers the workspace nor created C3: refused, said on top of the Home.
    const refused = await slack.press('U1', channelFollow!.value);
    expect(refused.home![0]!.text.text).toBe(
      'Only admins of this channel or group can change what it follows or its language.',
    );
    expect(await listFollows(runtime.store, c3)).toHaveLength(1);

    const adminHome = await slack.open('UADMIN');
    const [adminsView] = followLines(adminHome, 'Unfollow');
    const removed = await slack.press('UADMIN', adminsView!.value);
    expect(await listFollows(runtime.store, c3)).toEqual([]);
    expect(removed.home![0]!.text.text).toMatch(/^Follow [0-9a-f]{6} removed\.$/);
    expect(followLines(removed.home!, 'Unfollow').map((f) => f.line)).toEqual([]);

    const own = await slack.press('U1', ownFollow!.value);
    expect(await listFollows(runtime.store, dm)).toEqual([]);
    expect(followLines(own.home!, 'Unfollow')).toEqual([]);
    expect(text(own.home)).toContain('No channel in this workspace follows anything yet');
  });

  it('Remove takes a bookmark away and the language switch turns the Home to the other language and back', async () => {
    const { runtime, slack } = await setup();
    await slack.slash('U1', 'DU1', `bookmark ${resourceId}`);
    const user = { platform: 'slack' as const, workspaceId: 'T1', userId: 'U1' };
    const home = await slack.open('U1');
    const remove = buttons(home).find((b) => b.label === 'Remove')!;
    const afterRemove = await slack.press('U1', remove.value);
    expect(await listBookmarks(runtime.store, user)).toEqual([]);
    expect(afterRemove.home![0]!.text.text).toMatch(/^Removed from your bookmarks: /);
    expect(text(afterRemove.home)).toContain('You have no bookmarks yet');

    const toSpanish = await slack.press('U1', buttons(home).find((b) => b.label === 'Español')!.value);
    expect(await userLanguage(runtime.store, user)).toBe('es');
    expect(toSpanish.home![0]!.text.text).toBe('Le responderé en español.');
    expect(text(toSpanish.home)).toContain('Le respondo en español. Cámbielo:');
    const toEnglish = await slack.press(
      'U1',
      buttons(toSpanish.home!).find((b) => b.label === 'English')!.value,
    );
    expect(await userLanguage(runtime.store, user)).toBe('en');
    expect(text(toEnglish.home)).toContain('I reply to you in English. Change it:');
  });

  it('opens the follow form in the member language, within the modal limits', async () => {
    const { slack } = await setup();
    for (const [user, title, submit] of [
      ['U1', 'Follow in a channel', 'Follow'],
      ['UES1', 'Seguir en un canal', 'Seguir'],
    ] as const) {
      const add = buttons(await slack.open(user)).find((b) => /Follow something|Seguir algo/.test(b.label))!;
      const pressed = await slack.press(user, add.value);
      const opened = pressed.calls.find((c) => c.method === 'views.open')!.params as {
        trigger_id: string;
        view: Block;
      };
      expect(opened.trigger_id).toBe(pressed.trigger);
      expect(opened.view).toMatchObject({
        type: 'modal',
        callback_id: FORM,
        title: { text: title },
        submit: { text: submit },
      });
      expect(modalProblems(opened.view)).toEqual([]);
      // Opening a form publishes nothing.
      expect(pressed.home).toBeUndefined();
    }
  });

  it('refuses what the filter language refuses on the field, with the suggestion, and saves nothing', async () => {
    const { runtime, slack } = await setup();
    const c5 = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C5' };
    const typo = await slack.submit('UADMIN', { channel: 'C5', text: 'topic:cash-transferz' });
    expect(typo.answer).toEqual({
      response_action: 'errors',
      errors: {
        filter: expect.stringMatching(
          /^Nothing was saved\. "cash-transferz": no such topic\. Did you mean .*\(topic:[a-z-]+\)\?/,
        ),
      },
    });
    expect(typo.home).toBeUndefined();
    const spanish = await slack.submit('UES1', { channel: 'C5', text: 'tema:zzz' });
    expect(spanish.answer?.errors.filter).toMatch(/^No se guardó nada\. "zzz": no hay ningún tema/);
    const noChannel = await slack.submit('UADMIN', { text: 'type:video' });
    expect(noChannel.answer?.errors).toEqual({ channel: 'Choose the channel to post in.' });
    const dated = await slack.submit('UADMIN', { channel: 'C5', text: 'topic:health since:2025' });
    expect(dated.answer?.errors.filter).toMatch(/^Nothing was saved: since: and before:/);
    // U1 may not change C5's follows: said on the channel field.
    const notAdmin = await slack.submit('U1', { channel: 'C5', text: 'type:video' });
    expect(notAdmin.answer?.errors).toEqual({
      channel: 'Only admins of this channel or group can change what it follows or its language.',
    });
    expect(await listFollows(runtime.store, c5)).toEqual([]);
  });

  it('saves a follow from the form as the follow command does and re-publishes the Home with it', async () => {
    const { runtime, slack } = await setup();
    const c5 = { platform: 'slack' as const, workspaceId: 'T1', channelId: 'C5' };
    const saved = await slack.submit('UADMIN', {
      channel: 'C5',
      text: 'topic:"cash transfers" country:peru',
    });
    expect(saved.answer).toBeUndefined();
    const [follow] = await listFollows(runtime.store, c5);
    expect(follow).toMatchObject({ filter: { countries: ['PE'] }, createdBy: 'UADMIN' });
    expect(follow!.filter.topics).toHaveLength(1);
    // The same words typed as a command make the same follow (one filter, one id).
    await slack.slash('UADMIN', 'C5', 'follow topic:"cash transfers" country:peru');
    expect(await listFollows(runtime.store, c5)).toEqual([follow]);
    expect(saved.home![0]!.text.text).toMatch(
      new RegExp(
        `^This conversation now follows .* \\(follow ${follow!.followId}\\)\\. New resources will be posted here\\.\\n`,
      ),
    );
    expect(followLines(saved.home!, 'Unfollow').map((f) => f.line)).toEqual([
      expect.stringMatching(new RegExp(`^#C5 ${follow!.followId}: `)),
    ]);
    expect(blockKitProblems(saved.home!, 100)).toEqual([]);
  });
});
