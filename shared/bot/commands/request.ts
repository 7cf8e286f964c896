import { coopAddCommand } from '../coop-form.js';

/** `request` / `solicitar`: add what an institution needs help with (a form on Slack, steps elsewhere). */
export const request = coopAddCommand('request', 'request');
