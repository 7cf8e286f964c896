import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

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
} as const;

/**
 * esbuild options for one entry, as NodejsFunction builds it. `optimised: false` gives the
 * baseline the bundle report compares against: same bundle, no minification, no tree-shaking.
 */
export function esbuildOptions(entry: string, outfile: string, optimised = true): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
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
    metafile: true,
    logLevel: 'error',
  };
}
