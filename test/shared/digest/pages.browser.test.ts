import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DigestLanguage } from '#shared/digest/model.js';
import { getSubscription, subscribeConfirmed } from '#shared/digest/subscriptions.js';
import { signToken } from '#shared/digest/tokens.js';
import { findChromium, launchChromium, WIDTHS } from '../../helpers/chromium.js';
import { type LocalHttp, startLocalHttp } from '../../helpers/local-http.js';
import { startTestServices, type TestServices } from '../../helpers/local-services.js';
import { addPartner } from './helpers.js';

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
