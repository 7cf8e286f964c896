import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestLanguage } from '#shared/digest/model.js';
import { STRINGS } from '#shared/digest/strings.js';
import { getSubscription, subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { signToken } from '#shared/digest/tokens.js';
import { findChromium, launchChromium, WIDTHS } from '../../helpers/chromium.js';
import { type LocalHttp, startLocalHttp } from '../../helpers/local-http.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { addPartner, makeResource, storeResources } from './helpers.js';

/**
 * The subscription and preferences pages in headless Chromium, with JavaScript off, served by the
 * local stack's HTTP server over dynalite and aws-ses-v2-local: at phone (375 px) and desktop
 * widths, in English and Spanish, a person finds the choices by their names, a wrong submission
 * comes back with the message next to its field in the page's language and every choice kept, a
 * right one lands on the confirmation page, and nothing scrolls sideways.
 */

const executablePath = findChromium();
if (!executablePath)
  console.log(
    'browser tests skipped: no Chromium found (apt-get install -y chromium, or set IASPN_CHROMIUM)',
  );

const WORDS = {
  en: {
    topic: 'Early childhood care and development',
    group: 'People across the life cycle',
    country: 'Peru',
    countries: 'Countries: all',
    type: 'Document',
    language: 'Portuguese',
    keywordError: '“viviendaa” is not a topic we know. Did you mean Housing?',
    emailError: 'Enter an email address like name@example.org.',
    tooCommon: 'These words are too common',
    done: 'Check your email',
    saved: 'Preferences saved',
  },
  es: {
    topic: 'Primera infancia',
    group: 'Personas a lo largo del ciclo de vida',
    country: 'Perú',
    countries: 'Países: todos',
    type: 'Documento',
    language: 'Portugués',
    keywordError: '“viviendaa” no es un tema que conozcamos. ¿Quiso decir Vivienda?',
    emailError: 'Escriba una dirección de correo como nombre@ejemplo.org.',
    tooCommon: 'Estas palabras son demasiado comunes',
    done: 'Revise su correo',
    saved: 'Preferencias guardadas',
  },
} as const;
const PARTNER = 'Ministerio de Desarrollo e Inclusión Social';

let services: TestServices;
let stack: LocalHttp;
let browser: Browser;

beforeAll(async () => {
  if (!executablePath) return;
  services = await startTestServices();
  stack = await startLocalHttp(services);
  await addPartner(stack.runtime.store, 'midis-pe', PARTNER);
  browser = await launchChromium(executablePath);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await services?.close();
});

async function openPage(width: number, height: number, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The document is no wider than the window: nothing scrolls sideways. */
async function expectNoOverflow(page: Page, width: number): Promise<void> {
  // A string, evaluated in the page: the tests' TypeScript knows no DOM.
  const scrollWidth: number = await page.evaluate('document.documentElement.scrollWidth');
  expect(scrollWidth, `${page.url()} at ${width}px`).toBeLessThanOrEqual(width);
}

/** The element right before a control is its error message, and the control is described by it. */
async function expectErrorBeside(page: Page, controlId: string, text: string): Promise<void> {
  const error = page.locator(`#error-${controlId}`);
  await expect.poll(() => error.textContent()).toBe(text);
  const beside: string | undefined = await page.evaluate(
    `document.getElementById(${JSON.stringify(controlId)})?.previousElementSibling?.id`,
  );
  expect(beside).toBe(`error-${controlId}`);
  expect(await page.locator(`#${controlId}`).getAttribute('aria-describedby')).toContain(
    `error-${controlId}`,
  );
}

const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });

describe.skipIf(!executablePath)('the digest pages in headless Chromium', () => {
  for (const lang of ['en', 'es'] as const satisfies readonly DigestLanguage[]) {
    for (const { label, width, height } of WIDTHS) {
      it(`subscribe (${lang}, ${label} ${width}px): named choices, errors beside their fields, choices kept`, async () => {
        const w = WORDS[lang];
        const page = await openPage(width, height, `${stack.base}/email/subscribe?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectNoOverflow(page, width);

        // The choices, by their names in the page's language.
        await expect.poll(() => page.getByRole('group', { name: w.group }).isVisible()).toBe(true);
        await checkbox(page, w.topic).check();
        await page.getByText(w.countries).click(); // the folded list of countries opens
        await checkbox(page, w.country).check();
        await checkbox(page, w.type).check();
        await checkbox(page, w.language).check();
        await page.getByText(lang === 'es' ? 'Socios: todos' : 'Partners: all').click();
        await checkbox(page, PARTNER).check();
        await expectNoOverflow(page, width);

        // Wrong: no address, and a filter in the keywords that names nothing.
        await page.fill('#keywords', 'cuidado tema:viviendaa');
        await page.getByRole('button', { name: lang === 'es' ? 'Suscribirme' : 'Subscribe' }).click();
        await page.waitForLoadState();
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        await expectErrorBeside(page, 'keywords', w.keywordError);
        await expectErrorBeside(page, 'email', w.emailError);
        for (const name of [w.topic, w.country, w.type, w.language, PARTNER])
          expect(await checkbox(page, name).isChecked(), name).toBe(true);
        expect(await page.inputValue('#keywords')).toBe('cuidado tema:viviendaa');
        await expectNoOverflow(page, width);

        // Right: lands on the confirmation page, with exactly what was chosen stored.
        const email = `browser-${lang}-${label}@example.org`;
        await page.fill('#email', email);
        await page.fill('#keywords', '"cuidado infantil" tema:vivienda');
        await page.getByRole('button', { name: lang === 'es' ? 'Suscribirme' : 'Subscribe' }).click();
        await page.waitForLoadState();
        expect(await page.locator('h1').textContent()).toBe(w.done);
        await expectNoOverflow(page, width);
        expect((await getSubscription(stack.runtime, email))?.filter).toEqual({
          types: ['document'],
          countries: ['PE'],
          topics: ['early-childhood', 'housing'],
          languages: ['pt'],
          partners: ['midis-pe'],
          keywords: '"cuidado infantil"',
        });
        await page.context().close();
      }, 120_000);

      it(`preferences (${lang}, ${label} ${width}px): stored choices shown, errors beside their fields, saved`, async () => {
        const w = WORDS[lang];
        const email = `prefs-${lang}-${label}@example.org`;
        const sub = await subscribeConfirmed(stack.runtime, {
          email,
          language: lang,
          filter: { countries: ['PE'], topics: ['early-childhood'] },
        });
        const token = signToken('test-token-secret', 'manage', { sub: sub.id }, new Date());
        const page = await openPage(width, height, `${stack.base}/email/preferences?token=${token}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await checkbox(page, w.topic).isChecked()).toBe(true);
        expect(await checkbox(page, w.country).isChecked()).toBe(true); // open: something in it is chosen
        await expectNoOverflow(page, width);

        await checkbox(page, w.type).check();
        await page.fill('#keywords', lang === 'es' ? 'de la el' : 'the of and');
        await page.getByRole('button', { name: lang === 'es' ? 'Guardar' : 'Save' }).click();
        await page.waitForLoadState();
        expect(await page.locator('#error-keywords').textContent()).toContain(w.tooCommon);
        await expectErrorBeside(
          page,
          'keywords',
          (await page.locator('#error-keywords').textContent()) ?? '',
        );
        for (const name of [w.topic, w.country, w.type])
          expect(await checkbox(page, name).isChecked(), name).toBe(true);
        await expectNoOverflow(page, width);
        expect((await getSubscription(stack.runtime, email))?.filter.types).toBeUndefined();

        await page.fill('#keywords', 'pensiones');
        await page.getByRole('button', { name: lang === 'es' ? 'Guardar' : 'Save' }).click();
        await page.waitForLoadState();
        expect(await page.locator('h1').textContent()).toBe(w.saved);
        expect((await getSubscription(stack.runtime, email))?.filter).toEqual({
          types: ['document'],
          countries: ['PE'],
          topics: ['early-childhood'],
          keywords: 'pensiones',
        });
        await page.context().close();
      }, 120_000);
    }
  }
});

/** Words of the pages' English strings that the Spanish strings never use (as the screenshot script finds them). */
const pageWords = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .toLowerCase()
    .match(/\p{L}{3,}/gu) ?? [];
function englishOnlyWords(): Set<string> {
  const collect = (v: unknown, out: string[]): string[] => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function')
      for (const args of [
        [1, 'x'],
        ['x', 'y'],
      ])
        try {
          out.push(String(v(...args)));
        } catch {}
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x, out);
    return out;
  };
  const words = (lang: DigestLanguage) => new Set(pageWords(collect(STRINGS[lang], []).join(' ')));
  const es = words('es');
  return new Set([...words('en')].filter((w) => !es.has(w) && w !== 'iaspn' && w !== 'english'));
}

/** A title of the library (the digest page lists it as the partner wrote it): the saved keyword matches it. */
const LIBRARY_TITLE = 'Pensiones no contributivas en el Perú';
/** Its summary, in the partner's words (English here): the library's text, not the page's. */
const LIBRARY_SUMMARY = 'Every older adult without a contributory pension, reached by one programme.';

describe.skipIf(!executablePath)('every page, after a GET or a form post, in headless Chromium', () => {
  const englishOnly = englishOnlyWords();
  const secret = 'test-token-secret';

  /** The language switch, the width and the words of the page on screen: returns the switch's target. */
  async function expectPage(page: Page, lang: DigestLanguage, width: number, title: string): Promise<string> {
    const where = `${page.url()} (${lang}, ${width}px)`;
    expect(await page.getAttribute('html', 'lang'), where).toBe(lang);
    expect(await page.locator('h1').textContent(), where).toBe(title);
    const other = STRINGS[lang].otherLanguage;
    const link = page.locator('p.lang a');
    expect(await link.count(), `${where}: a language switch`).toBe(1);
    expect(await link.textContent(), where).toBe(other.label);
    expect(await link.getAttribute('hreflang'), where).toBe(other.code);
    expect(await link.isVisible(), where).toBe(true);
    await expectNoOverflow(page, width);
    if (lang === 'es') {
      const text = ((await page.evaluate('document.body.innerText')) as string)
        .replaceAll(LIBRARY_TITLE, ' ')
        .replaceAll(LIBRARY_SUMMARY, ' ')
        .replaceAll(PARTNER, ' ');
      expect([...new Set(pageWords(text).filter((w) => englishOnly.has(w)))], where).toEqual([]);
    }
    return (await link.getAttribute('href')) as string;
  }

  /** Follows the switch (a plain link: a GET, never the form again) and checks the page it leads to. */
  async function followSwitch(
    page: Page,
    lang: DigestLanguage,
    width: number,
    title: (l: DigestLanguage) => string,
  ) {
    const other = STRINGS[lang].otherLanguage.code;
    let posted = false;
    page.on('request', (r) => {
      if (r.method() !== 'GET') posted = true;
    });
    await page.locator('p.lang a').click();
    await page.waitForLoadState();
    expect(posted, `${page.url()}: the switch resubmitted a form`).toBe(false);
    await expectPage(page, other, width, title(other));
    page.removeAllListeners('request');
  }

  for (const lang of ['en', 'es'] as const satisfies readonly DigestLanguage[]) {
    const p = (l: DigestLanguage) => STRINGS[l].pages;
    for (const { label, width, height } of WIDTHS) {
      it(`every page has a language switch that keeps it meaningful (${lang}, ${label} ${width}px)`, async () => {
        const { runtime } = stack;
        const email = `every-page-${lang}-${label}@example.org`;

        // Subscribe: the form, refused, then sent ("check your email"), by the browser's own posts.
        const page = await openPage(width, height, `${stack.base}/email/subscribe?lang=${lang}`);
        await expectPage(page, lang, width, p(lang).subscribeTitle);
        const submit = lang === 'es' ? 'Suscribirme' : 'Subscribe';
        await page.getByRole('button', { name: submit }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).subscribeTitle);
        await page.fill('#email', email);
        await page.getByRole('button', { name: submit }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).checkEmailTitle);
        await followSwitch(page, lang, width, (l) => p(l).checkEmailTitle);
        const sub = (await getSubscription(runtime, email))!;
        expect(sub.status).toBe('pending');

        // Confirm: the button, the result, and the same result in the other language (changing nothing).
        const confirm = signToken(secret, 'confirm', { sub: sub.id }, new Date());
        await page.goto(`${stack.base}/email/confirm?token=${confirm}`);
        await expectPage(page, lang, width, p(lang).confirmTitle);
        await page.getByRole('button', { name: STRINGS[lang].confirmAction }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).confirmedTitle);
        const confirmedAt = (await getSubscription(runtime, email))?.confirmedAt;
        expect(confirmedAt).toBeTruthy();
        await followSwitch(page, lang, width, (l) => p(l).confirmedTitle);
        expect((await getSubscription(runtime, email))?.confirmedAt).toBe(confirmedAt);

        // Preferences: the form, refused, saved, and the form again in the other language.
        const manage = signToken(secret, 'manage', { sub: sub.id }, new Date());
        await page.goto(`${stack.base}/email/preferences?token=${manage}`);
        await expectPage(page, lang, width, p(lang).preferencesTitle);
        const save = lang === 'es' ? 'Guardar' : 'Save';
        await page.fill('#keywords', lang === 'es' ? 'de la el' : 'the of and');
        await page.getByRole('button', { name: save }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).preferencesTitle);
        await page.fill('#keywords', 'pensiones');
        await page.getByRole('button', { name: save }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).savedTitle);
        await followSwitch(page, lang, width, (l) => p(l).preferencesTitle);

        // A digest's page of every resource.
        const window = { since: '2026-01-01T00:00:00.000Z', until: '2026-01-31T00:00:00.000Z' };
        const digest = signToken(secret, 'digest', { sub: sub.id, data: window }, new Date());
        await page.goto(`${stack.base}/email/digest?token=${digest}`);
        await expectPage(page, lang, width, p(lang).digestTitle);
        expect(await page.getByText(LIBRARY_TITLE).count()).toBe(1);
        await followSwitch(page, lang, width, (l) => p(l).digestTitle);

        // Unsubscribe: the button, the result, and the same result in the other language (still unsubscribed).
        const leave = signToken(secret, 'unsubscribe', { sub: sub.id }, new Date());
        await page.goto(`${stack.base}/email/unsubscribe?token=${leave}`);
        await expectPage(page, lang, width, p(lang).unsubscribeTitle);
        await page.getByRole('button', { name: STRINGS[lang].unsubscribe }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, p(lang).unsubscribedTitle);
        await followSwitch(page, lang, width, (l) => p(l).unsubscribedTitle);
        expect((await getSubscription(runtime, email))?.status).toBe('unsubscribed');

        // A bad link and a page that does not exist.
        await page.goto(`${stack.base}/email/confirm?token=nonsense&lang=${lang}`);
        await expectPage(page, lang, width, p(lang).badLinkTitle);
        await followSwitch(page, lang, width, (l) => p(l).badLinkTitle);
        await page.goto(`${stack.base}/email/nowhere?lang=${lang}`);
        await expectPage(page, lang, width, p(lang).badLinkTitle);
        await page.context().close();
      }, 120_000);
    }
  }

  beforeAll(async () => {
    if (!executablePath) return;
    await storeResources(stack.runtime.store, [
      makeResource({
        id: 'every-page-1',
        title: LIBRARY_TITLE,
        summary: LIBRARY_SUMMARY,
        countries: ['PE'],
        firstSeenAt: '2026-01-10T00:00:00.000Z',
      }),
    ]);
  });
});
