import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpServer } from '#cli/local/http-server.js';
import { closeServer } from '#cli/local/ports.js';
import { jsonResult } from '#shared/http/types.js';
import { silentLog } from '#shared/log.js';
import { findChromium, launchChromium, WIDTHS } from '../../helpers/chromium.js';

/** The local root page: an HTML index a phone reads (links, no sideways scroll); plain text for curl. */

const executablePath = findChromium();
if (!executablePath) console.log('root page browser test skipped: no Chromium found (set IASPN_CHROMIUM)');

const routes = [
  {
    prefix: '/email',
    describe: 'email digest pages: subscribe, confirm, preferences, one-click unsubscribe',
    handler: async () => jsonResult(200, { page: 'email' }),
    open: '/email/subscribe',
  },
  {
    prefix: '/telegram/webhook',
    describe: `Telegram webhook (${'TELEGRAM_BOT_TOKEN_'.repeat(6)})`,
    handler: async () => jsonResult(200, {}),
  },
];
let server: Awaited<ReturnType<typeof startHttpServer>>;
let base: string;
beforeAll(async () => {
  server = await startHttpServer({ host: '127.0.0.1', port: 0, log: silentLog });
  server.mount(routes);
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(() => closeServer(server.server));

it('answers HTML to a browser and plain text to curl', async () => {
  const html = await fetch(`${base}/`, { headers: { accept: 'text/html,*/*' } });
  expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  const page = await html.text();
  expect(page).toContain('name="viewport"');
  expect(page).toContain('<a href="/email/subscribe">/email/subscribe</a>');
  const text = await fetch(`${base}/`, { headers: { accept: '*/*' } });
  expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
});

describe.skipIf(!executablePath)('the root page in headless Chromium', () => {
  for (const { label, width, height } of WIDTHS)
    it(`links the pages and fits a ${label} (${width}px)`, async () => {
      const browser = await launchChromium(executablePath!);
      try {
        const page = await browser.newPage({ viewport: { width, height }, javaScriptEnabled: false });
        await page.goto(`${base}/`);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
        await page.getByRole('link', { name: '/email/subscribe' }).click();
        expect(await page.textContent('body')).toContain('"page":"email"');
      } finally {
        await browser.close();
      }
    });
});
