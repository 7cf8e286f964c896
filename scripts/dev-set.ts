/**
 * The development relevance set's figures (issue 19): ours against MiniSearch's default
 * configuration over test/shared/search/dev/, overall and by query type, the other-language share
 * of the top 5, then every query weakest first, and the top 5 (id, grade, title) of the 15
 * weakest. The development set is the one whose failures may be studied to choose ranking changes;
 * the blind set's may not.
 *
 *   npx tsx scripts/dev-set.ts [--weakest N]
 *   npx tsx scripts/dev-set.ts --explain "cash transfers Brazil" [N]
 *
 * `--explain` prints one query's first N hits (10) over the development library with their grades
 * and score parts, as `iaspn search --explain` shows them.
 */
import { explainLines } from '../cli/commands/search.js';
import { SearchIndex } from '../shared/search/search-index.js';
import { DEV_SET } from '../test/shared/search/dev/judgements.js';
import { DEV_NOW, DEV_PARTNERS, devLibrary } from '../test/shared/search/dev/library.js';
import { measureDev } from '../test/shared/search/dev-figures.js';

const explainAt = process.argv.indexOf('--explain');
if (explainAt >= 0) {
  const query = process.argv[explainAt + 1] ?? '';
  const shown = Number(process.argv[explainAt + 2] ?? 10);
  const library = devLibrary();
  const judged = DEV_SET.find((j) => j.query === query);
  const index = SearchIndex.build(library, DEV_PARTNERS, { builtAt: DEV_NOW });
  const { hits, total } = index.search({ query, limit: shown, explain: true }, new Date(DEV_NOW));
  const byId = new Map(library.map((r) => [r.id, r]));
  console.log(`"${query}": ${total} results${judged ? '' : ' (not a judged query: no grades)'}`);
  for (const [i, hit] of hits.entries()) {
    const r = byId.get(hit.id)!;
    const grade = judged ? String(judged.grade(r)) : '-';
    console.log(`\n${i + 1}. [${grade}] ${hit.id} ${r.language} ${r.type} ${r.title}`);
    console.log(
      `   meta ${JSON.stringify(r.meta)} topics ${r.topics.join(',')} countries ${r.countries.join(',')}`,
    );
    if (hit.explain) for (const line of explainLines(hit.score, hit.explain)) console.log(`   ${line}`);
  }
  process.exit(0);
}

const at = process.argv.indexOf('--weakest');
const weakest = at >= 0 ? Number(process.argv[at + 1]) : 15;

const f = await measureDev();
const n = (v: number) => v.toFixed(3);

console.log(`development set: ${f.queries} queries over ${f.resources} resources`);
console.log(`  ours:               nDCG@5 ${n(f.ours.ndcg5)}  recall@10 ${n(f.ours.recall10)}`);
console.log(`  MiniSearch default: nDCG@5 ${n(f.baseline.ndcg5)}  recall@10 ${n(f.baseline.recall10)}`);

console.log('\nby query type                 ours nDCG@5  recall@10   MiniSearch nDCG@5  recall@10');
for (const t of f.byType)
  console.log(
    `  ${`${t.type} (${t.queries})`.padEnd(28)}${n(t.ours.ndcg5).padStart(11)}${n(t.ours.recall10).padStart(11)}${n(t.baseline.ndcg5).padStart(20)}${n(t.baseline.recall10).padStart(11)}`,
  );

console.log('\nother-language share of the top 5 (queries judged in any language)');
for (const [name, s] of Object.entries(f.share))
  console.log(
    `  ${`${name} (${s.queries})`.padEnd(10)} ours ${n(s.ours)}  MiniSearch ${n(s.baseline)}  judged best 5 ${n(s.judged)}`,
  );

const order = f.perQuery
  .map((q) => ({ ...q, baseline: q.baseline.ndcg5 }))
  .sort((a, b) => a.ndcg5 - b.ndcg5 || a.recall10 - b.recall10);
console.log('\nper query, weakest first    nDCG@5  recall@10  (MiniSearch nDCG@5)  judged 3/2/1');
for (const q of order)
  console.log(
    `  ${n(q.ndcg5)}  ${n(q.recall10)}  (${n(q.baseline)})  ${q.judged[3]}/${q.judged[2]}/${q.judged[1]}  [${q.type}] ${q.query}`,
  );

console.log(`\nthe ${weakest} weakest, with their top 5 (grade, id, title)`);
for (const q of order.slice(0, weakest)) {
  console.log(`\n  "${q.query}"  nDCG@5 ${n(q.ndcg5)}  recall@10 ${n(q.recall10)}`);
  if (q.top.length === 0) console.log('    (no results)');
  for (const h of q.top) console.log(`    ${h.grade}  ${h.id}  ${h.title.slice(0, 100)}`);
}
