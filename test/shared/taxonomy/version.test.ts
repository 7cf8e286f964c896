import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DOMAIN_PHRASES, DOMAIN_WORDS } from '#shared/taxonomy/domain-words.js';
import { COUNTRIES, PROGRAMMES, TOPICS } from '#shared/taxonomy/index.js';
import { TAXONOMY_VERSION } from '#shared/taxonomy/version.js';

/**
 * Every version of the taxonomy's data, by its digest: a change to the data (a programme, a topic's
 * phrase, a domain word) must come with TAXONOMY_VERSION bumped and its digest added here, so that
 * deployed search snapshots tagged with the old data are rebuilt.
 */
const DIGESTS: Record<number, string> = {
  1: '46764ea622689ce4',
  2: 'd0daa27a9f844d23', // accounts and savings name financial inclusion
  3: 'cfa2bfee4a5fc211', // "juvenil" names youth ("empleo juvenil")
};

describe('the taxonomy version', () => {
  it('names the data as it is: a changed taxonomy bumps TAXONOMY_VERSION (shared/taxonomy/version.ts)', () => {
    const digest = createHash('sha256')
      .update(JSON.stringify({ TOPICS, COUNTRIES, PROGRAMMES, DOMAIN_WORDS, DOMAIN_PHRASES }))
      .digest('hex')
      .slice(0, 16);
    expect(
      DIGESTS[TAXONOMY_VERSION],
      `the taxonomy's data changed (digest ${digest}): bump TAXONOMY_VERSION and add its digest here`,
    ).toBe(digest);
  });
});
