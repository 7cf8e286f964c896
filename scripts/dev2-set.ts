/**
 * The second development set's figures (issue 19): ours against MiniSearch's default, overall, by
 * query type and for the other-language share; then every query, weakest first; then the top 5 of
 * the 15 weakest, with their grades, to study. `npx tsx scripts/dev2-set.ts`
 */
import { measureDev2 } from '../test/shared/search/dev2-figures.js';

const f = (x: number) => x.toFixed(3);
const figures = await measureDev2();

console.log(`Second development set: ${figures.resources} resources, ${figures.queries} queries`);
console.log(
  `ours       nDCG@5 ${f(figures.ours.ndcg5)}  recall@10 ${f(figures.ours.recall10)}\n` +
    `MiniSearch nDCG@5 ${f(figures.baseline.ndcg5)}  recall@10 ${f(figures.baseline.recall10)}`,
);

console.log('\nBy type                 ours nDCG@5  recall@10   MiniSearch nDCG@5  recall@10');
for (const t of figures.byType)
  console.log(
    `${`${t.type} (${t.queries})`.padEnd(22)}  ${f(t.ours.ndcg5)}       ${f(t.ours.recall10)}       ${f(t.baseline.ndcg5)}              ${f(t.baseline.recall10)}`,
  );

console.log('\nOther-language share of the top 5 (queries judged in any language)');
for (const [lang, s] of Object.entries(figures.share))
  if (s)
    console.log(
      `${lang.padEnd(4)} ${s.queries} queries: ours ${f(s.ours)}  MiniSearch ${f(s.baseline)}  judged ${f(s.judged)}`,
    );

const weakest = [...figures.perQuery].sort((a, b) => a.ndcg5 - b.ndcg5 || a.recall10 - b.recall10);
console.log('\nEvery query, weakest first: nDCG@5 recall@10 (MiniSearch nDCG@5) [judged 3/2/1]');
for (const q of weakest)
  console.log(
    `${f(q.ndcg5)} ${f(q.recall10)} (${f(q.baseline.ndcg5)}) [${q.judged[3]}/${q.judged[2]}/${q.judged[1]}] ${q.type.padEnd(10)} ${q.query}`,
  );

console.log('\nThe 15 weakest, ours top 5 (grade, id, title)');
for (const q of weakest.slice(0, 15)) {
  console.log(`\n${q.query}  (${q.type}, nDCG@5 ${f(q.ndcg5)}, recall@10 ${f(q.recall10)})`);
  for (const t of q.top) console.log(`  ${t.grade} ${t.id}  ${t.title.slice(0, 110)}`);
  if (q.top.length === 0) console.log('  (nothing)');
}
