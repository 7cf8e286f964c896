/**
 * What the relay costs a month on AWS: measures on the local stack what one unit of each cost driver
 * uses (scripts/cost/measure.ts), counts the stack's fixed items from its synthesized template
 * (scripts/cost/inventory.ts), and multiplies by the list prices of shared/cost/prices.ts for a load
 * profile and its 10× and 100×.
 *
 *   npm run cost                                   # the IASPN's load, 10× and 100×
 *   npm run cost -- --subscribers 50000 --feeds 300 --scales 1,3
 *   npm run cost -- --json                         # units, drivers and bills as JSON
 */
import { parseArgs } from 'node:util';
import { type Bill, monthlyBill, SERVICES } from '#shared/cost/model.js';
import { PRICES } from '#shared/cost/prices.js';
import { driversFor, IASPN_PROFILE, type LoadProfile, scaleProfile } from '#shared/cost/profile.js';
import { stackInventory } from './cost/inventory.js';
import { ASSUMED, measureUnits } from './cost/measure.js';

const FLAGS = {
  feeds: 'feeds',
  'cycle-minutes': 'cycleMinutes',
  'not-modified-share': 'notModifiedShare',
  'new-per-month': 'newResourcesPerMonth',
  library: 'librarySize',
  subscribers: 'subscribers',
  'digests-per-month': 'digestsPerSubscriberPerMonth',
  'queries-per-day': 'botQueriesPerDay',
  channels: 'channels',
  'posts-per-resource': 'postsPerNewResource',
} as const satisfies Record<string, keyof LoadProfile>;

const USAGE = `usage: npm run cost -- [--${Object.keys(FLAGS).join(' N] [--')} N] [--scales 1,10,100] [--stage prod] [--json]`;

function parseProfile(values: Record<string, string | boolean | undefined>): LoadProfile {
  const profile = { ...IASPN_PROFILE };
  for (const [flag, field] of Object.entries(FLAGS)) {
    const value = values[flag];
    if (value === undefined) continue;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
      throw new Error(`--${flag} must be a number ≥ 0, not ${JSON.stringify(value)}`);
    profile[field] = n;
  }
  if (profile.notModifiedShare > 1) throw new Error('--not-modified-share is a share between 0 and 1');
  if (profile.cycleMinutes <= 0) throw new Error('--cycle-minutes must be above 0');
  return profile;
}

const usd = (n: number) =>
  n >= 100 ? `$${n.toFixed(0)}` : n >= 0.01 || n === 0 ? `$${n.toFixed(2)}` : '<$0.01';
const pad = (s: string, n: number) => s.padEnd(n);
const padL = (s: string, n: number) => s.padStart(n);

function printBills(scales: number[], bills: Bill[]) {
  const head = scales.map((k) => `×${k}`);
  const col = 20;
  console.log(`\nby service (list / with always-free tiers), US$ a month`);
  console.log(pad('', 24) + head.map((h) => padL(h, col)).join(''));
  for (const service of SERVICES) {
    const rows = bills.map((b) => b.byService.find((s) => s.service === service)!);
    if (!rows.some((r) => r.used)) continue;
    console.log(
      pad(service, 24) + rows.map((r) => padL(`${usd(r.list)} / ${usd(r.withFreeTier)}`, col)).join(''),
    );
  }
  console.log(
    pad('total', 24) + bills.map((b) => padL(`${usd(b.list)} / ${usd(b.withFreeTier)}`, col)).join(''),
  );
  console.log(pad('total except SES', 24) + bills.map((b) => padL(usd(b.listExceptSes), col)).join(''));

  console.log(`\nby driver (list), US$ a month`);
  console.log(pad('', 24) + head.map((h) => padL(h, col)).join(''));
  for (const [i, driver] of bills[0]!.byDriver.entries()) {
    const costs = bills.map((b) => b.byDriver[i]!);
    console.log(
      pad(driver.name, 24) +
        costs.map((c) => padL(`${usd(c.list)} (${compact(c.unitsPerMonth)})`, col)).join('') +
        `  ${driver.unit}`,
    );
  }
}

const compact = (n: number) =>
  n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k` : n.toFixed(0);

async function main() {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((f) => [f, { type: 'string' as const }])),
      scales: { type: 'string', default: '1,10,100' },
      stage: { type: 'string', default: 'prod' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return console.log(USAGE);
  const profile = parseProfile(values);
  const scales = String(values.scales)
    .split(',')
    .map((s) => Number(s.trim()));
  if (scales.some((k) => !Number.isFinite(k) || k <= 0))
    throw new Error(`--scales takes factors above 0: ${values.scales}`);
  const json = values.json === true;
  const log = json ? undefined : (line: string) => console.log(line);

  const inventory = stackInventory(String(values.stage));
  log?.(`stack "${inventory.stage}": ${JSON.stringify(inventory.counts)}`);
  const units = await measureUnits({
    feeds: 20,
    itemsPerFeed: 10,
    subscribers: 200,
    channels: 20,
    inventory,
    log,
  });
  const bills = scales.map((k) => monthlyBill(driversFor(scaleProfile(profile, k), units), PRICES));
  if (json) {
    console.log(
      JSON.stringify(
        {
          prices: { region: PRICES.region, readOn: PRICES.readOn },
          profile,
          scales,
          assumed: ASSUMED,
          inventory,
          units,
          bills,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(`\nprofile ×1: ${JSON.stringify(profile)}`);
  console.log(
    `prices: AWS list, ${PRICES.region}, read ${PRICES.readOn} (shared/cost/prices.ts); assumed: ${JSON.stringify(ASSUMED)}`,
  );
  printBills(scales, bills);
  const target = 2;
  const first = bills[0]!;
  console.log(
    `\ntarget: everything but SES under $${target} a month at list prices (×${scales[0]}): ${usd(first.listExceptSes)}, ${first.listExceptSes < target ? 'met' : 'MISSED'}`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`cost: ${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  },
);
