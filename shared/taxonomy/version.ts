/**
 * The taxonomy's data version (topics and their phrases, countries, programmes, domain words). What
 * a search snapshot holds was tagged with it: a snapshot of another version is rebuilt from the
 * store. Bumped with every change to the data; test/shared/taxonomy/version.test.ts fails on a
 * change without a bump. Apart from index.ts so that a snapshot's check loads no taxonomy table.
 */
export const TAXONOMY_VERSION = 3;
