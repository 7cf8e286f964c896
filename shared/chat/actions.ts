import { createHash } from 'node:crypto';
import type { ResourceFilter } from '../filters/filter.js';
import { keys } from '../store/keys.js';
import type { Store } from '../store/store.js';

/**
 * Button actions as compact ids of at most 64 bytes (Telegram's callback-data limit; Slack's
 * button values allow more, but both faces share one encoding). Short actions travel inline
 * (`b:<resourceId>`); longer ones (a page of results needs the query, filters and cursor) are
 * stored for a week under a digest of their content and travel as `r:<digest>`.
 */

export type BotAction =
  | { type: 'bookmark'; resourceId: string; language?: 'en' | 'es' }
  | { type: 'unbookmark'; resourceId: string; language?: 'en' | 'es' }
  /** The App Home's language buttons: the member's own language. */
  | { type: 'language'; language: 'en' | 'es' }
  /** The App Home's Unfollow: one follow of one conversation of the workspace. */
  | { type: 'unfollow'; channelId: string; followId: string; language?: 'en' | 'es' }
  /** The App Home's button that opens the follow form. */
  | { type: 'followForm' }
  /** The button that opens the offer or request form (`offer` typed where a form can open). */
  | { type: 'coopForm'; kind: 'offer' | 'request'; language?: 'en' | 'es' }
  /** The batch announcement's button: the resources it counted, listed for whoever presses it. */
  | { type: 'list'; resourceIds: string[]; language?: 'en' | 'es' }
  | {
      type: 'page';
      kind: 'search' | 'latest';
      query: string;
      filter: ResourceFilter;
      cursor: string;
      /** 0-based index of the first result on the page. */
      offset: number;
      /** The language of the first page, kept when the member has chosen none. */
      language?: 'en' | 'es';
    };

export const MAX_ACTION_BYTES = 64;
const STORED_TTL_SECONDS = 7 * 24 * 3600;

const INLINE: Record<string, 'bookmark' | 'unbookmark'> = { b: 'bookmark', u: 'unbookmark' };
const PREFIX = { bookmark: 'b', unbookmark: 'u' } as const;

/** Inline like Remove, so a replayed or late Unfollow is known by its value (deferred.ts, app.ts). */
const UNFOLLOW = 'uf';
const FOLLOW_FORM = 'form:follow';
/** `form:offer`, `form.es:request`: the offer or request form, in the member's language. */
const FORM = 'form';
const CHANNEL_ID = /^[A-Za-z0-9_-]{1,40}$/;
const FOLLOW_ID = /^[0-9a-f]{6}$/;

export async function encodeAction(store: Store, action: BotAction, now: Date): Promise<string> {
  if (action.type === 'followForm') return FOLLOW_FORM;
  if (action.type === 'coopForm')
    return `${FORM}${action.language ? `.${action.language}` : ''}:${action.kind}`;
  if (action.type === 'unfollow' && CHANNEL_ID.test(action.channelId) && FOLLOW_ID.test(action.followId))
    return `${UNFOLLOW}${action.language ? `.${action.language}` : ''}:${action.channelId}:${action.followId}`;
  if (action.type === 'bookmark' || action.type === 'unbookmark') {
    // The reply language travels too (`b.es:<id>`), for members who chose none.
    const lang = action.language ? `.${action.language}` : '';
    const inline = `${PREFIX[action.type]}${lang}:${action.resourceId}`;
    if (Buffer.byteLength(inline) <= MAX_ACTION_BYTES) return inline;
  }
  const json = JSON.stringify(action);
  const id = createHash('sha256').update(json).digest('base64url').slice(0, 22);
  await store.put({
    ...keys.botAction(id),
    action: json,
    expiresAt: Math.floor(now.getTime() / 1000) + STORED_TTL_SECONDS,
  });
  return `r:${id}`;
}

/** The action an id stands for; undefined when it is malformed or has expired. */
export async function decodeAction(store: Store, encoded: string): Promise<BotAction | undefined> {
  const colon = encoded.indexOf(':');
  if (colon < 1 || Buffer.byteLength(encoded) > MAX_ACTION_BYTES) return undefined;
  const [prefix = '', lang] = encoded.slice(0, colon).split('.');
  const value = encoded.slice(colon + 1);
  if (encoded === FOLLOW_FORM) return { type: 'followForm' };
  if (prefix === FORM && (value === 'offer' || value === 'request'))
    return lang === 'en' || lang === 'es'
      ? { type: 'coopForm', kind: value, language: lang }
      : { type: 'coopForm', kind: value };
  if (prefix === UNFOLLOW) {
    const [channelId = '', followId = ''] = value.split(':');
    if (!CHANNEL_ID.test(channelId) || !FOLLOW_ID.test(followId)) return undefined;
    return lang === 'en' || lang === 'es'
      ? { type: 'unfollow', channelId, followId, language: lang }
      : { type: 'unfollow', channelId, followId };
  }
  const inline = INLINE[prefix];
  if (inline) {
    if (!value) return undefined;
    return lang === 'en' || lang === 'es'
      ? { type: inline, resourceId: value, language: lang }
      : { type: inline, resourceId: value };
  }
  if (prefix !== 'r' || !/^[A-Za-z0-9_-]{1,40}$/.test(value)) return undefined;
  const item = await store.get(keys.botAction(value));
  if (typeof item?.action !== 'string') return undefined;
  try {
    return JSON.parse(item.action) as BotAction;
  } catch {
    return undefined;
  }
}
