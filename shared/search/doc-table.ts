import {
  LANGUAGES,
  type Language,
  RESOURCE_TYPES,
  type Resource,
  type ResourceType,
} from '../domain/resource.js';
import { eventEndMs } from '../events/upcoming.js';
import type { FilterableResource } from '../filters/filter.js';
import { decodeArray, encodeArray } from './postings.js';
import { TimeColumn } from './time-column.js';

/**
 * What the index keeps of each resource to filter, rank and show it, in columns indexed by the
 * index's internal document number: strings for what is shown, small codes for types and
 * languages, shared lists for topics, countries and partners (a few hundred distinct lists serve
 * 100,000 resources), publication times and events' ends as numbers, and the recency order.
 */

/** A resource's display and filter fields, as one object (built for a page of hits only). */
export interface DocRecord {
  id: string;
  title: string;
  url: string;
  partnerId: string;
  /** Every partner whose feeds carry it (first is `partnerId`), for `partner:` filters. */
  sources: readonly { partnerId: string }[];
  publishedAt: string;
  type: ResourceType;
  language: Language;
  topics: readonly string[];
  countries: readonly string[];
  summary: string;
}

/** Interns lists: equal lists share one array. */
class ListPool<T> {
  readonly lists: T[][] = [];
  private readonly byKey = new Map<string, number>();
  constructor(private readonly make: (values: string[]) => T[]) {}
  intern(values: readonly string[]): number {
    const key = values.join(' ');
    let n = this.byKey.get(key);
    if (n === undefined) {
      n = this.lists.length;
      this.byKey.set(key, n);
      this.lists.push(this.make([...values]));
    }
    return n;
  }
}

const split = (s: string) => (s === '' ? [] : s.split(' '));

export interface DocColumns {
  ids: string[];
  titles: string[];
  urls: string[];
  summaries: string[];
  published: TimeColumn;
  types: Uint8Array;
  languages: Uint8Array;
  topicLists: string[][];
  topicOf: Uint32Array;
  countryLists: string[][];
  countryOf: Uint32Array;
  sourceLists: { partnerId: string }[][];
  sourceOf: Uint32Array;
  /** Document numbers newest first, ties by id: the order of `latest` and of equal scores. */
  order: Uint32Array;
  /** When each event is over ('' for other resources and undated events): search ranks upcoming events first. */
  eventEnds: TimeColumn;
}

/**
 * A document's filterable fields, reused from one document to the next: its publication time is
 * rebuilt as a string only when a filter reads it (`since:`, `before:`).
 */
class FilterView implements FilterableResource {
  type: ResourceType = 'news';
  language: Language = 'en';
  countries: string[] = [];
  topics: string[] = [];
  partnerId = '';
  sources: readonly { partnerId: string }[] = [];
  n = 0;
  constructor(private readonly published: TimeColumn) {}
  get publishedAt(): string {
    return this.published.at(this.n);
  }
}

const EVENT_TYPE = RESOURCE_TYPES.indexOf('event');

export class DocTable {
  /** Position of each document in `order`: the smaller, the newer. */
  readonly recencyRank: Uint32Array;
  /** Reused for filter checks, so that checking 100,000 resources allocates nothing. */
  private readonly view: FilterView;

  constructor(readonly columns: DocColumns) {
    this.view = new FilterView(columns.published);
    this.recencyRank = new Uint32Array(columns.ids.length);
    columns.order.forEach((doc, position) => {
      this.recencyRank[doc] = position;
    });
  }

  /** When document n was published, epoch ms. */
  publishedMs(n: number): number {
    return this.columns.published.msAt(n);
  }

  /** When event n is over, epoch ms; NaN for other resources and undated events. */
  eventEndMs(n: number): number {
    return this.columns.types[n] === EVENT_TYPE ? this.columns.eventEnds.msAt(n) : Number.NaN;
  }

  get size(): number {
    return this.columns.ids.length;
  }

  static build(resources: readonly Resource[]): DocTable {
    const topics = new ListPool<string>((v) => v);
    const countries = new ListPool<string>((v) => v);
    const sources = new ListPool<{ partnerId: string }>((v) => v.map((partnerId) => ({ partnerId })));
    const n = resources.length;
    const columns: DocColumns = {
      ids: [],
      titles: [],
      urls: [],
      summaries: [],
      published: TimeColumn.of(resources.map((r) => r.publishedAt)),
      types: new Uint8Array(n),
      languages: new Uint8Array(n),
      topicLists: topics.lists,
      topicOf: new Uint32Array(n),
      countryLists: countries.lists,
      countryOf: new Uint32Array(n),
      sourceLists: sources.lists,
      sourceOf: new Uint32Array(n),
      order: new Uint32Array(n),
      eventEnds: TimeColumn.of(
        resources.map((r) => {
          const end = r.type === 'event' ? eventEndMs(r.event) : Number.NaN;
          return Number.isFinite(end) ? new Date(end).toISOString() : '';
        }),
        { sparse: true },
      ),
    };
    resources.forEach((r, k) => {
      const partners = [r.partnerId];
      for (const source of r.sources ?? [])
        if (!partners.includes(source.partnerId)) partners.push(source.partnerId);
      columns.ids.push(r.id);
      columns.titles.push(r.title);
      columns.urls.push(r.url);
      columns.summaries.push(r.summary ?? '');
      columns.types[k] = RESOURCE_TYPES.indexOf(r.type);
      columns.languages[k] = LANGUAGES.indexOf(r.language);
      columns.topicOf[k] = topics.intern(r.topics ?? []);
      columns.countryOf[k] = countries.intern(r.countries ?? []);
      columns.sourceOf[k] = sources.intern(partners);
    });
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => {
      const newer = columns.published.compare(b, a);
      if (newer !== 0) return newer;
      const ia = columns.ids[a] as string;
      const ib = columns.ids[b] as string;
      return ia < ib ? -1 : ia > ib ? 1 : 0;
    });
    columns.order.set(order);
    return new DocTable(columns);
  }

  /** The filterable fields of a document, in an object reused by the next call. */
  filterView(n: number): FilterableResource {
    const c = this.columns;
    const v = this.view;
    v.type = RESOURCE_TYPES[c.types[n] as number] as ResourceType;
    v.language = LANGUAGES[c.languages[n] as number] as Language;
    v.countries = c.countryLists[c.countryOf[n] as number] as string[];
    v.topics = c.topicLists[c.topicOf[n] as number] as string[];
    v.sources = c.sourceLists[c.sourceOf[n] as number] as { partnerId: string }[];
    v.partnerId = v.sources[0]?.partnerId ?? '';
    v.n = n;
    return v;
  }

  record(n: number): DocRecord {
    const c = this.columns;
    const sources = c.sourceLists[c.sourceOf[n] as number] as { partnerId: string }[];
    return {
      id: c.ids[n] as string,
      title: c.titles[n] as string,
      url: c.urls[n] as string,
      partnerId: sources[0]?.partnerId ?? '',
      sources,
      publishedAt: c.published.at(n),
      type: RESOURCE_TYPES[c.types[n] as number] as ResourceType,
      language: LANGUAGES[c.languages[n] as number] as Language,
      topics: c.topicLists[c.topicOf[n] as number] as string[],
      countries: c.countryLists[c.countryOf[n] as number] as string[],
      summary: c.summaries[n] as string,
    };
  }

  /** Every partner id the library names. */
  partnerIds(): Set<string> {
    return new Set(this.columns.sourceLists.flatMap((list) => list.map((s) => s.partnerId)));
  }

  toJson() {
    const c = this.columns;
    return {
      ids: c.ids,
      titles: c.titles,
      urls: c.urls,
      summaries: c.summaries,
      published: c.published.values(),
      types: encodeArray(c.types),
      languages: encodeArray(c.languages),
      topicLists: c.topicLists.map((l) => l.join(' ')),
      topicOf: encodeArray(c.topicOf),
      countryLists: c.countryLists.map((l) => l.join(' ')),
      countryOf: encodeArray(c.countryOf),
      sourceLists: c.sourceLists.map((l) => l.map((s) => s.partnerId).join(' ')),
      sourceOf: encodeArray(c.sourceOf),
      order: encodeArray(c.order),
      eventEnds: c.eventEnds.values(),
    };
  }

  static fromJson(json: ReturnType<DocTable['toJson']>): DocTable {
    const u32 = (s: string) => decodeArray(s, (b) => new Uint32Array(b));
    const u8 = (s: string) => decodeArray(s, (b) => new Uint8Array(b));
    return new DocTable({
      ids: json.ids,
      titles: json.titles,
      urls: json.urls,
      summaries: json.summaries,
      published: TimeColumn.of(json.published),
      types: u8(json.types),
      languages: u8(json.languages),
      topicLists: json.topicLists.map(split),
      topicOf: u32(json.topicOf),
      countryLists: json.countryLists.map(split),
      countryOf: u32(json.countryOf),
      sourceLists: json.sourceLists.map((l) => split(l).map((partnerId) => ({ partnerId }))),
      sourceOf: u32(json.sourceOf),
      order: u32(json.order),
      // Snapshots written before events had ends hold none.
      eventEnds: TimeColumn.of(json.eventEnds ?? json.ids.map(() => ''), { sparse: true }),
    });
  }
}
