import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDraft } from '#shared/coop/entry.js';
import { createEntry, listAllEntries } from '#shared/coop/store.js';
import { COOP_STRINGS } from '#shared/coop/web/strings.js';
import { STRINGS } from '#shared/digest/strings.js';
import { findChromium, launchChromium, WIDTHS } from '../../../helpers/chromium.js';
import { type LocalHttp, startLocalHttp } from '../../../helpers/local-http.js';
import { startTestServices, type TestServices } from '../../../helpers/local-services.js';

/**
 * The cooperation pages in headless Chromium, JavaScript off, served by the local stack's HTTP
 * server over dynalite and aws-ses-v2-local, at phone and desktop widths, in English and Spanish:
 * the portfolio (a bad filter refused with the closest value), the submission (refused, then sent),
 * the emailed link's button and its result, the report. Every page has a language switch that is
 * a plain GET (never a form sent again), nothing scrolls sideways, and a Spanish page shows no word
 * of the English strings outside what institutions wrote.
 */

const executablePath = findChromium();
if (!executablePath)
  console.log(
    'browser tests skipped: no Chromium found (apt-get install -y chromium, or set IASPN_CHROMIUM)',
  );

type Lang = 'en' | 'es';
const LONG_WORD = `https://example.org/${'programa-de-transferencias-'.repeat(8)}`;

let services: TestServices;
let stack: LocalHttp;
let browser: Browser;

beforeAll(async () => {
  if (!executablePath) return;
  services = await startTestServices();
  stack = await startLocalHttp(services);
  const at = new Date('2026-11-20T10:00:00Z');
  for (const raw of [
    {
      kind: 'offer',
      title: 'How Juntos verifies co-responsibilities <b>bold</b>',
      summary: `Peru's conditional cash transfer programme shares its verification model. ${LONG_WORD}`,
      topics: 'conditional cash transfers',
      country: 'Peru',
      institution: 'MIDIS',
      contact: 'never-shown@midis.example.org',
      modalities: 'technical visit; virtual exchange',
      languages: 'es; en',
    },
    {
      kind: 'request',
      title: 'Verificar corresponsabilidades en salud y educación',
      summary:
        'Necesitamos apoyo para verificar las corresponsabilidades de un programa de transferencias condicionadas.',
      topics: 'PTC',
      country: 'Honduras',
      institution: 'SEDESOL',
      contact: 'never-shown@sedesol.example.org',
      modalities: 'visita técnica',
      languages: 'español',
      timeFrame: 'primer semestre de 2027',
    },
  ]) {
    const resolved = resolveDraft(raw);
    if (!resolved.ok) throw new Error(resolved.problems.join('; '));
    await createEntry(stack.runtime.store, resolved.draft, { who: 'test', at });
  }
  browser = await launchChromium(executablePath);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await services?.close();
});

/** Words of the English strings (these pages' and their layout's) that the Spanish strings never use. */
function englishOnlyWords(): Set<string> {
  const collect = (v: unknown, out: string[]): string[] => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function')
      for (const args of [
        [1, 'x'],
        ['x', 'y'],
        [2, 3],
      ])
        try {
          out.push(String(v(...args)));
        } catch {}
    else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x, out);
    return out;
  };
  const words = (lang: Lang) =>
    new Set(
      collect([COOP_STRINGS[lang], STRINGS[lang].portal], [])
        .join(' ')
        .toLowerCase()
        .match(/\p{L}{3,}/gu),
    );
  const es = words('es');
  return new Set([...words('en')].filter((w) => !es.has(w) && w !== 'iaspn' && w !== 'english'));
}
const ENGLISH_ONLY = englishOnlyWords();

async function openPage(width: number, height: number, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The page's language, title, switch, width and words: returns the switch's target. */
async function expectPage(page: Page, lang: Lang, width: number, title: string): Promise<string> {
  const where = `${page.url()} (${lang}, ${width}px)`;
  expect(await page.getAttribute('html', 'lang'), where).toBe(lang);
  expect(await page.locator('h1').textContent(), where).toBe(title);
  const link = page.locator('p.lang a');
  expect(await link.count(), `${where}: a language switch`).toBe(1);
  expect(await link.getAttribute('hreflang'), where).toBe(lang === 'en' ? 'es' : 'en');
  const scrollWidth: number = await page.evaluate('document.documentElement.scrollWidth');
  expect(scrollWidth, `${where}: scrolls sideways`).toBeLessThanOrEqual(width);
  if (lang === 'es') {
    // What institutions wrote is theirs (class="user"): the page's own words must all be Spanish.
    const text: string = await page.evaluate(
      `(() => { const b = document.body.cloneNode(true); b.querySelectorAll('.user').forEach((e) => e.remove()); return b.textContent; })()`,
    );
    const words =
      text
        .replace(/https?:\/\/\S+/g, ' ')
        .replace(/\S+@\S+/g, ' ')
        .toLowerCase()
        .match(/\p{L}{3,}/gu) ?? [];
    expect([...new Set(words.filter((w) => ENGLISH_ONLY.has(w)))], where).toEqual([]);
  }
  return (await link.getAttribute('href')) as string;
}

/** Follows the switch: a plain link (a GET, never a form again) to the same page in the other language. */
async function followSwitch(
  page: Page,
  lang: Lang,
  width: number,
  title: (l: Lang) => string,
): Promise<void> {
  let posted = false;
  page.on('request', (r) => {
    if (r.method() !== 'GET') posted = true;
  });
  await page.locator('p.lang a').click();
  await page.waitForLoadState();
  expect(posted, `${page.url()}: the switch sent a form again`).toBe(false);
  const other: Lang = lang === 'en' ? 'es' : 'en';
  await expectPage(page, other, width, title(other));
  page.removeAllListeners('request');
}

describe.skipIf(!executablePath)('the cooperation pages in headless Chromium', () => {
  for (const lang of ['en', 'es'] as const) {
    const s = COOP_STRINGS[lang];
    for (const { label, width, height } of WIDTHS) {
      it(`portfolio, submission, publishing and report (${lang}, ${label} ${width}px)`, async () => {
        const page = await openPage(width, height, `${stack.base}/coop?lang=${lang}`);

        // The portfolio: both entries with who fits; no contact address anywhere.
        await expectPage(page, lang, width, s.portfolioTitle);
        expect(await page.locator('article.card').count()).toBeGreaterThanOrEqual(2);
        expect(await page.getByText(s.bestMatches).count()).toBeGreaterThanOrEqual(2);
        expect(await page.content()).not.toContain('never-shown@');
        await followSwitch(page, lang, width, (l) => COOP_STRINGS[l].portfolioTitle);
        await page.goto(`${stack.base}/coop?lang=${lang}`);

        // A filter that means nothing: refused beside its field with the closest, no list.
        await page.fill('#topic', 'focalizacoin');
        await page.getByRole('button', { name: s.filter }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, s.portfolioTitle);
        expect(await page.locator('#error-topic').textContent()).toContain(
          lang === 'es' ? 'Sistemas de focalización' : 'Targeting systems',
        );
        expect(await page.locator('article.card').count()).toBe(0);
        await page.fill('#topic', lang === 'es' ? 'transferencias condicionadas' : 'cash transfers');
        await page.getByRole('button', { name: s.filter }).click();
        await page.waitForLoadState();
        expect(await page.locator('article.card').count()).toBe(2);

        // The submission form: refused beside its fields, then sent.
        const kind = lang === 'es' ? 'request' : 'offer';
        const formTitle = (l: Lang) =>
          kind === 'offer' ? COOP_STRINGS[l].offerTitle : COOP_STRINGS[l].requestTitle;
        await page.goto(`${stack.base}/coop/new?kind=${kind}&lang=${lang}`);
        await expectPage(page, lang, width, formTitle(lang));
        const contact = `coop-${lang}-${label}@example.org`;
        await page.fill('#title', lang === 'es' ? 'Registro social de hogares' : 'Household social registry');
        await page.fill('#summary', 'Apoyo para diseñar un registro social integrado de hogares.');
        await page.fill('#topics', 'registros socialez');
        await page.fill('#country', 'Guatemala');
        await page.fill('#institution', 'MIDES');
        await page.fill('#contact', contact);
        await page
          .getByRole('checkbox', { name: lang === 'es' ? 'Español' : 'Spanish', exact: true })
          .check();
        const submit = kind === 'offer' ? s.offerSubmit : s.requestSubmit;
        await page.getByRole('button', { name: submit }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, formTitle(lang));
        expect(await page.locator('#error-topics').textContent()).toContain(
          lang === 'es' ? '¿Quiso decir Registros sociales' : 'Did you mean Social registries',
        );
        expect(await page.inputValue('#contact')).toBe(contact);
        await page.fill('#topics', lang === 'es' ? 'registros sociales' : 'social registries');
        await page.getByRole('button', { name: submit }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, s.checkEmailTitle);
        await followSwitch(page, lang, width, (l) => COOP_STRINGS[l].checkEmailTitle);

        // The emailed link: the button, the result, and the result in the other language (one entry).
        const email = (await services.sentEmails()).find((e) => e.destination.to.includes(contact))!;
        const link = /(http\S+\/coop\/confirm\?token=[A-Za-z0-9_.-]+)/.exec(
          email.body.text ?? '',
        )?.[1] as string;
        await page.goto(link);
        await expectPage(page, lang, width, s.confirmTitle);
        await page.getByRole('button', { name: s.confirmAction }).click();
        await page.waitForLoadState();
        await expectPage(page, lang, width, s.publishedTitle);
        const mine = async () =>
          (await listAllEntries(stack.runtime.store)).filter((e) => e.origin?.address === contact);
        expect(await mine()).toHaveLength(1);
        await followSwitch(page, lang, width, (l) => COOP_STRINGS[l].publishedTitle);
        expect(await mine()).toHaveLength(1);

        // The report.
        await page.goto(`${stack.base}/coop/report?lang=${lang}&year=2026`);
        await expectPage(page, lang, width, `${s.reportTitle} 2026`);
        expect(await page.getByText(lang === 'es' ? 'Abiertas ahora:' : 'Open now:').count()).toBe(1);
        await followSwitch(page, lang, width, (l) => `${COOP_STRINGS[l].reportTitle} 2026`);
        await page.context().close();
      }, 120_000);
    }
  }
});
