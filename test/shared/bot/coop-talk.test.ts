import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerIssues } from '#shared/bot/coop-talk.js';
import { TALK_TTL_SECONDS } from '#shared/bot/coop-talk-state.js';
import { exampleOf, fieldsFor, TALK_WORDS } from '#shared/bot/coop-talk-words.js';
import type { ChatContext } from '#shared/bot/core.js';
import { createConsoleChat } from '#shared/chat/console.js';
import { BOT_LANGUAGES, MESSAGES } from '#shared/chat/i18n.js';
import { parseIntent } from '#shared/chat/intent.js';
import { COOP_KINDS } from '#shared/coop/entry.js';
import { importEntries } from '#shared/coop/exchange.js';
import { listAllEntries } from '#shared/coop/store.js';
import type { Runtime } from '#shared/runtime/runtime.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { coreFor, recordingPorts } from './fixtures.js';

/**
 * The guided offer and request in the console (`iaspn chat`) and the command core every face
 * without forms uses: one step a message, a bad answer re-asked with the reason and the closest
 * value, optional steps skipped, cancel at any step, a summary confirmed before saving, the state
 * in the table (expiry, two messages racing on one step, two "yes" at once).
 */

let services: TestServices;
let runtime: Runtime;
let now = new Date('2026-12-01T10:00:00Z');

beforeAll(async () => {
  services = await startTestServices({ ses: false });
  runtime = await services.newRuntime({}, () => now);
  const imported = await importEntries(runtime.store, [...set.offers, ...set.requests.slice(0, 5)], {
    who: 'test',
    at: now,
  });
  expect(imported.ok).toBe(true);
}, 60_000);
afterAll(() => services?.close());

let n = 0;
/** A console member in a chat of their own (each test its own, so conversations do not meet). */
function member(): ChatContext {
  n += 1;
  return {
    channel: { platform: 'console', workspaceId: 'local', channelId: `chat-${n}` },
    user: { platform: 'console', workspaceId: 'local', userId: `ana-${n}` },
    conversation: 'direct',
    canManageChannel: async () => true,
    isRelayAdmin: false,
  };
}

const core = () => coreFor(runtime, recordingPorts(runtime).ports);
const console = (ctx = member()) => createConsoleChat(core(), ctx);
const entriesFrom = async (ctx: ChatContext) =>
  (await listAllEntries(runtime.store)).filter((e) => e.origin?.address === ctx.channel.channelId);

describe('request, step by step in the console', () => {
  it('asks one step at a time, re-asks a bad answer with the reason and the closest, skips optional steps, confirms, saves with its origin and shows the best matches', async () => {
    const ctx = member();
    const chat = console(ctx);
    const first = await chat.say('request');
    expect(first).toContain('== New request, step 1 of 9: Title ==');
    expect(first).toContain('For example: Building an integrated social registry');
    // Every step says that what is typed goes to the conversation, and how to leave it.
    expect(first).toContain('what you type here answers this step; "cancel" drops it');

    const empty = await chat.say('   ');
    expect(empty).toMatch(/^The answer is empty\./);
    expect(empty).toContain('step 1 of 9: Title');

    expect(await chat.say('Building an integrated social registry')).toContain('step 2 of 9: Summary');
    expect(await chat.say('We need help linking the household data of five ministries.')).toContain(
      'step 3 of 9: Topics',
    );
    const topic = await chat.say('focalizacoin, social registries');
    expect(topic).toMatch(/^"focalizacoin" is no topic I know\. Did you mean Targeting/);
    expect(topic).toContain('Try this step again:');
    expect(topic).toContain('step 3 of 9: Topics');
    expect(await chat.say('targeting, registros sociales')).toContain('step 4 of 9: Country');
    const country = await chat.say('Hondura');
    expect(country).toContain('step 4 of 9: Country');
    expect(country).toMatch(/"Hondura" is no country I know\. Did you mean Honduras/);
    await chat.say('Honduras');
    await chat.say('Secretaría de Desarrollo Social');
    const contact = await chat.say('registro@sedesol.gob.hn');
    expect(contact).toContain('step 7 of 9: Modalities');
    expect(contact).toContain('Optional: "skip" leaves it out.');
    expect(await chat.say('skip')).toContain('step 8 of 9: Languages');
    const notSkipped = await chat.say('skip');
    expect(notSkipped).toMatch(/^This step is needed: it cannot be skipped\./);
    expect(await chat.say('Spanish')).toContain('step 9 of 9: Time frame');

    const summary = await chat.say('first half of 2027');
    expect(summary).toContain('== Your request, to check ==');
    expect(summary).toContain('Country: Honduras');
    expect(summary).toContain('7. Modalities: —');
    expect(summary).toContain('3. Topics: Targeting systems, Social registries and information systems');
    expect(summary).toContain(
      'Save it? "yes" saves it; to change an answer, type its number or its name (for example "3" or "topics"); "cancel" drops it.',
    );
    expect(await entriesFrom(ctx)).toEqual([]);
    expect(await chat.say('maybe')).toMatch(
      /^Answer "yes" to save it, a number or a name to change that answer, or "cancel" to drop it\./,
    );

    const saved = await chat.say('yes');
    const [entry] = await entriesFrom(ctx);
    expect(entry).toMatchObject({
      kind: 'request',
      status: 'open',
      title: 'Building an integrated social registry',
      topics: ['targeting', 'social-registries'],
      country: 'HN',
      modalities: [],
      languages: ['es'],
      timeFrame: 'first half of 2027',
      origin: { face: 'console', address: ctx.channel.channelId, language: 'en' },
      history: [{ change: 'created', by: `console:${ctx.user.userId}` }],
    });
    expect(saved).toContain(`Saved: request ${entry!.id}, open.`);
    expect(saved).toContain('Best matches so far:');
    expect(saved).toMatch(/1\. O-\w{6} · /);
    // The conversation is over: the next message is a command again.
    expect(await chat.say('requests country:honduras')).toContain(entry!.id);
  });
});

/** A request's answers, one a step, every one good. */
const answers = [
  'Building an integrated social registry',
  'We need help linking the household data of five ministries.',
  'targeting',
  'Honduras',
  'Secretaría de Desarrollo Social',
  'registro@sedesol.gob.hn',
  'skip',
  'Spanish',
  'first half of 2027',
];

/** An offer's first six answers, in Spanish, every one good. */
const ofertaHastaElContacto = [
  'Cómo Juntos verifica las corresponsabilidades',
  'Mostramos cómo se verifica la asistencia a salud y escuela.',
  'transferencias condicionadas',
  'Perú',
  'Programa Juntos, MIDIS',
  'cooperacion@juntos.gob.pe',
];

describe('correcting one answer at the summary', () => {
  it('"no" asks which answer to change; a number re-asks that step alone and comes back to the summary', async () => {
    const ctx = member();
    const chat = console(ctx);
    await chat.say('request');
    for (const answer of answers) await chat.say(answer);
    const which = await chat.say('no');
    expect(which).toMatch(
      /^Which answer do you want to change\? Type its number \(1–9\) or its name, for example "3" or "topics"\./,
    );
    expect(which).toContain('4. Country: Honduras');
    expect(await entriesFrom(ctx)).toEqual([]);
    const step = await chat.say('4');
    expect(step).toContain('step 4 of 9: Country');
    expect(step).toContain('Now: Honduras');
    // A bad answer is re-asked as on the way in.
    expect(await chat.say('Guatemal')).toMatch(/"Guatemal" is no country I know\. Did you mean Guatemala/);
    const back = await chat.say('Guatemala');
    expect(back).toContain('== Your request, to check ==');
    expect(back).toContain('4. Country: Guatemala');
    expect(back).toContain('3. Topics: Targeting systems');
    // By its name, in either language: an optional step may be skipped again.
    expect(await chat.say('modalidades')).toContain('step 7 of 9: Modalities');
    expect(await chat.say('workshop')).toContain('7. Modalities: workshop');
    await chat.say('yes');
    const [entry] = await entriesFrom(ctx);
    expect(entry).toMatchObject({ country: 'GT', modalities: ['workshop'], topics: ['targeting'] });
  });

  it('en español: "no", luego el nombre del campo, y "cancelar" aún lo descarta todo', async () => {
    const ctx = member();
    const chat = console(ctx);
    await chat.say('ofrecer');
    for (const answer of [...ofertaHastaElContacto, 'omitir']) await chat.say(answer);
    const resumen = await chat.say('español');
    expect(resumen).toContain(
      '¿La guardo? "sí" la guarda; para cambiar una respuesta, escriba su número o su nombre (por ejemplo "3" o "temas"); "cancelar" la descarta.',
    );
    expect(await chat.say('no')).toMatch(
      /^¿Qué respuesta quiere cambiar\? Escriba su número \(1–8\) o su nombre, por ejemplo "3" o "temas"\./,
    );
    expect(await chat.say('9')).toMatch(/^¿Qué respuesta quiere cambiar\? Escriba su número \(1–8\)/);
    const paso = await chat.say('temas');
    expect(paso).toContain('paso 3 de 8: Temas');
    expect(paso).toContain('Ahora: transferencias condicionadas');
    expect(await chat.say('focalización')).toContain('3. Temas: Sistemas de focalización');
    expect(await chat.say('cancelar')).toBe('Cancelado: la oferta no se guardó.');
    expect(await entriesFrom(ctx)).toEqual([]);
  });
});

describe('the contact step', () => {
  it.each([
    [
      'en',
      'request',
      'Ana Pérez, social registry team',
      'Enter an email address like name@example.org.',
      'step 6 of 9: Contact',
    ],
    [
      'es',
      'solicitar',
      'Ana Pérez',
      'Escriba una dirección de correo como nombre@ejemplo.org.',
      'paso 6 de 9: Contacto',
    ],
  ])(
    "in %s refuses what is not an email address, with the web form's words",
    async (_lang, command, typed, refusal, step) => {
      const chat = console();
      await chat.say(command);
      for (const answer of answers.slice(0, 5)) await chat.say(answer);
      const refused = await chat.say(typed);
      expect(refused.startsWith(refusal)).toBe(true);
      expect(refused).toContain(step);
      expect(await chat.say('registro@sedesol.gob.hn')).not.toContain(step);
    },
  );
});

describe('ofrecer, paso a paso en español', () => {
  it('habla en español, y "cancelar" en cualquier paso lo descarta sin guardar nada', async () => {
    const ctx = member();
    const chat = console(ctx);
    const first = await chat.say('ofrecer');
    expect(first).toContain('== Nueva oferta, paso 1 de 8: Título ==');
    expect(first).toContain('Por ejemplo: Cómo Juntos verifica las corresponsabilidades');
    expect(first).toContain('"cancelar" lo descarta (no se guarda nada)');
    await chat.say('Cómo Juntos verifica las corresponsabilidades');
    await chat.say('Mostramos cómo se verifica la asistencia a salud y escuela.');
    const tema = await chat.say('focalizacoin');
    expect(tema).toMatch(/^"focalizacoin" no es un tema que conozca\. ¿Quiso decir Sistemas de focalización/);
    expect(tema).toContain('paso 3 de 8: Temas');
    // "ayuda" shows the step again and keeps the answers.
    expect(await chat.say('ayuda')).toContain('paso 3 de 8: Temas');
    expect(await chat.say('transferencias condicionadas')).toContain('paso 4 de 8: País');
    const pais = await chat.say('Perúu');
    expect(pais).toMatch(/^"Perúu" no es un país que conozca\. ¿Quiso decir Perú/);
    expect(await chat.say('cancelar')).toBe('Cancelado: la oferta no se guardó.');
    expect(await entriesFrom(ctx)).toEqual([]);
    expect(await chat.say('ofertas pais:peru')).toContain('Ofertas abiertas');
  });

  it('dice que la modalidad no existe y propone la más cercana, y guarda con "sí"', async () => {
    const ctx = member();
    const chat = console(ctx);
    await chat.say('ofrecer');
    for (const answer of ofertaHastaElContacto) await chat.say(answer);
    const bad = await chat.say('telepatía');
    expect(bad).toMatch(
      /^"telepatía" no es una modalidad que conozca \(visita técnica, taller, .*\)\. La más cercana: /,
    );
    expect(bad).toContain('paso 7 de 8: Modalidades');
    await chat.say('visita técnica, intercambio virtual');
    const resumen = await chat.say('español');
    expect(resumen).toContain('Modalidades: visita técnica, intercambio virtual');
    expect(resumen).toContain('País: Perú');
    expect(resumen).toContain('Idiomas: español');
    const saved = await chat.say('sí');
    const [entry] = await entriesFrom(ctx);
    expect(saved).toContain(`Guardada: oferta ${entry!.id}, abierta.`);
    expect(entry).toMatchObject({
      kind: 'offer',
      country: 'PE',
      modalities: ['technical-visit', 'virtual-exchange'],
      origin: { face: 'console', language: 'es' },
    });
  });
});

describe('the conversation in the table', () => {
  it('expires when abandoned: after the TTL a message is a command again', async () => {
    const ctx = member();
    const chat = console(ctx);
    await chat.say('offer');
    const started = now;
    try {
      now = new Date(started.getTime() + (TALK_TTL_SECONDS + 1) * 1000);
      const after = await chat.say('offers country:chile');
      expect(after).toContain('Open offers');
      expect(after).not.toContain('step 2 of 8');
    } finally {
      now = started;
    }
  });

  it('takes one of two answers racing on one step; the other is told, and the step moves once', async () => {
    const ctx = member();
    await core().handleText(ctx, 'offer');
    const [a, b] = await Promise.all([
      core().handleText(ctx, 'First title'),
      core().handleText(ctx, 'Second title'),
    ]);
    const summaries = [a.summary, b.summary].sort();
    expect(summaries).toEqual([
      'Another answer to this step arrived at the same moment and was taken first.',
      'New offer, step 2 of 8: Summary',
    ]);
    const next = await core().handleText(ctx, 'A summary');
    expect(next.summary).toBe('New offer, step 3 of 8: Topics');
  });

  it('saves one entry when two "yes" arrive at once', async () => {
    const ctx = member();
    const c = core();
    await c.handleText(ctx, 'offer');
    for (const answer of ['Title', 'Summary', 'cash transfers', 'Chile', 'MDSF', 'a@b.cl', 'skip', 'Spanish'])
      await c.handleText(ctx, answer);
    const replies = await Promise.all([c.handleText(ctx, 'yes'), c.handleText(ctx, 'yes')]);
    expect(replies.map((r) => r.summary).sort()).toEqual(
      [
        expect.stringMatching(/^Saved: offer O-\w{6}, open\./),
        'That conversation has already ended (saved, cancelled or expired).',
      ].sort(),
    );
    expect(await entriesFrom(ctx)).toHaveLength(1);
  });
});

describe('the help', () => {
  it.each(BOT_LANGUAGES)(
    'in %s lists offer and request, and its example starts the conversation',
    async (lang) => {
      const m = MESSAGES[lang];
      const help = await console().say(lang === 'es' ? 'ayuda' : 'help');
      for (const c of ['offer', 'request'] as const) expect(help).toContain(`${m.help.commands[c].usage}: `);
      const examples = m.help.examples.filter((e) => ['offer', 'request'].includes(parseIntent(e).command));
      expect(examples.length).toBeGreaterThan(0);
      for (const example of examples) {
        const chat = console();
        expect(await chat.say(example)).toMatch(
          lang === 'es' ? /paso 1 de \d: Título/ : /step 1 of \d: Title/,
        );
        expect(await chat.say(lang === 'es' ? 'cancelar' : 'cancel')).toMatch(/^(Cancelled|Cancelado)/);
      }
    },
  );
});

describe('the steps’ examples', () => {
  it.each(BOT_LANGUAGES)('in %s are answers the draft validation accepts', (lang) => {
    for (const kind of COOP_KINDS)
      for (const field of fieldsFor(kind))
        expect(
          answerIssues(kind, field, exampleOf(TALK_WORDS[lang].fields[field], kind)),
          `${kind} ${field}`,
        ).toEqual([]);
  });
});
