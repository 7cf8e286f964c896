import { randomInt } from 'node:crypto';
import { ConditionFailedError, RelayError } from '../errors.js';
import { collections, keys } from '../store/keys.js';
import type { Item, Store } from '../store/store.js';
import {
  type CoopDraft,
  type CoopEntry,
  type CoopKind,
  type CoopStatus,
  type HistoryEntry,
  NEXT_STATUSES,
} from './entry.js';

/**
 * Offers and requests in the one table (DATA-MODEL.md: coop entry, coop ref). Conditional writes
 * only: an entry is created with attribute_not_exists, a workshop ref is claimed before its entry
 * is written, and every change is an update conditional on the version and status read, so two
 * officers moving one entry at once cannot both win.
 */

/** A status change the lifecycle does not allow, or one that lost to a concurrent change. */
export class CoopChangeError extends RelayError {
  constructor(code: 'transition_refused' | 'changed_meanwhile' | 'not_found', message: string) {
    super(code, message);
    this.name = 'CoopChangeError';
  }
}

/** No 0/O, 1/I/L: ids are read aloud and typed from a screen. */
const ID_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function newId(kind: CoopKind): string {
  let id = kind === 'offer' ? 'O-' : 'R-';
  for (let i = 0; i < 6; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/** An id as typed (`o-7k2p9x`) in its stored form, or undefined when it is no entry id. */
export function normaliseId(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  return /^[OR]-[2-9A-HJKMNP-Z]{6}$/.test(t) ? t : undefined;
}

function toEntry(item: Item): CoopEntry {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...rest } = item;
  return rest as unknown as CoopEntry;
}

export interface CreateResult {
  entry: CoopEntry;
  /** False when the draft's ref was already used: `entry` is then the one stored under it. */
  created: boolean;
}

/**
 * Stores a new entry, open, with the draft's `origin` when the face set one. With a ref, the ref is claimed first: a ref already used returns the
 * entry that holds it and writes nothing (a workshop's file imported twice adds nothing).
 */
export async function createEntry(
  store: Store,
  draft: CoopDraft,
  by: { who: string; at: Date },
): Promise<CreateResult> {
  const at = by.at.toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = newId(draft.kind);
    if (draft.ref) {
      const claimed = await store.put(
        { ...keys.coopRef(draft.ref), id, ref: draft.ref },
        { expression: 'attribute_not_exists(pk)' },
      );
      if (!claimed) {
        const existing = await entryByRef(store, draft.ref);
        if (existing) return { entry: existing, created: false };
        // A ref claimed by a run that crashed before writing its entry: taken over below.
        await store.put({ ...keys.coopRef(draft.ref), id, ref: draft.ref });
      }
    }
    const entry: CoopEntry = {
      ...draft,
      id,
      status: 'open',
      createdAt: at,
      updatedAt: at,
      version: 1,
      history: [{ at, by: by.who, change: 'created' }],
    };
    const written = await store.put(
      {
        ...keys.coopEntry(id),
        gsi1pk: collections.coopEntries(draft.kind),
        gsi1sk: `${at}#${id}`,
        ...entry,
      },
      { expression: 'attribute_not_exists(pk)' },
    );
    if (written) return { entry, created: true };
  }
  throw new RelayError('id_exhausted', 'Could not find a free id for the entry; try again');
}

export async function getEntry(store: Store, id: string): Promise<CoopEntry | undefined> {
  const normal = normaliseId(id);
  if (!normal) return undefined;
  const item = await store.get(keys.coopEntry(normal), { consistent: true });
  return item ? toEntry(item) : undefined;
}

export async function entryByRef(store: Store, ref: string): Promise<CoopEntry | undefined> {
  const pointer = await store.get(keys.coopRef(ref), { consistent: true });
  return pointer ? getEntry(store, String(pointer.id)) : undefined;
}

/** An entry by its id or its workshop ref. */
export async function findEntry(store: Store, idOrRef: string): Promise<CoopEntry | undefined> {
  return (normaliseId(idOrRef) ? await getEntry(store, idOrRef) : undefined) ?? entryByRef(store, idOrRef);
}

/** Every entry of a kind, oldest first. */
export async function listEntries(store: Store, kind: CoopKind): Promise<CoopEntry[]> {
  const items = await store.queryAll({ index: 'byCollection', partition: collections.coopEntries(kind) });
  return items.map(toEntry);
}

export async function listAllEntries(store: Store): Promise<CoopEntry[]> {
  const [offers, requests] = await Promise.all([listEntries(store, 'offer'), listEntries(store, 'request')]);
  return [...offers, ...requests];
}

export interface StatusChange {
  to: CoopStatus;
  /** The status the caller saw: the change is refused if the entry is no longer in it. */
  expected: CoopStatus;
  by: string;
  at: Date;
  /** The other side (matched with, in progress with, done with). */
  counterpart?: string;
  note?: string;
}

/**
 * Moves an entry along its lifecycle, conditional on the status and version read: a transition the
 * lifecycle does not allow, or an entry changed meanwhile, is refused with a plain reason.
 */
export async function changeStatus(store: Store, id: string, change: StatusChange): Promise<CoopEntry> {
  const current = await getEntry(store, id);
  if (!current) throw new CoopChangeError('not_found', `No offer or request ${id}`);
  if (current.status !== change.expected) {
    throw new CoopChangeError(
      'changed_meanwhile',
      `${current.id} is ${current.status}, not ${change.expected}: someone changed it meanwhile`,
    );
  }
  if (!NEXT_STATUSES[current.status].includes(change.to)) {
    const allowed = NEXT_STATUSES[current.status];
    throw new CoopChangeError(
      'transition_refused',
      `${current.id} is ${current.status}: it can become ${allowed.length ? allowed.join(' or ') : 'nothing else'}, not ${change.to}`,
    );
  }
  const at = change.at.toISOString();
  const record: HistoryEntry = { at, by: change.by, change: change.to };
  const counterpart = change.counterpart ?? (change.to === 'open' ? undefined : current.counterpart);
  if (counterpart) record.with = counterpart;
  if (change.note) record.note = change.note;
  try {
    const item = await store.update(
      keys.coopEntry(current.id),
      {
        set: { status: change.to, updatedAt: at, history: [...current.history, record], counterpart },
        add: { version: 1 },
        remove: counterpart ? [] : ['counterpart'],
      },
      {
        expression: '#status = :expected AND #version = :version',
        names: { '#status': 'status', '#version': 'version' },
        values: { ':expected': change.expected, ':version': current.version },
      },
    );
    return toEntry(item);
  } catch (error) {
    if (error instanceof ConditionFailedError) {
      throw new CoopChangeError('changed_meanwhile', `${current.id} changed meanwhile: read it again`);
    }
    throw error;
  }
}
