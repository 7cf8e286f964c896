import type { Command } from 'commander';

/**
 * The examples at the end of every command's `--help`, by command path. One table, so that a new
 * command's examples are added beside the others (test/cli/main.test.ts fails for a command or
 * subcommand without any). Each line: the command as typed, then two spaces and what it does.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': [
    'iaspn start  the local stack (Ctrl-C stops it)',
    'iaspn feeds list  every feed with its health',
    'iaspn search "cash transfers country:BR" --limit 5',
    'iaspn --data-dir /tmp/relay status --json',
    "iaspn feeds --help  a command's own options and examples",
  ],
  start: [
    'iaspn start  the local stack until Ctrl-C; data kept in .data/',
    'iaspn start --once  one cycle of every job, a summary, and exit (the smoke test)',
    'iaspn start --reset --port 0  a fresh data directory, HTTP on any free port',
  ],
  partners: ['iaspn partners list', 'iaspn partners add "Ministerio de Desarrollo Social" --country UY'],
  'partners list': ['iaspn partners list', 'iaspn partners list --json'],
  'partners add': [
    'iaspn partners add "Secretaría de Bienestar" --country MX --lang es  kind read from the name: ministry',
    'iaspn partners add "CEPAL" --kind international --website https://www.cepal.org  a unique start of a kind will do',
  ],
  'partners show': [
    'iaspn partners show midis-pe',
    'iaspn partners show "MIDIS Perú" --json  by words of its name',
  ],
  'partners remove': ['iaspn partners remove "Ministerio de Desarrollo Social"  once its feeds are removed'],
  feeds: ['iaspn feeds list', 'iaspn feeds add https://example.org/feed.xml --partner "MIDIS Perú"'],
  'feeds check': [
    'iaspn feeds check https://example.org/feed.xml  fetch, parse and show; writes nothing',
    'iaspn feeds check cli/local/sample-feeds/iaspn-news.xml --json',
  ],
  'feeds add': [
    'iaspn feeds add https://example.org/feed.xml --partner "MIDIS Perú" --country PE',
    'iaspn feeds add http://127.0.0.1:8788/mast-haiti.html --partner mast-ht  a page: its feed link is followed',
  ],
  'feeds list': ['iaspn feeds list  every feed with its health', 'iaspn feeds list --json'],
  'feeds pause': ['iaspn feeds pause midis-noticias'],
  'feeds resume': ['iaspn feeds resume midis-noticias'],
  'feeds remove': [
    'iaspn feeds remove midis-noticias  asks first',
    'iaspn feeds remove http://127.0.0.1:8788/midis-noticias.xml --yes  in a script',
  ],
  'feeds import': [
    'iaspn feeds import registry.json',
    'iaspn feeds import feeds.opml --partner "MAST Haïti"  feeds outside a partner outline; created if new',
    'iaspn feeds export | iaspn --data-dir /tmp/copy feeds import -',
  ],
  'feeds export': ['iaspn feeds export > registry.json', 'iaspn feeds export --format opml > feeds.opml'],
  ingest: ['iaspn ingest  fetch every active feed once', 'iaspn ingest --json'],
  search: [
    'iaspn search "cash transfers country:colombia"',
    'iaspn search "pobreza multidimensional since:1y" --limit 5',
    'iaspn search "type:video lang:es" --json',
  ],
  events: ['iaspn events upcoming', 'iaspn events upcoming country:colombia --tz America/Bogota'],
  'events upcoming': [
    'iaspn events upcoming  what has not yet ended, soonest first (times in UTC)',
    'iaspn events upcoming country:colombia lang:es --tz America/Bogota',
    'iaspn events upcoming topic:cct --json --tz America/New_York',
  ],
  'events set': [
    'iaspn events set <id> --start 2027-03-05T14:00 --end 2027-03-05T16:00 --tz America/Bogota',
    'iaspn events set <id> --start 2027-03-12 --end 2027-03-14  all day',
  ],
  coop: [
    "iaspn coop import workshop.json  a workshop's offers and requests (or a .csv)",
    'iaspn coop list --kind request --status open',
    'iaspn coop match R-7K2P9X  the offers that fit, best first, with why',
  ],
  'coop add': [
    'iaspn coop add --kind offer --title "Juntos co-responsibilities" --summary "How Juntos verifies them" --topic cct --country peru --institution MIDIS --contact coop@midis.example --modality "technical visit" --lang es',
    'iaspn coop add --kind request --title "Registro social" --summary "Necesitamos apoyo" --topic "registros sociales" --country honduras --institution SEDESOL --contact x@example.org --lang es --ref WS-R7',
  ],
  'coop list': [
    'iaspn coop list',
    'iaspn coop list --kind offer --topic focalizacion --country chile --json',
  ],
  'coop show': ['iaspn coop show R-7K2P9X', "iaspn coop show WS-R7 --json  by the workshop's ref"],
  'coop match': [
    'iaspn coop match R-7K2P9X',
    'iaspn coop match WS-R7 --json  { matches: [{ id, ref, score, reasons }] } best first',
    'iaspn coop match O-3H4J5K --lang es --limit 10  requests for an offer, reasons in Spanish',
  ],
  'coop status': [
    'iaspn coop status WS-R7 matched --with O-3H4J5K  the Secretariat paired them',
    'iaspn coop status WS-R7 "in progress"  or "en curso"',
    'iaspn coop status WS-R7 done --note "visit to Lima, March 2027"',
  ],
  'coop import': [
    'iaspn coop import workshop.json',
    'iaspn coop import offers.csv --json  refused rows are listed with their row numbers; nothing is written',
  ],
  'coop export': ['iaspn coop export > exchange.json', 'iaspn coop export --format csv > exchange.csv'],
  'coop report': ['iaspn coop report', 'iaspn coop report --year 2026 --json'],
  'coop notify': [
    'iaspn coop notify  tell the new offers and requests now (the announcement job does it every cycle)',
    'iaspn coop notify --dry-run --json  what would be told, and to whom',
  ],
  chat: ['iaspn chat  then: search cash transfers, help, latest type:video', 'iaspn chat --lang es'],
  telegram: ['iaspn telegram set-webhook https://abc.execute-api.us-east-1.amazonaws.com/telegram/webhook'],
  'telegram set-webhook': [
    'iaspn telegram set-webhook https://abc.execute-api.us-east-1.amazonaws.com/telegram/webhook',
  ],
  status: ['iaspn status', 'iaspn --aws status --json  the deployed table (IASPN_TABLE_NAME)'],
  subscribers: ['iaspn subscribers list', 'iaspn subscribers show ana@example.org'],
  'subscribers add': [
    'iaspn subscribers add ana@example.org --frequency weekly --topics cct  sends the confirmation email',
    'iaspn subscribers add ana@example.org --confirmed  an admin vouches for the address',
  ],
  'subscribers list': ['iaspn subscribers list', 'iaspn subscribers list --status confirmed --json'],
  'subscribers show': ['iaspn subscribers show ana@example.org'],
  'subscribers remove': ['iaspn subscribers remove ana@example.org'],
  'subscribers suppress': ['iaspn subscribers suppress ana@example.org --reason "asked by phone"'],
  digest: ['iaspn digest run', 'iaspn digest preview ana@example.org --out /tmp/digest'],
  'digest run': ['iaspn digest run  send the digests due now', 'iaspn digest run --dry-run --json'],
  'digest preview': [
    'iaspn digest preview ana@example.org --out /tmp/digest',
    'iaspn digest preview ana@example.org --out /tmp/digest --since 2026-01-01',
    'iaspn digest preview ana@example.org --since 2026-01-01 --json  as JSON, no files',
  ],
  announce: ['iaspn announce run', 'iaspn announce run --dry-run'],
  'announce run': ['iaspn announce run', 'iaspn announce run --dry-run --json  what would be posted where'],
  follows: ['iaspn follows list', 'iaspn follows preview topic:cct country:peru'],
  'follows list': ['iaspn follows list', 'iaspn follows list --json'],
  'follows preview': [
    'iaspn follows preview topic:cash-transfers country:peru  count and 3 examples of the last 30 days',
    'iaspn follows preview tema:"primera infancia" --lang es',
    'iaspn follows preview \'"cash transfers" -pilot\' --json  quoted: -pilot is no option',
  ],
  topics: ['iaspn topics', 'iaspn topics --lang es', 'iaspn topics --json'],
  countries: ['iaspn countries', 'iaspn countries --lang es --json'],
  types: ['iaspn types  resource types and content languages', 'iaspn types --lang es'],
  doctor: [
    'iaspn doctor  list stored follows and subscriptions that need repair',
    'iaspn doctor --fix  rewrite those whose values resolve; the rest need an admin',
    'iaspn --aws doctor --json',
  ],
  completion: [
    'eval "$(iaspn completion bash)"  in ~/.bashrc',
    'eval "$(iaspn completion zsh)"  in ~/.zshrc, after compinit',
  ],
};

/** The path of a command below the program: 'feeds add'. */
function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Appends its examples to the help of `command` and of each of its subcommands. */
export function addExamples(command: Command): void {
  const lines = EXAMPLES[commandPath(command)];
  if (lines) {
    const rows = lines.map((line) => line.split(/ {2}(?=\S)/));
    const width = Math.min(60, Math.max(...rows.map(([typed]) => typed!.length)));
    const text = rows
      .map(([typed, what]) => `  $ ${what ? `${typed!.padEnd(width)}  ${what}` : typed}`)
      .join('\n');
    command.addHelpText('after', `\nExamples:\n${text}\n`);
  }
  for (const sub of command.commands) addExamples(sub);
}
