import type { Language, ResourceType } from '../domain/resource.js';
import type { ResourceFilter } from '../filters/filter.js';

/**
 * The search capability's interface, as the bots, the CLI and the digests see it. The
 * implementation behind it (an in-memory index today, OpenSearch if the library outgrows a
 * Lambda) can change without them knowing.
 */
export interface SearchRequest {
  /** The member's text, with inline filters (`type:document country:BR "cash transfers" -pilot`). */
  query: string;
  /** Filters given apart from the text (a channel's context, a button's state); ANDed with the query's. */
  filter?: ResourceFilter;
  limit?: number;
  /** Opaque cursor from a previous response, for "more results". */
  cursor?: string;
  /** The asker's language, used to choose display names and break ties; results stay in any language. */
  language?: 'en' | 'es';
  /** Each hit carries the parts of its score (`SearchHit.explain`): for diagnosing a ranking. */
  explain?: boolean;
  /** The asker's IANA zone (`tz`): `desde:hoy` starts at its midnight there. Without it, UTC. */
  timeZone?: string;
}

/**
 * How a hit's score was made, by the code that ranked it:
 * score = (sum of `terms` and `topic` parts) × `coordination` × `prior` × `recency` × `proximity`,
 * rounded.
 */
export interface ScoreExplanation {
  /**
   * How the hit was ranked: it has every word, some of them (listed after), only words too common to
   * restrict anything (a query of them and filters: by their small score), or none of the words
   * searched (newest first).
   */
  ranking: 'all words' | 'some words' | 'common words' | 'newest first';
  /** The words matched: the query's word, the index term reached (stemmed; a typo or prefix variant), the field, the part. */
  terms: { word: string; term: string; field: string; score: number }[];
  /**
   * The taxonomy's part: the query's topic or country found among the resource's tags (`#t:`,
   * `#c:`), its main topic (`#m:`), and the topic named in a field's own text in the resource's
   * language (`#f:es:…`, with the field: it scores there as the words typed would), with their parts.
   */
  topic: { token: string; score: number; field?: string }[];
  /** The number of distinct query terms matched (weak words do not count): the score is multiplied by it. */
  coordination: number;
  /** The document prior: above 1 for a document (a report, an evaluation, a guide), 1 otherwise. */
  prior: number;
  /** The recency factor, 1 + weight × 0.5^(age / half-life). */
  recency: number;
  /**
   * The phrase-proximity factor: 1 + weight × the share of the query's phrases the title has, its
   * words next to each other (or, for a taxonomy phrase, naming its topic in any language).
   */
  proximity: number;
  /**
   * The resource's language and how its words matched: in the query's words, or through the
   * taxonomy's names in another language (the best of the two counts, never both).
   */
  language: { resource: Language; matched: 'as typed' | 'through the taxonomy' | 'tags only' | 'none' };
  /** Query words weighed as weak (most of the library has them, or they name its domain: "social protection"): they add little and restrict nothing. */
  weak: string[];
}

export interface SearchHit {
  id: string;
  title: string;
  url: string;
  partnerId: string;
  partnerName: string;
  publishedAt: string;
  type: ResourceType;
  language: Language;
  topics: string[];
  countries: string[];
  /** Plain text with the matched words marked as «word» (each face renders the marks its own way). */
  snippet: string;
  score: number;
  /** Present when the request asked for it. */
  explain?: ScoreExplanation;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  /**
   * How many of `total` have every word (they come first; the rest have some of them). What a
   * follow or a subscription with the same words would match.
   */
  matched?: number;
  /** Present when there are more results. */
  nextCursor?: string;
  /** How many results come before this page (0 on the first): its first hit ranks offset + 1. */
  offset?: number;
  /**
   * The cursor given was not one this search (or list) gave, so the page is the first: each face
   * says so in its own words (a chat's "more results" link, the CLI's --cursor).
   */
  ignoredCursor?: boolean;
  /** The filters understood from the query, for display ("type: document, country: Brazil"). */
  appliedFilter: ResourceFilter;
  /** Problems with the query (a malformed filter), each a short sentence for the member. */
  problems: string[];
  /** The library holds nothing yet (`problems` says so in the member's words). */
  libraryEmpty?: boolean;
}

export interface SearchService {
  search(request: SearchRequest): Promise<SearchResponse>;
  /** The newest resources matching a filter (its keywords included), newest first. */
  latest(filter: ResourceFilter, limit: number, cursor?: string): Promise<SearchResponse>;
  /** Partner id → name: what `partner:` values resolve against, as the search itself does. */
  partners(): Promise<ReadonlyMap<string, string>>;
}
