import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackFace } from '#shared/bot/faces.js';
import { importEntries } from '#shared/coop/exchange.js';
import { listAllEntries } from '#shared/coop/store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { modalProblems } from '../../helpers/block-kit.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import {
  coreFor,
  httpEvent,
  type Recorded,
  recordingPorts,
  signSlack,
  startRecorder,
} from '../bot/fixtures.js';

/**
 * `offer` / `request` on Slack, through the real Bolt app over signed requests and the local Slack
 * stand-in: the slash command and the global shortcuts open a modal with their trigger; the modal's
 * fields go through the draft validation, a refusal comes back on its fields with the reason and
 * the closest value (nothing saved), a good one is saved with its origin and confirmed in the
 * member's messages with its id and best matches.
 */

const SECRET = 'coop-signing-secret';
const MODAL = 'iaspn:coop-form';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as Slack receives it
type Block = Record<string, any>;

let services: TestServices;
let runtime: Runtime;
let api: Awaited<ReturnType<typeof startRecorder>>;
const clock = () => new Date('2026-12-01T12:00:00Z');
/** Triggers the stand-in refuses, as Slack does a trigger older than 3 seconds. */
const expired = new Set<string>();

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  // The local Slack stand-in: UES… write from a Spanish locale.
  api = await startRecorder((call) => {
    const id = String(call.params.user ?? '');
    if (call.method === 'users.info')
      return { body: { ok: true, user: { id, locale: id.startsWith('UES') ? 'es-ES' : 'en-US' } } };
    if (call.method === 'views.open' && expired.has(String(call.params.trigger_id)))
      return { body: { ok: false, error: 'expired_trigger_id' } };
    return { body: { ok: true, user_id: 'UBOT', bot_id: 'BBOT', ts: '1.1' } };
  });
  runtime = await services.newRuntime(
    { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: 'xoxb-coop', SLACK_API_URL: `${api.url}/api/` },
    clock,
  );
  await importEntries(runtime.store, [...set.offers, ...set.requests.slice(0, 5)], {
    who: 'test',
    at: clock(),
  });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await services?.close();
});

const face = () => createSlackFace(runtime, { core: coreFor(runtime, recordingPorts(runtime).ports) });

let n = 0;
async function send(body: string, contentType: string) {
  const ts = String(Math.floor(clock().getTime() / 1000));
  const before = api.calls.length;
  const f = face();
  const res = await f.handler(
    httpEvent(body, {
      'content-type': contentType,
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signSlack(SECRET, ts, body),
    }),
  );
  await f.idle();
  expect(res.statusCode).toBe(200);
  return { answer: res.body ? (JSON.parse(res.body) as Block) : undefined, calls: api.calls.slice(before) };
}
const interaction = (payload: Record<string, unknown>) =>
  send(
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    'application/x-www-form-urlencoded',
  );
const opened = (calls: Recorded[]) =>
  calls.find((c) => c.method === 'views.open')?.params as { trigger_id: string; view: Block } | undefined;

function slash(user: string, channel: string, text: string, trigger = `trigger-${++n}`) {
  const body = new URLSearchParams({
    team_id: 'T1',
    user_id: user,
    channel_id: channel,
    channel_name: 'general',
    command: '/iaspn',
    text,
    trigger_id: trigger,
    response_url: `${api.url}/response/${n}`,
  });
  return send(body.toString(), 'application/x-www-form-urlencoded');
}

/** Submits the modal as Slack would: each field's block and action id is its name. */
function submit(user: string, view: Block, values: Record<string, string>) {
  n += 1;
  const state: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const block of view.blocks as Block[])
    state[block.block_id] = {
      [block.block_id]: { type: 'plain_text_input', value: values[block.block_id] ?? null },
    };
  return interaction({
    type: 'view_submission',
    team: { id: 'T1' },
    user: { id: user, team_id: 'T1' },
    api_app_id: 'A1',
    trigger_id: `trigger-${n}`,
    view: { ...view, id: `V${n}`, team_id: 'T1', state: { values: state } },
  });
}

const good = {
  title: 'Cadastro-style registry for small islands',
  summary: 'We need help designing a social registry shared by the ministries of a small island state.',
  topics: 'social registries, targeting',
  country: 'Saint Lucia',
  institution: 'Ministry of Equity, Saint Lucia',
  contact: 'equity@gov.lc',
  modalities: 'virtual exchange',
  languages: 'English',
  timeFrame: '2027',
};

describe('offer / request on Slack: a modal', () => {
  it('opens the form with the slash command’s trigger, in the member’s language, within the modal limits', async () => {
    const en = await slash('U1', 'C1', 'offer', 'trigger-en');
    const view = opened(en.calls);
    expect(view?.trigger_id).toBe('trigger-en');
    expect(view?.view).toMatchObject({
      type: 'modal',
      callback_id: MODAL,
      title: { text: 'New offer' },
      submit: { text: 'Save' },
    });
    expect(modalProblems(view!.view)).toEqual([]);
    expect(view!.view.blocks.map((b: Block) => b.block_id)).toEqual([
      'title',
      'summary',
      'topics',
      'country',
      'institution',
      'contact',
      'modalities',
      'languages',
    ]);
    // Acknowledged empty: the form is the answer.
    expect(en.answer).toBeUndefined();

    const es = opened((await slash('UES1', 'C1', 'solicitar')).calls)!.view;
    expect(es).toMatchObject({ title: { text: 'Nueva solicitud' }, submit: { text: 'Guardar' } });
    expect(es.blocks.at(-1)).toMatchObject({
      block_id: 'timeFrame',
      optional: true,
      label: { text: 'Plazo' },
    });
    expect(es.blocks[2].element.placeholder.text).toBe('transferencias condicionadas, focalización');
  });

  it('shows every refusal on its field with the reason and the closest value, and saves nothing', async () => {
    const view = opened((await slash('U2', 'C1', 'request')).calls)!.view;
    const before = (await listAllEntries(runtime.store)).length;
    const refused = await submit('U2', view, {
      ...good,
      title: '',
      topics: 'focalizacoin, social registries',
      country: 'Saint Luciaa',
      modalities: 'telepathy',
    });
    expect(refused.answer).toEqual({
      response_action: 'errors',
      errors: {
        title: 'The answer is empty.',
        topics: expect.stringMatching(/^"focalizacoin" is no topic I know\. Did you mean Targeting systems/),
        country: '"Saint Luciaa" is no country I know. Did you mean Saint Lucia?',
        modalities: expect.stringMatching(
          /^"telepathy" is no modality I know \(technical visit, workshop, .*\)\. The closest: /,
        ),
      },
    });
    expect((await listAllEntries(runtime.store)).length).toBe(before);
    expect(refused.calls.filter((c) => c.method === 'chat.postMessage')).toEqual([]);

    const es = opened((await slash('UES2', 'C1', 'ofrecer')).calls)!.view;
    const rechazada = await submit('UES2', es, { ...good, languages: 'klingon', contact: '' });
    expect(rechazada.answer?.errors).toEqual({
      contact: 'La respuesta está vacía.',
      languages: expect.stringMatching(/^"klingon" no es un idioma que conozca\./),
    });
    // The contact is an email address, as on the web form, refused in its words.
    const es3 = opened((await slash('UES3', 'C1', 'ofrecer')).calls)!.view;
    const sinCorreo = await submit('UES3', es3, { ...good, contact: 'Ana Pérez' });
    expect(sinCorreo.answer?.errors).toEqual({
      contact: 'Escriba una dirección de correo como nombre@ejemplo.org.',
    });
    expect((await listAllEntries(runtime.store)).length).toBe(before);
  });

  it('saves a good form with its origin and sends the id and best matches to the member’s messages', async () => {
    const view = opened((await slash('U3', 'C1', 'request')).calls)!.view;
    const saved = await submit('U3', view, good);
    expect(saved.answer).toBeUndefined();
    const entry = (await listAllEntries(runtime.store)).find((e) => e.origin?.address === 'U3')!;
    expect(entry).toMatchObject({
      kind: 'request',
      country: 'LC',
      topics: ['social-registries', 'targeting'],
      modalities: ['virtual-exchange'],
      timeFrame: '2027',
      origin: { face: 'slack', address: 'U3', language: 'en' },
      history: [{ change: 'created', by: 'slack:U3' }],
    });
    const posted = saved.calls.find((c) => c.method === 'chat.postMessage')!.params as Block;
    expect(posted.channel).toBe('U3');
    expect(posted.text).toBe(`Saved: request ${entry.id}, open. Others in the Network see it in "requests".`);
    expect(JSON.stringify(posted.blocks)).toContain('Best matches so far:');
    expect(JSON.stringify(posted.blocks)).toMatch(/1\. O-\w{6} · /);
  });

  it('opens the form from the global shortcuts too (declared in the app manifest)', async () => {
    const manifest = readFileSync(new URL('../../../infra/slack-manifest.yaml', import.meta.url), 'utf8');
    for (const id of ['iaspn:offer', 'iaspn:request']) expect(manifest).toContain(`callback_id: ${id}`);
    const { calls } = await interaction({
      type: 'shortcut',
      callback_id: 'iaspn:offer',
      trigger_id: 'trigger-shortcut',
      team: { id: 'T1' },
      user: { id: 'UES3', team_id: 'T1' },
      api_app_id: 'A1',
    });
    const view = opened(calls)!;
    expect(view.trigger_id).toBe('trigger-shortcut');
    expect(view.view.title.text).toBe('Nueva oferta');
  });

  it('answers with a button that opens the form when the trigger has expired, or in a direct message', async () => {
    expired.add('trigger-late');
    const late = await slash('U4', 'C1', 'offer', 'trigger-late');
    const button = late.answer?.blocks
      .flatMap((b: Block) => (b.type === 'actions' ? b.elements : []))
      .find((e: Block) => e.text.text === 'Open the offer form');
    expect(late.answer?.text).toBe('Press the button to fill in your offer in a form.');
    expect(button.value).toBe('form.en:offer');

    const pressed = await interaction({
      type: 'block_actions',
      team: { id: 'T1' },
      user: { id: 'U4', team_id: 'T1' },
      api_app_id: 'A1',
      trigger_id: 'trigger-press',
      channel: { id: 'DU4' },
      container: { type: 'message' },
      response_url: `${api.url}/response/press`,
      actions: [
        { action_id: button.action_id, block_id: 'b', type: 'button', value: button.value, action_ts: '1' },
      ],
    });
    const view = opened(pressed.calls)!;
    expect(view.trigger_id).toBe('trigger-press');
    expect(view.view.callback_id).toBe(MODAL);

    // A direct message has no trigger: the same button.
    const dm = await send(
      JSON.stringify({
        team_id: 'T1',
        api_app_id: 'A1',
        type: 'event_callback',
        event_id: 'EvCoopDm',
        event: {
          type: 'message',
          channel: 'DU5',
          channel_type: 'im',
          user: 'UES5',
          text: 'solicitar',
          ts: '5.1',
        },
      }),
      'application/json',
    );
    const posted = dm.calls.find((c) => c.method === 'chat.postMessage')!.params as Block;
    expect(posted.text).toBe('Pulse el botón para completar su solicitud en un formulario.');
    expect(JSON.stringify(posted.blocks)).toContain('form.es:request');
  });
});
