/**
 * Renders a sample digest (English and Spanish, with long unbroken titles and URLs, a highlight,
 * every section and the "more" link) and the subscription pages, opens each in headless Chromium at
 * phone (375 px) and desktop (1280 px) widths, saves full-page screenshots, and fails when any
 * page scrolls horizontally (document wider than the viewport) or when a Spanish page shows a word
 * of the pages' English strings that the Spanish strings never use (the library's own titles and
 * summaries aside). Pages: the digest, subscribe, preferences, confirm and unsubscribe buttons, the
 * confirmation (with what was chosen and its 30-day preview), unsubscribed, saved, bad link, check
 * your email; and the cooperation exchange's pages (portfolio, a refused filter, the submission
 * form with its refusals, the publishing button, published, the report, check your email).
 *
 *   npx tsx scripts/digest-screenshots.ts [--out .data/screenshots] [--chromium /usr/bin/chromium]
 *
 * Not run in CI (it needs a Chromium binary): `apt-get install -y chromium` on Debian/Ubuntu.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { loadConfig } from '#shared/config.js';
import { type CoopEntry, resolveDraft } from '#shared/coop/entry.js';
import { coopReport } from '#shared/coop/exchange.js';
import { CoopMatcher, doneExchanges } from '#shared/coop/match.js';
import { readFilters, readSubmission } from '#shared/coop/web/form.js';
import {
  confirmPage,
  messagePage,
  portfolioPage,
  publishedPage,
  reportPage,
  submitPage,
} from '#shared/coop/web/pages.js';
import { COOP_STRINGS } from '#shared/coop/web/strings.js';
import { composeDigest, selectResources } from '#shared/digest/compose.js';
import { renderDigest } from '#shared/digest/emails.js';
import { formChoices } from '#shared/digest/form.js';
import { type DigestLanguage, newSubscription, type Subscription } from '#shared/digest/model.js';
import { pages } from '#shared/digest/pages.js';
import { STRINGS } from '#shared/digest/strings.js';
import type { Resource, ResourceType } from '#shared/domain/resource.js';
import { describeFilter } from '#shared/filters/describe.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.data/screenshots' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
const outDir = path.resolve(values.out as string);
mkdirSync(outDir, { recursive: true });

const config = loadConfig({
  IASPN_TOKEN_SECRET: 'screenshots',
  IASPN_PUBLIC_URL: 'https://relay.example.org',
});
const now = new Date('2026-03-03T00:30:00.000Z');
const TYPES: ResourceType[] = ['document', 'news', 'event', 'video', 'audio', 'photo'];

function resource(i: number, fields: Partial<Resource> = {}): Resource {
  return {
    id: `r${i}`,
    feedId: 'f',
    partnerId: 'midis-pe',
    sources: [{ feedId: 'f', partnerId: 'midis-pe' }],
    url: `https://www.example.org/publicaciones/${'muy-largo-'.repeat(i % 3 ? 1 : 12)}${i}`,
    title:
      i % 5 === 0
        ? `Transferenciasmonetariascondicionadasyprotecciónsocialadaptativa${'x'.repeat(40)} ${i}`
        : `Graduation programmes and financial inclusion in the Caribbean, part ${i}`,
    summary:
      'A review of targeting systems, multidimensional poverty indexes and early-childhood care across the member states, with lessons for South-South cooperation.',
    publishedAt: new Date(now.getTime() - i * 3_600_000).toISOString(),
    firstSeenAt: new Date(now.getTime() - i * 3_600_000).toISOString(),
    language: i % 2 ? 'es' : 'en',
    type: TYPES[i % TYPES.length] as ResourceType,
    topics: [],
    countries: [],
    authors: [],
    categories: [],
    enclosures: [],
    contentHash: `h${i}`,
    ...fields,
  };
}

const resources = [
  ...Array.from({ length: 24 }, (_, i) => resource(i + 1)),
  resource(99, {
    type: 'highlight',
    title: 'Partner highlight: the Ministry of Development and Social Inclusion of Peru',
    publishedAt: '2026-03-01T00:00:00.000Z',
    firstSeenAt: '2026-03-02T08:00:00.000Z',
  }),
];

const files: { name: string; html: string }[] = [];
for (const language of ['en', 'es'] as DigestLanguage[]) {
  const sub: Subscription = {
    ...newSubscription(
      'reader@example.org',
      { language, frequency: 'daily', filter: {}, source: 'script' },
      now.toISOString(),
    ),
    status: 'confirmed',
  };
  const since = new Date(now.getTime() - 2 * 86_400_000).toISOString();
  const digest = composeDigest(
    {
      config,
      secret: 'screenshots',
      now,
      partnerNames: new Map([['midis-pe', 'Ministerio de Desarrollo e Inclusión Social (MIDIS), Perú']]),
    },
    sub,
    selectResources(resources, sub, since, now.toISOString()),
    { period: 'D2026-03-03', since, until: now.toISOString() },
  );
  files.push({ name: `digest-${language}`, html: renderDigest(digest).html });
  const choices = formChoices(
    language,
    new Map([['midis-pe', 'Ministerio de Desarrollo e Inclusión Social (MIDIS), Perú']]),
  );
  files.push({ name: `subscribe-${language}`, html: pages.subscribe(language, 'form-token', { choices }) });
  files.push({
    name: `preferences-${language}`,
    html: pages.preferences(language, sub, 'token', 'https://relay.example.org/email/unsubscribe?token=t', {
      choices,
    }),
  });
  files.push({ name: `unsubscribe-${language}`, html: pages.button(language, 'unsubscribe', 'token') });
  files.push({ name: `confirm-${language}`, html: pages.button(language, 'confirm', 'token') });
  const p = STRINGS[language].pages;
  // Each page's language switch as the endpoints give it (shared/digest/http.ts).
  const other = STRINGS[language].otherLanguage.code;
  const switchTo = (page: string, token = '') =>
    `/email/${page}?${token ? `token=${token}&` : ''}lang=${other}`;
  const manage = {
    url: 'https://relay.example.org/email/preferences?token=t',
    label: STRINGS[language].manage,
  };
  files.push({
    name: `confirmed-${language}`,
    html: pages.message(
      language,
      p.confirmedTitle,
      p.confirmed,
      manage,
      [
        p.chosen(
          describeFilter({ countries: ['PE'], types: ['document'] }, language),
          STRINGS[language].frequencies.daily,
        ),
        p.preview(6),
      ],
      switchTo('confirm', 't'),
    ),
  });
  files.push({
    name: `unsubscribed-${language}`,
    html: pages.message(
      language,
      p.unsubscribedTitle,
      p.unsubscribed,
      [{ url: `/email/subscribe?lang=${language}`, label: p.subscribeAgain }, manage],
      [],
      switchTo('unsubscribe', 't'),
    ),
  });
  files.push({
    name: `saved-${language}`,
    html: pages.message(language, p.savedTitle, p.saved, manage, [], switchTo('preferences', 't')),
  });
  files.push({
    name: `bad-link-${language}`,
    html: pages.message(language, p.badLinkTitle, p.badLink, undefined, [], switchTo('confirm')),
  });
  files.push({
    name: `check-email-${language}`,
    html: pages.message(language, p.checkEmailTitle, p.checkEmail, undefined, [], switchTo('sent')),
  });
  files.push({
    name: `rate-limited-${language}`,
    html: pages.message(language, p.rateLimitedTitle, p.rateLimited, undefined, [], switchTo('subscribe')),
  });
  files.push({
    name: `entries-${language}`,
    html: pages.entries(
      language,
      digest.sections.flatMap((section) => section.entries),
      switchTo('digest', 't'),
    ),
  });
}

// The cooperation exchange's pages (shared/coop/web/pages.ts): the portfolio with who fits, a
// refused filter, the submission form with its refusals, the publishing button, published, the report.
const coopRaw = [
  {
    kind: 'offer',
    title: `Cómo Juntos verifica corresponsabilidades ${'x'.repeat(60)}`,
    summary: `Peru's conditional cash transfer programme shares its verification model. https://www.example.org/${'muy-largo-'.repeat(12)}`,
    topics: 'conditional cash transfers',
    country: 'Peru',
    institution: 'Ministerio de Desarrollo e Inclusión Social (MIDIS), Perú',
    contact: 'coop@midis.example.org',
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
    contact: 'coop@sedesol.example.org',
    modalities: 'visita técnica',
    languages: 'español',
    timeFrame: 'primer semestre de 2027',
  },
];
const coopEntries: CoopEntry[] = coopRaw.map((raw, i) => {
  const resolved = resolveDraft(raw);
  if (!resolved.ok) throw new Error(resolved.problems.join('; '));
  const at = now.toISOString();
  return {
    ...resolved.draft,
    id: i ? 'R-HND7AA' : 'O-PER7AA',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    version: 1,
    history: [],
  };
});
const coopMatcher = new CoopMatcher(coopEntries, doneExchanges(coopEntries));
for (const language of ['en', 'es'] as const) {
  const c = COOP_STRINGS[language];
  const other = language === 'en' ? 'es' : 'en';
  const portfolio = (query: string) => ({
    reading: readFilters(new URLSearchParams(query), language),
    items: coopEntries.map((entry) => ({ entry, matches: coopMatcher.matchesFor(entry, 3) })),
    counts: { offers: 1, requests: 1 },
    more: 0,
  });
  files.push({
    name: `coop-portfolio-${language}`,
    html: portfolioPage(language, portfolio(''), `/coop?lang=${other}`),
  });
  files.push({
    name: `coop-refused-${language}`,
    html: portfolioPage(language, portfolio('topic=focalizacoin&country=Peruu'), `/coop?lang=${other}`),
  });
  const refused = readSubmission(
    new URLSearchParams({ ...(coopRaw[1] as Record<string, string>), topics: 'focalizacoin', contact: 'x' }),
    language,
  );
  files.push({
    name: `coop-new-${language}`,
    html: submitPage(language, { values: refused.values, errors: refused.errors, formToken: 't' }),
  });
  files.push({
    name: `coop-confirm-${language}`,
    html: confirmPage(language, coopEntries[0] as CoopEntry, 't'),
  });
  files.push({
    name: `coop-published-${language}`,
    html: publishedPage(language, coopEntries[0] as CoopEntry, `/coop/confirm?token=t&lang=${other}`),
  });
  files.push({
    name: `coop-report-${language}`,
    html: reportPage(language, { year: '', report: coopReport(coopEntries) }, `/coop/report?lang=${other}`),
  });
  files.push({
    name: `coop-sent-${language}`,
    html: messagePage(language, c.checkEmailTitle, c.checkEmail, `/coop/sent?lang=${other}`),
  });
}

/** Words of the pages' English strings that the Spanish strings never use: none may show on a Spanish page. */
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
  const words = (lang: DigestLanguage) =>
    new Set(pageWords(collect([STRINGS[lang], COOP_STRINGS[lang]], []).join(' ')));
  const es = words('es');
  return new Set(
    [...words('en')].filter((w) => !es.has(w) && !['iaspn', 'english', 'caribbean'].includes(w)),
  );
}
const pageWords = (text: string) =>
  text
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .toLowerCase()
    .match(/\p{L}{3,}/gu) ?? [];
/** The library's own words (titles, summaries, partner names) are the partners' language, not the page's. */
const libraryText = [
  ...resources.flatMap((r) => [r.title, r.summary]),
  // What institutions wrote on the exchange is theirs too.
  ...coopEntries.flatMap((e) => [e.title, e.summary, e.institution, e.timeFrame ?? '']).filter(Boolean),
  'focalizacoin',
];
const englishOnly = englishOnlyWords();

const browser = await chromium.launch({ executablePath: values.chromium as string, headless: true });
const problems: string[] = [];
try {
  for (const { name, html } of files) {
    const file = path.join(outDir, `${name}.html`);
    writeFileSync(file, html);
    for (const [label, width] of [
      ['phone', 375],
      ['desktop', 1280],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, javaScriptEnabled: false });
      await page.goto(`file://${file}`);
      const scrollWidth: number = await page.evaluate('document.documentElement.scrollWidth');
      await page.screenshot({ path: path.join(outDir, `${name}-${label}.png`), fullPage: true });
      const verdict = scrollWidth > width ? `OVERFLOW (${scrollWidth}px)` : 'ok';
      process.stdout.write(
        `${name.padEnd(16)} ${label.padEnd(8)} ${width}px  scrollWidth ${scrollWidth}px  ${verdict}\n`,
      );
      if (scrollWidth > width) problems.push(`${name} at ${label} width scrolls horizontally`);
      // Every page (the digest email aside) switches language, whatever led to it (a GET or a form post).
      const switches: number = await page.evaluate(`document.querySelectorAll('p.lang a[hreflang]').length`);
      if (!name.startsWith('digest-') && switches !== 1)
        problems.push(`${name} at ${label} width has ${switches} language switches (expected 1)`);
      if (name.endsWith('-es') && label === 'phone') {
        let text: string = await page.evaluate('document.body.innerText');
        for (const t of libraryText) text = text.replaceAll(t, ' ');
        const english = [...new Set(pageWords(text).filter((w) => englishOnly.has(w)))];
        if (english.length) problems.push(`${name} (Spanish) shows English words: ${english.join(', ')}`);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.stdout.write(`screenshots in ${outDir}\n`);
if (problems.length) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = 1;
}
