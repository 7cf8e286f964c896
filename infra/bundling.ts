import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions, Metafile } from 'esbuild';

/** The project root: Lambda entries are relative to it. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The one definition of how a Lambda is bundled. `RelayFunction` hands it to NodejsFunction (which
 * runs esbuild with `--bundle --platform=node`), and `scripts/bundle-report.ts` hands the same
 * settings to esbuild directly, so the sizes the report prints are the sizes that deploy.
 */
export const LAMBDA_BUNDLE = {
  format: 'esm',
  /** Node.js 22, the Lambda runtime (`Runtime.NODEJS_22_X` in RelayFunction). */
  target: 'node22',
  minify: true,
  sourceMap: true,
  /** Maps without the sources: stack traces keep file:line, the zip stays small. */
  sourcesContent: false,
  /** Prefer packages' ESM builds: they tree-shake. */
  mainFields: ['module', 'main'],
  /**
   * Bundle everything, the AWS SDK included: one version pinned by our lock file, and tree-shaking
   * drops what we do not use. The one exception: iconv-lite's double-byte tables for Chinese,
   * Japanese and Korean code pages (`./tables/*.json`, 400 KB minified), which it loads lazily on
   * first use of such a code page. Partner feeds are in UTF-8 or Latin code pages; a feed declaring
   * Shift_JIS, GBK, Big5 or EUC-KR fails to decode with a logged error instead of bloating every
   * bundle that decodes text.
   */
  externalModules: ['./tables/*'] as string[],
  /** CommonJS dependencies call require(); give the ESM bundle one. */
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /**
   * Non-ASCII text (franc's trigrams, iconv-lite's code pages, taxonomy synonyms) stays UTF-8
   * instead of `\uXXXX` escapes: 130 KB less in the ingest bundle. Node reads sources as UTF-8.
   */
  charset: 'utf8',
  /**
   * Packages that our dependencies require at load time but use only on code paths a Lambda never
   * takes. Each resolves to infra/omitted-module.cjs, which loads fine (names can be read from it
   * at load time) and throws a clear error when anything from it is called or constructed. The
   * bundle report imports every bundle, so a package that is really used at load time fails the
   * report rather than a cold start. What each one is, and why it is never used in a Lambda:
   * - `@slack/socket-mode` (with its `undici`, 525 KB): Bolt's SocketModeReceiver. The Slack Lambda
   *   hands Bolt an AwsLambdaReceiver; Socket Mode runs only on the local stack (not bundled).
   * - `express` (with `mime-db` and the rest of its tree, 250 KB): Bolt's ExpressReceiver, never
   *   constructed.
   * - `raw-body` (with `iconv-lite`, `http-errors` and `depd`, 75 KB): how Bolt's ExpressReceiver
   *   and HTTPReceiver read a request body from a Node stream. The Slack Lambda hands Bolt our own
   *   receiver (shared/chat/slack/http.ts), which gets the body in the Lambda event.
   * - `@slack/oauth` (with `jsonwebtoken`): the receivers' OAuth install flow; the relay is a
   *   single-workspace app with a bot token, so Bolt never builds an InstallProvider.
   * - `whatwg-url` (with `tr46`, 259 KB): node-fetch (under Telegraf) falls back to it only when
   *   there is no global `URL`; Node always has one.
   * - `xmlbuilder` (67 KB): xml2js's Builder; rss-parser only parses XML, it never writes any.
   * - The AWS SDK's credential sources other than the environment (SSO, shared ini files, process,
   *   web identity, container and instance metadata; with them the SDK's nested STS, SSO, OIDC and
   *   sign-in clients, about 100 KB in every bundle): the Lambda runtime puts the function role's
   *   credentials in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN),
   *   the default chain (`@aws-sdk/credential-provider-node`) takes them first, and it imports the
   *   other sources only when the environment has none.
   */
  omittedModules: [
    '@slack/socket-mode',
    'express',
    'raw-body',
    '@slack/oauth',
    'whatwg-url',
    'xmlbuilder',
    '@aws-sdk/credential-provider-sso',
    '@aws-sdk/credential-provider-ini',
    '@aws-sdk/credential-provider-process',
    '@aws-sdk/credential-provider-web-identity',
    '@aws-sdk/credential-provider-http',
    '@smithy/credential-provider-imds',
  ] as string[],
} as const;

/** The module every omitted package resolves to (absolute: esbuild resolves aliases from its cwd). */
export const OMITTED_MODULE = path.join(PROJECT_ROOT, 'infra', 'omitted-module.cjs');

/** esbuild's `alias` map for LAMBDA_BUNDLE.omittedModules. */
export function omittedAliases(): Record<string, string> {
  return Object.fromEntries(LAMBDA_BUNDLE.omittedModules.map((name) => [name, OMITTED_MODULE]));
}

/**
 * The settings NodejsFunction has no property for (or, for `charset`, declares but does not pass
 * on in aws-cdk-lib 2.x), as esbuild command-line arguments for its `esbuildArgs`.
 */
export function extraEsbuildArgs(): Record<string, string | string[]> {
  return {
    '--charset': LAMBDA_BUNDLE.charset,
    '--alias': Object.entries(omittedAliases()).map(([name, target]) => `${name}=${target}`),
  };
}

/**
 * Code splitting: the bundle is `index.mjs` plus chunk files under `chunks/` in the same asset.
 * Whatever a Lambda reaches only through `await import(...)` (nodemailer's MailComposer, the
 * platform senders, the search service on a reminder path, ical.js and the Temporal polyfill of
 * event extraction) lands in a chunk that Node reads and parses only on that first import, so a
 * cold start pays for the entry and its static imports only. Lambda resolves the entry's relative
 * imports within the asset as Node does anywhere.
 */
export const SPLITTING = {
  entryNames: 'index',
  chunkNames: 'chunks/[name]-[hash]',
  /** ESM output needs `.mjs` (the asset has no package.json with `"type": "module"`). */
  outExtension: '.mjs',
} as const;

/**
 * esbuild options for one entry, as RelayFunction deploys it (into `outdir`: `index.mjs` and its
 * chunks). `optimised: false` gives the baseline the bundle report compares against: same bundle,
 * no minification, no tree-shaking.
 */
export function esbuildOptions(entry: string, outdir: string, optimised = true): BuildOptions {
  return {
    entryPoints: [entry],
    outdir,
    splitting: true,
    entryNames: SPLITTING.entryNames,
    chunkNames: SPLITTING.chunkNames,
    outExtension: { '.js': SPLITTING.outExtension },
    bundle: true,
    platform: 'node',
    format: LAMBDA_BUNDLE.format,
    target: LAMBDA_BUNDLE.target,
    minify: optimised && LAMBDA_BUNDLE.minify,
    treeShaking: optimised,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    external: [...LAMBDA_BUNDLE.externalModules],
    banner: { js: LAMBDA_BUNDLE.banner },
    charset: LAMBDA_BUNDLE.charset,
    alias: omittedAliases(),
    metafile: true,
    logLevel: 'error',
  };
}

/**
 * The output files a cold start loads: the entry (`index.mjs`; esbuild marks the chunks of dynamic
 * imports as entry points too, so it is found by its name) and, transitively, the chunks it imports
 * with import statements. Metafile output paths are relative to esbuild's working directory.
 */
export function staticOutputs(metafile: Metafile): string[] {
  const entryName = `${SPLITTING.entryNames}${SPLITTING.outExtension}`;
  const entry = Object.keys(metafile.outputs).find(
    (file) => path.basename(file) === entryName && !file.includes('/chunks/'),
  );
  if (!entry) throw new Error(`no ${entryName} among the outputs`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !metafile.outputs[file]) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]!.imports) {
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
    }
  };
  visit(entry);
  return [...seen];
}

const shellQuote = (arg: string) => `'${arg.replaceAll("'", `'\\''`)}'`;

/**
 * The shell command that rebuilds one entry split into chunks, for NodejsFunction's `afterBundling`
 * hook. NodejsFunction always passes esbuild `--outfile=<asset>/index.mjs`, which esbuild refuses
 * together with `--splitting`; so its single-file build is replaced in the same asset directory by
 * this build, with the same settings as `esbuildOptions` (local bundling: the project's esbuild).
 */
export function splitBuildCommand(entry: string, outdir: string): string {
  const esbuild = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'esbuild');
  const args = [
    entry,
    '--bundle',
    '--platform=node',
    `--format=${LAMBDA_BUNDLE.format}`,
    `--target=${LAMBDA_BUNDLE.target}`,
    ...(LAMBDA_BUNDLE.minify ? ['--minify'] : []),
    ...(LAMBDA_BUNDLE.sourceMap ? ['--sourcemap'] : []),
    `--sources-content=${LAMBDA_BUNDLE.sourcesContent}`,
    `--main-fields=${LAMBDA_BUNDLE.mainFields.join(',')}`,
    ...LAMBDA_BUNDLE.externalModules.map((name) => `--external:${name}`),
    `--banner:js=${LAMBDA_BUNDLE.banner}`,
    ...Object.entries(extraEsbuildArgs()).flatMap(([flag, value]) =>
      Array.isArray(value) ? value.map((item) => `${flag}:${item}`) : [`${flag}=${value}`],
    ),
    '--splitting',
    `--outdir=${outdir}`,
    `--entry-names=${SPLITTING.entryNames}`,
    `--chunk-names=${SPLITTING.chunkNames}`,
    `--out-extension:.js=${SPLITTING.outExtension}`,
    '--log-level=error',
  ];
  const single = ['index.mjs', 'index.mjs.map'].map((file) => shellQuote(path.join(outdir, file)));
  return `rm -f ${single.join(' ')} && ${[esbuild, ...args].map(shellQuote).join(' ')}`;
}
