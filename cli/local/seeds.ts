import type { Runtime } from '#shared/runtime/runtime.js';

export interface SeedContext {
  /** Origin of the local sample-feed server, e.g. http://127.0.0.1:8788. */
  feedOrigin: string;
  /** Folder holding the sample feeds and partners.json. */
  sampleDir: string;
}

/**
 * What the local stack puts in a new store on its first start (the sample partners and their
 * feeds, a followed demo channel, ...). Each seed must be idempotent: it runs on every start and
 * only adds what is missing.
 */
export type LocalSeed = (runtime: Runtime, context: SeedContext) => Promise<void>;

export const LOCAL_SEEDS: { name: string; seed: LocalSeed }[] = [];
