import { createHash } from 'node:crypto';
import { EventEmitter } from 'node:events';
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { ConfigError } from '#shared/errors.js';

/**
 * The local store is data too (SECURITY.md 31): dynalite keeps it in LevelDB under
 * `<dataDir>/dynamodb`, and LevelDB alone does not keep it honest. classic-level exposes neither
 * `paranoid_checks` nor `verify_checksums` (its binding sets neither, and dynalite builds its own
 * `Level` anyway), so a bit flipped inside a table file is read back as good data, a damaged
 * write-ahead log is dropped with a line in LevelDB's LOG, and some damaged blocks abort the
 * process on an assertion. So, around it:
 *
 * 1. Every value dynalite writes carries a CRC-32 of its JSON, checked on every read: a value that
 *    fails is never served; the read fails and `storeFaults` says so (the stack and CLI stop).
 * 2. A clean close seals the store: a SHA-256 of each LevelDB file in `dynamodb.sums`; the next
 *    open checks them before LevelDB reads a byte (the seal is removed while the store is open).
 * 3. After open, LevelDB's own LOG is read: a recovery that dropped damaged records stops the open.
 * 4. `watchStoreDirectory` notices a data directory deleted or replaced under a running process.
 * 5. Each seal also updates `<dataDir>/last-good`, a copy of the sealed files (only the files that
 *    changed are copied: LevelDB's tables never change once written), which
 *    `iaspn start --restore` puts back after checking it against its own seal.
 *
 * Each failure is a `StoreDamagedError`: a plain message with the ways out (`--restore`, `--reset`).
 */

export class StoreDamagedError extends ConfigError {
  constructor(dataDir: string, what: string, options?: { cause?: unknown }) {
    const restore = existsSync(path.join(dataDir, LAST_GOOD, SEAL))
      ? 'Put back the copy kept when it last closed cleanly with `iaspn start --restore`, or start'
      : 'Start';
    super(
      `The local store in ${dataDir} ${what}, so the relay stopped using it: nothing from it is served as good. ` +
        `${restore} over with \`iaspn start --reset\` (this deletes the local data: feeds, library, subscribers).`,
      options,
    );
    this.name = 'StoreDamagedError';
  }
}

/** Faults seen while a store is in use: `corrupt` (a value failed its checksum), with a detail. */
export const storeFaults = new EventEmitter<{ corrupt: [location: string, detail: string] }>();

const SEAL = 'dynamodb.sums';
const LAST_GOOD = 'last-good';
const FORMAT = 'dynamodb.format';
const FORMAT_TEXT = 'dynalite values with CRC-32 checksums, version 1\n';
/** LevelDB files that change without the data changing (the lock, its own log). */
const UNSEALED = new Set(['LOCK', 'LOG', 'LOG.old']);

interface ValueEncoding {
  name: string;
  format: 'utf8';
  encode(value: unknown): string;
  decode(text: string): unknown;
}

const checksumOf = (json: string) => crc32(json).toString(16).padStart(8, '0');

/**
 * The JSON encoding dynalite asks for, with a checksum: `<8 hex digits of CRC-32>.<json>`. A store
 * made before checksums (no `dynamodb.format` beside it) still reads its old plain values.
 */
function checkedJson(location: string, legacy: boolean): ValueEncoding {
  return {
    name: 'checked-json',
    format: 'utf8',
    encode: (value) => {
      const json = JSON.stringify(value);
      return `${checksumOf(json)}.${json}`;
    },
    decode: (text) => {
      if (text.charCodeAt(8) === 0x2e && /^[0-9a-f]{8}$/.test(text.slice(0, 8))) {
        const json = text.slice(9);
        if (checksumOf(json) === text.slice(0, 8)) return JSON.parse(json);
      } else if (legacy && (text.startsWith('{') || text.startsWith('['))) return JSON.parse(text);
      const detail = 'a stored value failed its checksum';
      storeFaults.emit('corrupt', location, detail);
      throw new Error(`The local store is damaged: ${detail}`);
    },
  };
}

type LevelClass = new (location: string, options?: Record<string, unknown>) => LevelLike;
interface LevelLike {
  open(): Promise<void>;
}

const opened = new Map<string, LevelLike>();
let installed = false;

/**
 * Gives dynalite a `Level` whose values carry checksums. Must run before dynalite is first loaded
 * (it takes `Level` from the `level` package when its module loads).
 */
export function installChecksummedLevel(): void {
  if (installed) return;
  installed = true;
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const level = fromDynalite('level') as { Level: LevelClass };
  const Base = level.Level;
  level.Level = class ChecksummedLevel extends Base {
    constructor(location: string, options: Record<string, unknown> = {}) {
      const dir = path.resolve(location);
      const format = path.join(path.dirname(dir), FORMAT);
      const fresh = !existsSync(path.join(dir, 'CURRENT'));
      if (fresh) writeFileSync(format, FORMAT_TEXT);
      super(location, { ...options, valueEncoding: checkedJson(dir, !existsSync(format)) });
      opened.set(dir, this);
    }
  } as LevelClass;
}

/** The LevelDB database dynalite made for `location`, once it is open (or why it could not open). */
export async function openedLevel(dataDir: string, location: string): Promise<void> {
  const db = opened.get(path.resolve(location));
  if (!db) return;
  try {
    await db.open();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED')
      throw new ConfigError(
        `The local store in ${dataDir} is in use by another process: stop it, or choose another data directory with --data-dir`,
        { cause: error },
      );
    throw new StoreDamagedError(
      dataDir,
      `could not be opened (${cause?.message ?? (error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  const log = path.join(location, 'LOG');
  const text = existsSync(log) ? readFileSync(log, 'utf8') : '';
  const line = text.split('\n').find((l) => /Corruption/.test(l));
  if (line)
    throw new StoreDamagedError(
      dataDir,
      `was damaged: LevelDB dropped records while reading it (${line.replace(/^\S+ \S+ /, '').trim()})`,
    );
}

function storeFiles(location: string): string[] {
  return readdirSync(location)
    .filter((f) => !UNSEALED.has(f) && statSync(path.join(location, f)).isFile())
    .sort();
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Before LevelDB opens the store: checks the seal the last clean close left (every file's
 * SHA-256), then removes it, since the files change while the store is open.
 */
export function verifyStoreSeal(dataDir: string, location: string): void {
  const seal = path.join(dataDir, SEAL);
  if (!existsSync(seal)) return;
  const expected = JSON.parse(readFileSync(seal, 'utf8')) as Record<string, string>;
  for (const [file, digest] of Object.entries(expected)) {
    const full = path.join(location, file);
    if (!existsSync(full))
      throw new StoreDamagedError(dataDir, `lost a file (${file}) since it was last closed`);
    if (sha256(full) !== digest)
      throw new StoreDamagedError(dataDir, `has a file (${file}) that changed since it was last closed`);
  }
  rmSync(seal);
}

const readSeal = (file: string): Record<string, string> =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};

/**
 * After a clean close: a SHA-256 of each LevelDB file, for the next open to check, and the same
 * files in `<dataDir>/last-good` (a file already there with the same digest is not copied again).
 */
export function sealStore(dataDir: string, location: string): void {
  if (!existsSync(path.join(location, 'CURRENT'))) return;
  const digests: Record<string, string> = {};
  for (const file of storeFiles(location)) digests[file] = sha256(path.join(location, file));
  const text = `${JSON.stringify(digests, null, 1)}\n`;
  writeFileSync(path.join(dataDir, SEAL), text);
  const copy = path.join(dataDir, LAST_GOOD);
  const copySeal = path.join(copy, SEAL);
  const kept = readSeal(copySeal);
  // The old copy's seal goes first: an interrupted update leaves no copy rather than a wrong one.
  rmSync(copySeal, { force: true });
  mkdirSync(copy, { recursive: true });
  for (const file of readdirSync(copy))
    if (!(file in digests)) rmSync(path.join(copy, file), { force: true });
  for (const [file, digest] of Object.entries(digests))
    if (kept[file] !== digest || !existsSync(path.join(copy, file)))
      copyFileSync(path.join(location, file), path.join(copy, file), constants.COPYFILE_FICLONE);
  writeFileSync(`${copySeal}.new`, text);
  renameSync(`${copySeal}.new`, copySeal);
}

/**
 * Puts back the copy of the store kept at its last clean close (`iaspn start --restore`), after
 * checking it against its seal; the damaged store is kept beside it as `dynamodb.damaged`.
 */
export function restoreLastGood(dataDir: string): void {
  const copy = path.join(dataDir, LAST_GOOD);
  const seal = readSeal(path.join(copy, SEAL));
  if (Object.keys(seal).length === 0)
    throw new ConfigError(`There is no copy of the local store in ${dataDir} to restore (${copy} is empty)`);
  for (const [file, digest] of Object.entries(seal)) {
    const full = path.join(copy, file);
    if (!existsSync(full) || sha256(full) !== digest)
      throw new ConfigError(
        `The copy of the local store in ${copy} is damaged too (${file}): start over with \`iaspn start --reset\``,
      );
  }
  const location = path.join(dataDir, 'dynamodb');
  const damaged = path.join(dataDir, 'dynamodb.damaged');
  rmSync(damaged, { recursive: true, force: true });
  if (existsSync(location)) renameSync(location, damaged);
  mkdirSync(location, { recursive: true });
  for (const file of Object.keys(seal)) copyFileSync(path.join(copy, file), path.join(location, file));
  copyFileSync(path.join(copy, SEAL), path.join(dataDir, SEAL));
}

/**
 * Calls `onGone` once if the store's directory is deleted or replaced while it is open (LevelDB
 * would go on writing into the deleted files, and a CLI command would make a new empty store).
 * Returns what stops the watch.
 */
export function watchStoreDirectory(
  dataDir: string,
  location: string,
  onGone: (error: StoreDamagedError) => void,
  everyMs = 1_000,
): () => void {
  const identity = (p: string) => {
    const s = statSync(p);
    return `${s.dev}:${s.ino}`;
  };
  const start = { data: identity(dataDir), store: identity(location) };
  const timer = setInterval(() => {
    let gone: string | undefined;
    try {
      if (identity(dataDir) !== start.data || identity(location) !== start.store) gone = 'was replaced';
      else if (!existsSync(path.join(location, 'CURRENT'))) gone = 'lost its files';
    } catch {
      gone = 'was deleted';
    }
    if (!gone) return;
    clearInterval(timer);
    onGone(new StoreDamagedError(dataDir, `${gone} while the stack was running`));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
