import { type FilterPreview, PREVIEW_DAYS } from '#shared/filters/preview.js';
import type { UiLanguage } from '#shared/filters/values.js';

/**
 * What a follow or subscription would have brought (shared/filters/preview.ts), as the CLI says it:
 * the count in the last 30 days and the newest examples, or that it would have matched nothing.
 */
const SAYS: Record<UiLanguage, { brought: (n: number) => string; nothing: string }> = {
  en: {
    brought: (n) =>
      `Would have brought ${n} resource${n === 1 ? '' : 's'} in the last ${PREVIEW_DAYS} days, e.g.:`,
    nothing: `Would have matched nothing in the last ${PREVIEW_DAYS} days.`,
  },
  es: {
    brought: (n) =>
      `Habría traído ${n} recurso${n === 1 ? '' : 's'} en los últimos ${PREVIEW_DAYS} días, por ejemplo:`,
    nothing: `No habría coincidido con nada en los últimos ${PREVIEW_DAYS} días.`,
  },
};

export function previewLines(preview: FilterPreview, lang: UiLanguage): string[] {
  if (preview.total === 0) return [SAYS[lang].nothing];
  return [
    SAYS[lang].brought(preview.total),
    ...preview.examples.flatMap((e) => [
      `  ${e.publishedAt.slice(0, 10)}  ${e.title}`,
      `              ${e.url}`,
    ]),
  ];
}
