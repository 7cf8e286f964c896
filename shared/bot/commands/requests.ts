import { coopListCommand } from '../coop-list.js';

/** `requests topic:social-registries` / `solicitudes pais:honduras`: the exchange's open requests. */
export const requests = coopListCommand('requests', 'request');
