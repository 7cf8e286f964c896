import { coopAddCommand } from '../coop-form.js';

/** `offer` / `ofrecer`: add what an institution can share (a form on Slack, steps elsewhere). */
export const offer = coopAddCommand('offer', 'offer');
