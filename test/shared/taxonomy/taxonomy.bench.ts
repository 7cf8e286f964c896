import { bench, describe } from 'vitest';
import { expandQuery, findTopic, foldText, tagText } from '../../../shared/taxonomy/index.js';

// A 300-character feed item: tagText runs on every ingested item, foldText on everything.
const ITEM =
  'El Ministerio de Desarrollo e Inclusión Social (MIDIS) del Perú presentó los resultados del programa ' +
  'Juntos de transferencias monetarias condicionadas y de Cuna Más para la primera infancia, con apoyo ' +
  'del Banco Mundial. Participaron Colombia, México y Chile en un taller sobre focalización.';

describe('taxonomy', () => {
  bench('tagText, 300 characters', () => {
    tagText(ITEM);
  });
  bench('foldText, 300 characters', () => {
    foldText(ITEM);
  });
  bench('expandQuery', () => {
    expandQuery('evaluaciones de transferencias condicionadas y primera infancia');
  });
  bench('findTopic, partial word', () => {
    findTopic('graduacion');
  });
});
