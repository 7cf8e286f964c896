import type { CasedTokens } from './fold.js';

/**
 * How a phrase must be written in free text to count:
 * - `any`: as it comes (folded: accents and case ignored);
 * - `upper`: in capitals ("CCT", "USA", "U.S."), so that "usa" the Spanish verb is not the USA;
 * - `capital`: with a leading capital ("Ecuador" the country, "el ecuador" the equator);
 * - `proper`: the words the phrase writes with a capital, with a capital ("programa Juntos" is
 *   "el programa Juntos" and "PROGRAMA JUNTOS", not "trabajar juntos"): give their offsets to `add`.
 * Queries and filters are typed casually, so `relaxed` scans ignore the rule.
 */
export type CaseRule = 'any' | 'upper' | 'capital' | 'proper';

interface Hit<T> {
  value: T;
  rule: CaseRule;
  /** For `proper`: the offsets, in the phrase, of the words that must start with a capital. */
  capitals: readonly number[];
}

interface Node<T> {
  next: Map<string, Node<T>>;
  hits: Hit<T>[] | undefined;
}

/** A match: the values of the phrase found, and the token span [start, end). */
export interface PhraseMatch<T> {
  values: T[];
  start: number;
  end: number;
}

/**
 * A token trie of folded phrases: a text is scanned once, left to right, taking the longest phrase
 * at each position (so "conditional cash transfers" is one match, not also "cash transfers").
 */
export class PhraseTrie<T> {
  private readonly root: Node<T> = { next: new Map(), hits: undefined };

  add(tokens: readonly string[], value: T, rule: CaseRule, capitals: readonly number[] = []): void {
    if (tokens.length === 0) return;
    let node = this.root;
    for (const token of tokens) {
      let child = node.next.get(token);
      if (!child) {
        child = { next: new Map(), hits: undefined };
        node.next.set(token, child);
      }
      node = child;
    }
    node.hits ??= [];
    if (!node.hits.some((h) => h.value === value && h.rule === rule && sameOffsets(h.capitals, capitals)))
      node.hits.push({ value, rule, capitals });
  }

  scan(text: CasedTokens, relaxed: boolean): PhraseMatch<T>[] {
    const { tokens } = text;
    const matches: PhraseMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      let node: Node<T> | undefined = this.root;
      let best: PhraseMatch<T> | undefined;
      for (let j = i; j < tokens.length; j++) {
        node = node.next.get(tokens[j]!);
        if (!node) break;
        if (node.hits) {
          const values = accepted(node.hits, text, i, j + 1, relaxed);
          if (values.length > 0) best = { values, start: i, end: j + 1 };
        }
      }
      if (best) {
        matches.push(best);
        i = best.end;
      } else {
        i++;
      }
    }
    return matches;
  }
}

function accepted<T>(hits: Hit<T>[], text: CasedTokens, start: number, end: number, relaxed: boolean): T[] {
  const values: T[] = [];
  for (const hit of hits) {
    if (relaxed || hit.rule === 'any') values.push(hit.value);
    else if (hit.rule === 'capital' && text.capital[start]) values.push(hit.value);
    else if (hit.rule === 'upper' && allUpper(text.upper, start, end)) values.push(hit.value);
    else if (hit.rule === 'proper' && hit.capitals.every((k) => text.capital[start + k]))
      values.push(hit.value);
  }
  return values;
}

const sameOffsets = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((k, i) => b[i] === k);

function allUpper(upper: boolean[], start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!upper[k]) return false;
  return true;
}
