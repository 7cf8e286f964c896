import { bench, describe } from 'vitest';
import { CoopMatcher, topicOverlapRanking } from '#shared/coop/match.js';
import { benchOptions } from '../../helpers/bench.js';
import { baselineRanker, ENTRIES, LABELLED, measure, oursRanker } from './exchange-set.js';

// Relevance of the cooperation exchange's matching on the labelled set, against plain topic
// overlap in the same run (test/fixtures/coop/exchange-set.json; measures in exchange-set.ts).
const ours = measure(oursRanker());
const baseline = measure(baselineRanker);
const row = (name: string, f: typeof ours) =>
  `  ${name.padEnd(22)} precision@3 ${f.precisionAt3.toFixed(3)}  recall@5 ${f.recallAt5.toFixed(3)}  first right ${f.firstRight.toFixed(3)}`;
console.log(
  `\nCooperation exchange matching, ${LABELLED.length} requests, ${ENTRIES.length - LABELLED.length} offers:`,
);
console.log(row('ours', ours));
console.log(row('plain topic overlap', baseline));
console.log(`  precision@3 above the baseline: ${(ours.precisionAt3 - baseline.precisionAt3).toFixed(3)}`);

describe('matching every request of the labelled set', () => {
  bench(
    'ours (matcher built once)',
    () => {
      const matcher = new CoopMatcher(ENTRIES);
      for (const { request } of LABELLED) matcher.matchesFor(request, 5);
    },
    benchOptions,
  );
  bench(
    'plain topic overlap',
    () => {
      for (const { request } of LABELLED) topicOverlapRanking(request, ENTRIES, 5);
    },
    benchOptions,
  );
});
