import { describe, expect, it } from 'vitest';
import { renderConsole } from '#shared/chat/console.js';
import { CoopMatcher } from '#shared/coop/match.js';
import { noticeEmail, noticeReply } from '#shared/coop/notice-messages.js';
import {
  filterWantsEntry,
  originChannel,
  ownerRecipient,
  type PlannedNotice,
  planMessages,
  planNotices,
} from '#shared/coop/notices.js';
import type { Follow } from '#shared/follows/state.js';
import { entry } from './notify-fixtures.js';

/** Who is told what when offers and requests arrive, and what they read (pure). */

const request = entry('R-HHHHHH', 'request');
const brazil = entry('O-BBBBBB', 'brazil');
const chile = entry('O-CCCCCC', 'chile');
const peru = entry('O-PPPPPP', 'peru');
const jamaica = entry('O-JJJJJJ', 'unrelated');
const ALL = [request, brazil, chile, peru, jamaica];
const ADMIN = { platform: 'slack', workspaceId: 'T0', channelId: 'COPS' } as const;

const follow = (channelId: string, filter: Follow['filter']): Follow => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId,
  channelKey: `CHAN#slack#T1#${channelId}`,
  followId: channelId.toLowerCase(),
  filter,
  createdBy: 'U1',
  createdAt: '2026-11-01T00:00:00.000Z',
});

const plan = (fresh = [request], follows: Follow[] = []) =>
  planNotices({ fresh, matcher: new CoopMatcher(ALL), follows, admin: ADMIN });
const summary = (notices: PlannedNotice[]) =>
  notices.map(
    (n) => `${n.role} ${n.entry.id} → ${n.recipient.key} [${n.matches.map((m) => m.entry.id).join(',')}]`,
  );

describe('who is told of a new request', () => {
  it('the requester its best three, each reachable offering institution, and the admin channel the pairs', () => {
    expect(summary(plan())).toEqual([
      // Written in the Telegram bot: told there. Best first: Chile, Peru, Brazil.
      'own R-HHHHHH → CHAN#telegram#42#700 [O-CCCCCC,O-PPPPPP,O-BBBBBB]',
      // Chile's contact is a phone number: it cannot be told (the admin channel brokers it).
      'counterpart R-HHHHHH → EMAIL#cooperacion@midis.example [O-PPPPPP]',
      'counterpart R-HHHHHH → CHAN#slack#T1#CBRAZIL [O-BBBBBB]',
      'admin R-HHHHHH → CHAN#slack#T0#COPS [O-CCCCCC,O-PPPPPP,O-BBBBBB]',
    ]);
  });

  it('a new offer likewise in reverse: its institution hears of the requests, the requester of the supply', () => {
    expect(summary(plan([brazil]))).toEqual([
      'own O-BBBBBB → CHAN#slack#T1#CBRAZIL [R-HHHHHH]',
      'counterpart O-BBBBBB → CHAN#telegram#42#700 [R-HHHHHH]',
      'admin O-BBBBBB → CHAN#slack#T0#COPS [R-HHHHHH]',
    ]);
  });

  it('an entry nothing fits tells no institution, and a withdrawn one tells nobody', () => {
    expect(plan([jamaica])).toEqual([]);
    expect(plan([{ ...request, status: 'withdrawn' }])).toEqual([]);
  });

  it('a withdrawn or done offer is never proposed', () => {
    const notices = planNotices({
      fresh: [request],
      matcher: new CoopMatcher([
        request,
        brazil,
        { ...chile, status: 'in-progress' },
        { ...peru, status: 'done' },
      ]),
      follows: [],
    });
    expect(summary(notices)).toEqual([
      'own R-HHHHHH → CHAN#telegram#42#700 [O-BBBBBB]',
      'counterpart R-HHHHHH → CHAN#slack#T1#CBRAZIL [O-BBBBBB]',
    ]);
  });

  it('channels that follow a topic of the entry get it, whatever its matches; the writer’s own chat does not', () => {
    const follows = [
      follow('CREG', { topics: ['social-registries'] }),
      follow('CREG', { topics: ['targeting'] }),
      follow('CHN', { topics: ['targeting'], countries: ['HN'] }),
      follow('CPE', { topics: ['targeting'], countries: ['PE'] }),
      follow('CDOCS', { topics: ['social-registries'], types: ['document'] }),
      follow('CBRAZIL', { topics: ['social-registries'] }),
    ];
    const topic = (fresh: typeof ALL) => summary(plan(fresh, follows).filter((n) => n.role === 'topic'));
    expect(topic([request])).toEqual([
      'topic R-HHHHHH → CHAN#slack#T1#CREG []',
      'topic R-HHHHHH → CHAN#slack#T1#CHN []',
      'topic R-HHHHHH → CHAN#slack#T1#CBRAZIL []',
    ]);
    expect(topic([brazil])).toEqual(['topic O-BBBBBB → CHAN#slack#T1#CREG []']);
    expect(topic([jamaica])).toEqual([]);
  });
});

describe('where an institution is reached', () => {
  it('its origin chat, else the email of its origin or its contact, else nowhere', () => {
    expect(originChannel({ face: 'slack', address: 'T9:C42', language: 'en' })).toEqual({
      platform: 'slack',
      workspaceId: 'T9',
      channelId: 'C42',
    });
    expect(originChannel({ face: 'console', address: 'demo', language: 'es' })).toEqual({
      platform: 'console',
      workspaceId: 'local',
      channelId: 'demo',
    });
    expect(
      ownerRecipient({ contact: 'x', origin: { face: 'web', address: 'Ana@Example.org', language: 'es' } }),
    ).toEqual({
      via: 'email',
      key: 'EMAIL#ana@example.org',
      address: 'ana@example.org',
    });
    expect(ownerRecipient({ contact: ' coop@midis.example ' })?.key).toBe('EMAIL#coop@midis.example');
    expect(ownerRecipient({ contact: 'Oficina de cooperación' })).toBeUndefined();
    // An address that hides another is no address (SECURITY.md 28).
    expect(ownerRecipient({ contact: 'x\u0001victim@example.org' })).toBeUndefined();
  });

  it('a follow wants an entry on a topic it names, in its countries and languages, and nothing about the library', () => {
    expect(filterWantsEntry({ topics: ['targeting'] }, request)).toBe(true);
    expect(filterWantsEntry({ topics: ['targeting'], languages: ['en'] }, request)).toBe(false);
    expect(filterWantsEntry({ countries: ['HN'] }, request)).toBe(false);
    expect(filterWantsEntry({ topics: ['targeting'], keywords: 'registro' }, request)).toBe(false);
  });
});

describe('messages, paced as announcements are', () => {
  const notices = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      ...plan([{ ...request, id: `R-${'ABCDEFGHJK'[i]}22222` }]).find((x) => x.role === 'admin')!,
    }));

  it('a chat gets the first five single and the rest in one batch; an email one per role; a channel its section', () => {
    expect(planMessages(notices(12), { via: 'chat', maxSingle: 5 }).map((m) => m.notices.length)).toEqual([
      1, 1, 1, 1, 1, 7,
    ]);
    expect(planMessages(notices(12), { via: 'email', maxSingle: 5 }).map((m) => m.notices.length)).toEqual([
      12,
    ]);
    const topics = plan([request], [follow('CREG', { topics: ['targeting'] })]).filter(
      (n) => n.role === 'topic',
    );
    expect(planMessages([...topics, ...topics], { via: 'chat', maxSingle: 5 })).toHaveLength(1);
  });

  it('the requester reads its best three with why, in its language, with no English in the Spanish', () => {
    const own = plan().find((n) => n.role === 'own')!;
    const es = renderConsole(noticeReply({ role: 'own', notices: [own] }, 'es')).text;
    expect(es).toContain('== Ofertas que encajan con su solicitud R-HHHHHH ==');
    expect(es).toContain('1. O-CCCCCC · Registro Social de Hogares de Chile');
    expect(es).toContain('Por qué: mismo tema: sistemas de focalización');
    expect(es).toContain('coincidencias R-HHHHHH');
    expect(es).not.toMatch(/\b(same topic|Why|matches|both in)\b/);
    // Institutions hear who fits; only the Secretariat sees contacts.
    expect(es).not.toContain('@');
    const en = renderConsole(noticeReply({ role: 'own', notices: [own] }, 'en')).text;
    expect(en).toContain('== Offers that fit your request R-HHHHHH ==');
    expect(en).toContain('Why: same topic: targeting systems');
  });

  it('the offering institution reads the demand; the admin channel the pairs with contacts and scores', () => {
    const [, peruNotice, , admin] = plan();
    const counterpart = renderConsole(
      noticeReply({ role: 'counterpart', notices: [peruNotice!] }, 'es'),
    ).text;
    expect(counterpart).toContain('== Una nueva solicitud encaja con su oferta O-PPPPPP ==');
    expect(counterpart).toContain('Solicitud R-HHHHHH · Necesitamos construir un registro social de hogares');
    const adminText = renderConsole(noticeReply({ role: 'admin', notices: [admin!] }, 'en')).text;
    expect(adminText).toContain('== To broker: new request R-HHHHHH ==');
    expect(adminText).toContain('Contact: registro@sedesol.example');
    expect(adminText).toMatch(/↔ O-CCCCCC · Registro Social de Hogares de Chile \(score 0\.\d\d\)/);
    expect(adminText).toContain('Contact: cooperacion@midis.example');
  });

  it('a channel reads its section, "Cooperation: offers and requests" / "Cooperación: ofertas y solicitudes"', () => {
    const topic = plan([request], [follow('CREG', { topics: ['targeting'] })]).find(
      (n) => n.role === 'topic',
    )!;
    const message = { role: 'topic' as const, notices: [topic] };
    expect(noticeReply(message, 'en').blocks[0]).toEqual({
      kind: 'heading',
      text: 'Cooperation: offers and requests',
    });
    expect(noticeReply(message, 'es').blocks[0]).toEqual({
      kind: 'heading',
      text: 'Cooperación: ofertas y solicitudes',
    });
    expect(noticeReply(message, 'es').summary).toBe('Cooperación: ofertas y solicitudes (1)');
  });

  it('a batch lists the first eight by name and counts the rest', () => {
    const reply = renderConsole(noticeReply({ role: 'admin', notices: notices(10) }, 'en')).text;
    expect(reply).toContain('== To broker: 10 new offers and requests with matches ==');
    expect(reply.match(/Best fit: O-CCCCCC/g)).toHaveLength(8);
    expect(reply).toContain('…and 2 more.');
  });

  it('as an email: HTML with every value escaped, plain text, in the institution’s language', () => {
    const [, peruNotice] = plan([{ ...request, title: '<script>alert(1)</script> registro social' }]);
    const email = noticeEmail(
      { role: 'counterpart', notices: [peruNotice!] },
      'es',
      'cooperacion@midis.example',
      'IASPN <digest@relay.example>',
    );
    expect(email.to).toBe('cooperacion@midis.example');
    expect(email.subject).toBe(
      'Portal de Conocimiento de la RIPSO: Una nueva solicitud encaja con su oferta O-PPPPPP',
    );
    expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; registro social');
    expect(email.html).not.toContain('<script>');
    expect(email.html).toContain('<html lang="es">');
    expect(email.text).toContain('== Una nueva solicitud encaja con su oferta O-PPPPPP ==');
    expect(email.text).toContain('La Secretaría Técnica se pondrá en contacto');
    expect(email.headers).toEqual({ 'X-IASPN-Coop': 'R-HHHHHH' });
  });
});
