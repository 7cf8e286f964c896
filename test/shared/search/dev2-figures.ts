import { DEV2_SET } from './dev2/judgements.js';
import { DEV2_NOW, DEV2_PARTNERS, dev2Library } from './dev2/library.js';
import { type DevelopmentFigures, measureDevelopmentSet, printDevelopment } from './development-figures.js';

/** The second development set's figures (test/shared/search/dev2/): see development-figures.ts. */
export const measureDev2 = (): Promise<DevelopmentFigures> =>
  measureDevelopmentSet(dev2Library(), DEV2_SET, DEV2_PARTNERS, DEV2_NOW);

export const printDev2 = (f: DevelopmentFigures) => printDevelopment('second development relevance set', f);
