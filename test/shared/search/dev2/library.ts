import type { Resource, ResourceType } from '#shared/domain/resource.js';
import { tagText } from '#shared/taxonomy/index.js';
import { makeResource } from '../../../helpers/resources.js';
import { type Dev2Entry, type Dev2Meta, ENTRIES, type Kind } from './entries.js';

/**
 * The second development library: 390 resources as partners of the Caribbean, Central America,
 * Brazil, the Andes and the Southern Cone publish them (entries.ts), normalised as ingest would:
 * topics and countries tagged from title and summary with the taxonomy's `tagText`, plus the
 * country of a national partner; the type following the kind; dates over three years up to
 * DEV2_NOW. Each resource keeps its ground truth (`meta`), which is all the judgements read.
 */

export const DEV2_NOW = '2026-11-30T12:00:00.000Z';

/** Partner id → name, and the country of the national ones (regional ones have none). */
export const DEV2_PARTNER_LIST: readonly { id: string; name: string; country?: string }[] = [
  { id: 'mlss-jm', name: 'Ministry of Labour and Social Security, Jamaica', country: 'JM' },
  { id: 'pioj-jm', name: 'Planning Institute of Jamaica', country: 'JM' },
  {
    id: 'mhd-bz',
    name: "Ministry of Human Development, Families and Indigenous Peoples' Affairs, Belize",
    country: 'BZ',
  },
  {
    id: 'mpfs-tt',
    name: 'Ministry of Social Development and Family Services, Trinidad and Tobago',
    country: 'TT',
  },
  { id: 'mpea-bb', name: 'Ministry of People Empowerment and Elder Affairs, Barbados', country: 'BB' },
  { id: 'mast-ht', name: 'Ministère des Affaires Sociales et du Travail, Haïti', country: 'HT' },
  { id: 'mides-gt', name: 'Ministerio de Desarrollo Social de Guatemala', country: 'GT' },
  { id: 'sedesol-hn', name: 'Secretaría de Desarrollo Social de Honduras', country: 'HN' },
  { id: 'fisdl-sv', name: 'Fondo de Inversión Social para el Desarrollo Local, El Salvador', country: 'SV' },
  {
    id: 'gabinete-do',
    name: 'Gabinete de Coordinación de Políticas Sociales, República Dominicana',
    country: 'DO',
  },
  { id: 'imas-cr', name: 'Instituto Mixto de Ayuda Social, Costa Rica', country: 'CR' },
  { id: 'mds-br', name: 'Ministério do Desenvolvimento e Assistência Social, Brasil', country: 'BR' },
  { id: 'ipea-br', name: 'Instituto de Pesquisa Econômica Aplicada', country: 'BR' },
  { id: 'midis-pe', name: 'Ministerio de Desarrollo e Inclusión Social del Perú', country: 'PE' },
  { id: 'mpd-bo', name: 'Ministerio de Planificación del Desarrollo, Bolivia', country: 'BO' },
  { id: 'mies-ec', name: 'Ministerio de Inclusión Económica y Social, Ecuador', country: 'EC' },
  { id: 'dps-co', name: 'Prosperidad Social, Colombia', country: 'CO' },
  { id: 'mds-cl', name: 'Ministerio de Desarrollo Social y Familia, Chile', country: 'CL' },
  { id: 'mides-uy', name: 'Ministerio de Desarrollo Social, Uruguay', country: 'UY' },
  { id: 'mds-py', name: 'Ministerio de Desarrollo Social, Paraguay', country: 'PY' },
  { id: 'mcch-ar', name: 'Ministerio de Capital Humano, Argentina', country: 'AR' },
  { id: 'oas-lac', name: 'OAS Department of Human Development' },
  { id: 'iaspn-lac', name: 'Inter-American Social Protection Network' },
  { id: 'cepal-lac', name: 'CEPAL / ECLAC' },
  { id: 'idb-lac', name: 'Inter-American Development Bank' },
  { id: 'wb-lac', name: 'World Bank Latin America and the Caribbean' },
  { id: 'unicef-lac', name: 'UNICEF Latin America and the Caribbean' },
  { id: 'wfp-lac', name: 'WFP Latin America and the Caribbean' },
  { id: 'cdb-lac', name: 'Caribbean Development Bank' },
];

export const DEV2_PARTNERS: ReadonlyMap<string, string> = new Map(
  DEV2_PARTNER_LIST.map((p) => [p.id, p.name]),
);

export type Dev2Resource = Resource & { meta: Dev2Meta };

export const TYPE_OF_KIND: Readonly<Record<Kind, ResourceType>> = {
  evaluation: 'document',
  study: 'document',
  report: 'document',
  guide: 'document',
  brief: 'document',
  newsletter: 'document',
  news: 'news',
  event: 'event',
  video: 'video',
  podcast: 'audio',
};

const DAY = 24 * 60 * 60 * 1000;
/** Three years back from DEV2_NOW, spread by a fixed step so that every year has every kind. */
const SPAN_DAYS = 3 * 365;

function normalise(entry: Dev2Entry, k: number): Dev2Resource {
  const partner = DEV2_PARTNER_LIST.find((p) => p.id === entry.partnerId);
  if (!partner) throw new Error(`Unknown partner ${entry.partnerId}`);
  const tags = tagText([entry.title, entry.summary]);
  const countries = [...new Set([...(partner.country ? [partner.country] : []), ...tags.countries])];
  const daysBack = (k * 389 + 7) % SPAN_DAYS;
  const at = new Date(Date.parse(DEV2_NOW) - daysBack * DAY - (k % 24) * 3600 * 1000).toISOString();
  const id = `dev2-${String(k + 1).padStart(3, '0')}-${entry.partnerId}`;
  return {
    ...makeResource({
      id,
      partnerId: entry.partnerId,
      sources: [{ feedId: `${entry.partnerId}-feed`, partnerId: entry.partnerId }],
      feedId: `${entry.partnerId}-feed`,
      url: `https://${entry.partnerId}.example.org/${id}`,
      title: entry.title,
      summary: entry.summary,
      publishedAt: at,
      firstSeenAt: at,
      language: entry.language,
      type: TYPE_OF_KIND[entry.meta.kind],
      topics: tags.topics,
      countries,
      contentHash: `hash-${id}`,
    }),
    meta: entry.meta,
  };
}

let cached: Dev2Resource[] | undefined;

/** The library, built once (tagging every text costs a few milliseconds). */
export function dev2Library(): Dev2Resource[] {
  cached ??= ENTRIES.map(normalise);
  return cached;
}
