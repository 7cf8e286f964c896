import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * The Chromium the browser tests drive (playwright-core downloads none): `IASPN_CHROMIUM` when
 * set (`none`: as if there were none), else the first of the usual install paths (Debian's `apt-get install chromium` gives
 * /usr/bin/chromium). Undefined when there is none: the browser tests then say so in one line.
 */
export function findChromium(): string | undefined {
  // `IASPN_CHROMIUM=none` runs the suite as a machine without Chromium would.
  if (process.env.IASPN_CHROMIUM === 'none') return undefined;
  const candidates = [
    process.env.IASPN_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ];
  return candidates.find((path): path is string => !!path && existsSync(path));
}

/** Headless Chromium from `findChromium()`. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

/** The phone and desktop widths every page is tried at. */
export const WIDTHS = [
  { label: 'phone', width: 375, height: 812 },
  { label: 'desktop', width: 1280, height: 900 },
] as const;
