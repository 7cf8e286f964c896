import { coopListCommand } from '../coop-list.js';

/** `offers country:chile` / `ofertas tema:focalizacion`: the exchange's open offers, filtered. */
export const offers = coopListCommand('offers', 'offer');
