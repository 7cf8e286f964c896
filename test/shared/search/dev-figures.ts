import { DEV_SET } from './dev/judgements.js';
import { DEV_NOW, DEV_PARTNERS, devLibrary } from './dev/library.js';
import { type DevelopmentFigures, measureDevelopmentSet, printDevelopment } from './development-figures.js';

/** The first development set's figures (test/shared/search/dev/): see development-figures.ts. */
export const measureDev = (): Promise<DevelopmentFigures> =>
  measureDevelopmentSet(devLibrary(), DEV_SET, DEV_PARTNERS, DEV_NOW);

export const printDev = (f: DevelopmentFigures) => printDevelopment('development relevance set', f);
