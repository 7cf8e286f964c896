import { type CoopEntry, resolveDraft } from '#shared/coop/entry.js';
import { CoopMatcher, topicOverlapRanking } from '#shared/coop/match.js';
import set from '../../fixtures/coop/exchange-set.json' with { type: 'json' };

/**
 * The labelled set (test/fixtures/coop/exchange-set.json) as entries, and the measures of a
 * ranking against the offers a Secretariat officer proposed for each request.
 */

export interface LabelledRequest {
  request: CoopEntry;
  proposed: string[];
}

function entryOf(raw: Record<string, unknown>): CoopEntry {
  const resolved = resolveDraft(raw);
  if (!resolved.ok) throw new Error(`${raw.ref}: ${resolved.problems.join('; ')}`);
  const at = '2026-11-01T00:00:00.000Z';
  const id = String(raw.ref);
  return { ...resolved.draft, id, status: 'open', createdAt: at, updatedAt: at, version: 1, history: [] };
}

export const OFFERS: CoopEntry[] = set.offers.map(entryOf);
export const LABELLED: LabelledRequest[] = set.requests.map((r) => ({
  request: entryOf(r),
  proposed: r.proposed,
}));
export const ENTRIES: CoopEntry[] = [...OFFERS, ...LABELLED.map((l) => l.request)];

/** A ranking: for a request, the ids of offers best first. */
export type Ranker = (request: CoopEntry) => string[];

export function oursRanker(entries: readonly CoopEntry[] = ENTRIES): Ranker {
  const matcher = new CoopMatcher(entries);
  return (request) => matcher.matchesFor(request, 5).map((m) => m.entry.id);
}

export const baselineRanker: Ranker = (request) => topicOverlapRanking(request, ENTRIES, 5).map((e) => e.id);

export interface Figures {
  /** Mean over requests of the proposed offers in the top 3, out of min(3, proposed). */
  precisionAt3: number;
  /** Mean over requests of the proposed offers in the top 5, out of all proposed. */
  recallAt5: number;
  /** Share of requests whose first offer is one proposed. */
  firstRight: number;
}

export function measure(rank: Ranker, labelled: readonly LabelledRequest[] = LABELLED): Figures {
  let p3 = 0;
  let r5 = 0;
  let first = 0;
  for (const { request, proposed } of labelled) {
    const ranked = rank(request);
    const hits = (k: number) => ranked.slice(0, k).filter((id) => proposed.includes(id)).length;
    p3 += hits(3) / Math.min(3, proposed.length);
    r5 += hits(5) / proposed.length;
    first += proposed.includes(ranked[0] ?? '') ? 1 : 0;
  }
  const n = labelled.length;
  const round = (x: number) => Math.round((x / n) * 1000) / 1000;
  return { precisionAt3: round(p3), recallAt5: round(r5), firstRight: round(first) };
}
