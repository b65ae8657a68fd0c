/**
 * The cache half of the fake GitHub "results" service (`startFakeArtifactService` serves both, as the real one
 * does at ACTIONS_RESULTS_URL): cache service v2, what `@actions/cache` >= 4 speaks when ACTIONS_CACHE_SERVICE_V2
 * is set. Learned from @actions/cache 6.x.
 *
 *  Twirp JSON, `POST {origin}/twirp/github.actions.results.api.v1.CacheService/<Method>`, bearer token:
 *   - CreateCacheEntry {key, version} -> {ok, signed_upload_url}; the blob is then uploaded with the Azure SDK
 *     (one Put Blob below 128 MiB, Put Block + Put Block List above).
 *   - FinalizeCacheEntryUpload {key, version, size_bytes} -> {ok, entry_id}
 *   - GetCacheEntryDownloadURL {key, restore_keys[], version} -> {ok, signed_download_url, matched_key}; a miss is
 *     `{ok: false}`. The archive is then fetched with a plain GET (the host is not *.blob.core.windows.net).
 *  `version` is the client's hash of the cached paths and the compression: an entry matches only its own version.
 *
 *  Scopes: the token's `ac` claim lists cache scopes (a ref) with a permission (1 read, 2 write, 3 both). An
 *  entry is written to the first writable scope; a lookup tries, per readable scope in the token's order (the
 *  run's branch, then the default branch), the key exactly, then each restore key as a prefix, newest first.
 *  Keys are immutable: creating an existing key+version in the scope is 409 `already_exists`.
 *
 * This module must not import jest.
 */
import { int64, str, strings, TwirpError } from './twirp.js';

export interface CacheEntry {
  readonly id: number;
  readonly key: string;
  readonly version: string;
  /** The ref it was written from, e.g. `refs/heads/main`. */
  readonly scope: string;
  /** For the blob store: the key. */
  readonly name: string;
  bytes: Buffer;
  size: number;
  finalized: boolean;
  readonly createdAt: number;
}

export interface CacheScope {
  readonly scope: string;
  /** 1 read, 2 write, 3 both. */
  readonly permission: number;
}

/** What the results service lends the cache service: its blob storage. */
export interface BlobStorage {
  /** Makes an empty, writable blob for `owner` and returns its pathname. */
  create(owner: CacheEntry): string;
  /** A signed URL for the blob: `cw` to write, `r` to read. */
  signedUrl(pathname: string, permission: 'cw' | 'r'): string;
}

export type CacheMethod = (body: Record<string, unknown>, scopes: readonly CacheScope[]) => Record<string, unknown>;

const MAX_KEYS = 10;
const MAX_KEY_LENGTH = 512;

function checkKey(key: string): void {
  if (!key) throw new TwirpError('invalid_argument', 400, 'key is required');
  if (key.length > MAX_KEY_LENGTH || key.includes(',')) {
    throw new TwirpError('invalid_argument', 400, `invalid cache key ${JSON.stringify(key)}`);
  }
}

function checkVersion(version: string): void {
  if (!/^[0-9a-f]{64}$/.test(version)) throw new TwirpError('invalid_argument', 400, 'version must be a sha256 hex');
}

export function cacheServiceMethods(entries: CacheEntry[], blobs: BlobStorage): Record<string, CacheMethod> {
  let nextId = 1;
  const blobOf = new Map<CacheEntry, string>();

  const writable = (scopes: readonly CacheScope[]): string => {
    const scope = scopes.find(s => (s.permission & 2) !== 0);
    if (!scope) throw new TwirpError('permission_denied', 403, 'cache write denied: the token has no writable scope');
    return scope.scope;
  };

  return {
    CreateCacheEntry(body, scopes) {
      const key = str(body, 'key');
      const version = str(body, 'version');
      checkKey(key);
      checkVersion(version);
      const scope = writable(scopes);
      if (entries.some(e => e.key === key && e.version === version && e.scope === scope)) {
        throw new TwirpError('already_exists', 409, `cache entry ${key} already exists`);
      }
      const entry: CacheEntry = {
        id: nextId++,
        key,
        version,
        scope,
        name: key,
        bytes: Buffer.alloc(0),
        size: 0,
        finalized: false,
        createdAt: Date.now()
      };
      entries.push(entry);
      const pathname = blobs.create(entry);
      blobOf.set(entry, pathname);
      return { ok: true, signed_upload_url: blobs.signedUrl(pathname, 'cw') };
    },

    FinalizeCacheEntryUpload(body, scopes) {
      const key = str(body, 'key');
      const version = str(body, 'version');
      const scope = writable(scopes);
      const entry = entries.find(e => e.key === key && e.version === version && e.scope === scope && !e.finalized);
      if (!entry) throw new TwirpError('not_found', 404, `no cache entry ${key} being uploaded`);
      const size = int64(body, 'size_bytes') ?? 0n;
      if (size !== BigInt(entry.bytes.length) || entry.bytes.length === 0) {
        throw new TwirpError(
          'invalid_argument',
          400,
          `size ${size} does not match the ${entry.bytes.length} bytes uploaded`
        );
      }
      entry.finalized = true;
      return { ok: true, entry_id: String(entry.id) };
    },

    GetCacheEntryDownloadURL(body, scopes) {
      const key = str(body, 'key');
      const restoreKeys = strings(body, 'restore_keys');
      const version = str(body, 'version');
      checkVersion(version);
      if (restoreKeys.length + 1 > MAX_KEYS) throw new TwirpError('invalid_argument', 400, 'too many keys');
      for (const k of [key, ...restoreKeys]) checkKey(k);
      for (const { scope, permission } of scopes) {
        if ((permission & 1) === 0) continue;
        const candidates = entries.filter(e => e.finalized && e.version === version && e.scope === scope);
        const newest = (match: (entry: CacheEntry) => boolean): CacheEntry | undefined =>
          candidates.filter(match).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)[0];
        const hit = [
          newest(e => e.key === key),
          ...restoreKeys.map(prefix => newest(e => e.key.startsWith(prefix)))
        ].find(e => e !== undefined);
        const pathname = hit && blobOf.get(hit);
        if (hit && pathname) {
          return { ok: true, signed_download_url: blobs.signedUrl(pathname, 'r'), matched_key: hit.key };
        }
      }
      return { ok: false };
    }
  };
}
