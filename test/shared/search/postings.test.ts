import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import {
  type GroupQuery,
  Postings,
  PostingsBuilder,
  type QueryNode,
  termCount,
} from '#shared/search/postings.js';

const DOCS = [
  ['cash transfer evaluation', 'cash cash transfers in brazil'],
  ['early childhood', 'childhood nutrition and cash'],
  ['transfer', ''],
  ['housing subsidies', 'housing housing housing transfers'],
  ['', 'evaluations of transfer programmes'],
];
const FIELDS = ['title', 'body'];
const BOOST = [3, 1];

function both() {
  const builder = new PostingsBuilder(FIELDS.length);
  for (const doc of DOCS) builder.add(doc.map((text) => (text === '' ? [] : text.split(' '))));
  const postings = new Postings(builder.finish());
  const mini = new MiniSearch({ fields: FIELDS, tokenize: (t) => (t === '' ? [] : t.split(' ')) });
  mini.addAll(DOCS.map(([title, body], id) => ({ id, title, body })));
  return { postings, mini };
}

const options = { boost: BOOST, termBoost: () => 1 };
const miniOptions = { boost: { title: 3, body: 1 } };

describe('Postings', () => {
  it('scores a term as MiniSearch does (BM25+, field boosts), typo and prefix variants included', () => {
    const { postings, mini } = both();
    const cases: [QueryNode, Parameters<MiniSearch['search']>[1]][] = [
      [{ kind: 'term', term: 'cash', fuzzy: 0, prefix: false }, {}],
      [{ kind: 'term', term: 'transfer', fuzzy: 0, prefix: true }, { prefix: true }],
      [{ kind: 'term', term: 'housng', fuzzy: 1, prefix: false }, { fuzzy: 1 }],
    ];
    for (const [node, extra] of cases) {
      const ours = postings.run(node, options);
      const theirs = mini.search((node as { term: string }).term, { ...miniOptions, ...extra });
      expect([...ours.ids]).toEqual(theirs.map((r) => r.id).sort());
      for (const r of theirs) expect(ours.scores[[...ours.ids].indexOf(r.id)]).toBeCloseTo(r.score, 9);
    }
  });

  it('ANDs, ORs and excludes like MiniSearch, scores summed', () => {
    const { postings, mini } = both();
    const term = (t: string): QueryNode => ({ kind: 'term', term: t, fuzzy: 0, prefix: false });
    const and = postings.run({ kind: 'and', queries: [term('cash'), term('transfer')] }, options);
    const miniAnd = mini.search({ combineWith: 'AND', queries: ['cash', 'transfer'] }, miniOptions);
    expect([...and.ids]).toEqual(miniAnd.map((r) => r.id).sort());
    // MiniSearch multiplies by the number of distinct query terms matched; the index does it after filters.
    for (const r of miniAnd) {
      const k = [...and.ids].indexOf(r.id);
      expect((and.scores[k] as number) * termCount(and.terms[k] as number)).toBeCloseTo(r.score, 9);
    }
    const or = postings.run({ kind: 'or', queries: [term('housing'), term('childhood')] }, options);
    expect([...or.ids]).toEqual([1, 3]);
    const not = postings.run(
      { kind: 'andNot', include: term('transfers'), exclude: term('brazil') },
      options,
    );
    expect([...not.ids]).toEqual([3]);
  });

  it('boosters add to what the OR matched and match nothing alone', () => {
    const { postings } = both();
    const term = (t: string): QueryNode => ({ kind: 'term', term: t, fuzzy: 0, prefix: false });
    const plain = postings.run({ kind: 'or', queries: [term('transfer')] }, options);
    const boosted = postings.run(
      { kind: 'or', queries: [term('transfer')], boosters: [term('cash')] },
      options,
    );
    expect([...boosted.ids]).toEqual([...plain.ids]);
    expect(boosted.scores[0]).toBeGreaterThan(plain.scores[0] as number);
    expect(boosted.scores[1]).toBe(plain.scores[1]);
  });

  it('a booster counted as another term adds its score but no term to the coordination', () => {
    const { postings } = both();
    const term = (t: string, countsAs?: string): QueryNode => ({
      kind: 'term',
      term: t,
      fuzzy: 0,
      prefix: false,
      ...(countsAs ? { countsAs } : {}),
    });
    const counted = postings.run(
      { kind: 'or', queries: [term('transfer')], boosters: [term('cash')] },
      options,
    );
    const folded = postings.run(
      { kind: 'or', queries: [term('transfer')], boosters: [term('cash', 'transfer')] },
      options,
    );
    expect([...folded.scores]).toEqual([...counted.scores]);
    expect(termCount(counted.terms[0] as number)).toBe(2);
    expect(termCount(folded.terms[0] as number)).toBe(1);
  });

  it('a rival booster that scores the first query again under other boosts gives what it gives alone', () => {
    const { postings } = both();
    const term = (t: string): QueryNode => ({ kind: 'term', term: t, fuzzy: 0, prefix: false });
    // As a topic's `#f:` rival has them: the words typed, and their part in one field as a booster.
    const words: QueryNode[] = [{ kind: 'or', queries: [term('cash'), term('brazil')] }, term('transfers')];
    const unit = (boosterWords: QueryNode[]): GroupQuery => ({
      kind: 'or',
      queries: [{ kind: 'and', queries: words }, term('housing')],
      rivals: [
        {
          kind: 'or',
          queries: [term('evaluation'), term('childhood')],
          boosters: [{ kind: 'and', queries: boosterWords, boost: [0, 1] }],
        },
      ],
    });
    // The one array: scored with the first query in one pass. A copy: run on its own, as before.
    const once = postings.run(unit(words), options);
    const alone = postings.run(unit([...words]), options);
    expect([...once.ids]).toEqual([...alone.ids]);
    expect([...once.scores]).toEqual([...alone.scores]);
    expect([...once.terms]).toEqual([...alone.terms]);
    // The booster did add to the rival: without it the first document scores less.
    const without = postings.run(
      { ...unit(words), rivals: [{ kind: 'or', queries: [term('evaluation')] }] },
      options,
    );
    expect(once.scores[0]).toBeGreaterThan(without.scores[0] as number);
  });
});
