import { create, insertMultiple, save, search } from '@orama/orama';
import FlexSearch from 'flexsearch';
import MiniSearch from 'minisearch';
import { RELEVANCE_SET } from './relevance-set.js';
import { generateResources } from './sample-library.js';

/**
 * The measurements the library choice rests on (README, Search): the same resources and queries
 * in MiniSearch, Orama and FlexSearch, each in its default configuration.
 */

const QUERIES = RELEVANCE_SET.map((q) => q.query.replace(/\w+:\S+/g, '').trim()).filter(Boolean);

function p95(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(0.95 * sorted.length)] as number;
}

async function timeQueries(run: (q: string) => unknown): Promise<number> {
  for (const q of QUERIES) await run(q);
  const times: number[] = [];
  for (let r = 0; r < 5; r++)
    for (const q of QUERIES) {
      const t = performance.now();
      await run(q);
      times.push(performance.now() - t);
    }
  return p95(times);
}

export async function compareLibraries(n: number): Promise<void> {
  const docs = generateResources(n, 11).map((r) => ({
    id: r.id,
    title: r.title,
    summary: r.summary,
    content: r.contentHtml ?? '',
  }));
  const rows: string[][] = [];

  let t = performance.now();
  const mini = new MiniSearch({ fields: ['title', 'summary', 'content'] });
  mini.addAll(docs);
  let build = performance.now() - t;
  let size = JSON.stringify(mini).length;
  rows.push([
    'MiniSearch 7',
    build.toFixed(0),
    (await timeQueries((q) => mini.search(q).slice(0, 10))).toFixed(2),
    (size / 1e6).toFixed(1),
  ]);

  t = performance.now();
  const orama = create({
    schema: { id: 'string', title: 'string', summary: 'string', content: 'string' } as const,
  });
  await insertMultiple(orama, docs);
  build = performance.now() - t;
  size = JSON.stringify(await save(orama)).length;
  rows.push([
    'Orama 3',
    build.toFixed(0),
    (await timeQueries((q) => search(orama, { term: q, limit: 10 }))).toFixed(2),
    (size / 1e6).toFixed(1),
  ]);

  t = performance.now();
  const flex = new FlexSearch.Document({ document: { id: 'id', index: ['title', 'summary', 'content'] } });
  for (const d of docs) flex.add(d);
  build = performance.now() - t;
  let flexSize = 0;
  await flex.export((_key: string, data: unknown) => {
    flexSize += typeof data === 'string' ? data.length : JSON.stringify(data ?? '').length;
  });
  rows.push([
    'FlexSearch 0.8',
    build.toFixed(0),
    (await timeQueries((q) => flex.search(q, { limit: 10 }))).toFixed(2),
    (flexSize / 1e6).toFixed(1),
  ]);

  console.log(
    `\nlibraries, default configurations, ${n.toLocaleString('en')} resources, ${QUERIES.length} queries`,
  );
  console.log(
    `  ${'library'.padEnd(16)}${'build ms'.padStart(10)}${'p95 ms'.padStart(10)}${'JSON MB'.padStart(10)}`,
  );
  for (const r of rows)
    console.log(
      `  ${(r[0] as string).padEnd(16)}${r
        .slice(1)
        .map((c) => c.padStart(10))
        .join('')}`,
    );
}
