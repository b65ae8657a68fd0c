/**
 * A fake of the GitHub Actions "results" service (artifact API v2, as used by
 * `@actions/artifact` >= 2, and cache service v2, as used by `@actions/cache` >= 4: see cache-service.ts)
 * plus the Azure Blob Storage endpoints that the clients upload to. It is a real HTTP server on 127.0.0.1 (random port), so
 * the REAL `DefaultArtifactClient` can talk to it when the runner environment
 * variables (`service.env`) point at it.
 *
 * Protocol implemented (learned from @actions/artifact 6.x and @azure/storage-blob 12.x):
 *
 *  Twirp JSON RPC, `POST {origin}/twirp/github.actions.results.api.v1.ArtifactService/<Method>`,
 *  `Content-Type: application/json`, `Authorization: Bearer <ACTIONS_RUNTIME_TOKEN>`,
 *  protobuf field names in snake_case, int64 as strings, wrappers as bare values,
 *  Timestamps as RFC 3339 strings:
 *   - CreateArtifact   {workflow_run_backend_id, workflow_job_run_backend_id, name, version, mime_type?, expires_at?}
 *                      -> {ok, signed_upload_url}
 *   - FinalizeArtifact {workflow_run_backend_id, workflow_job_run_backend_id, name, size?, hash?: "sha256:<hex>"}
 *                      -> {ok, artifact_id}
 *   - ListArtifacts, GetSignedArtifactURL, DeleteArtifact (for getArtifact / downloadArtifact / deleteArtifact)
 *  Errors are Twirp JSON `{"code": "...", "msg": "..."}` with the matching HTTP status. The client
 *  retries (3 s, 4.5 s, ... backoff, 5 attempts) on 429/500/502/503/504 and on non-JSON bodies;
 *  every other 4xx fails at once.
 *
 *  Blob storage (the signed upload URL, `{base}blob/actions-results/<run>/workflow-job-run-<job>/artifacts/<hex>.zip?sv&sp&se&sig`):
 *   - `PUT ?comp=block&blockid=<b64>`  (Put Block; what BlockBlobClient.uploadStream sends, 8 MiB blocks)
 *   - `PUT ?comp=blocklist` with `<BlockList><Latest>id</Latest>...</BlockList>` (Put Block List)
 *   - `PUT` with `x-ms-blob-type: BlockBlob` (single-shot Put Blob; not used by the artifact client)
 *   - `GET`/`HEAD` (download through GetSignedArtifactURL)
 *  Errors are Azure XML `<Error><Code/><Message/></Error>` with `x-ms-error-code`. The Azure SDK
 *  retries 500 and 503 (first retry immediately, then 4 s, 12 s); other statuses fail at once.
 *
 * This module must not import jest.
 */
import * as crypto from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import AdmZip from 'adm-zip';
import { cacheServiceMethods, type CacheEntry, type CacheMethod, type CacheScope } from './cache-service.js';
import { int64, str, TWIRP_CODE_BY_STATUS, TwirpError } from './twirp.js';

export interface UploadedArtifact {
  id: number;
  name: string;
  /** Bytes received by blob storage (committed), verified against FinalizeArtifact's `size`. */
  size: number;
  /** The committed blob: a zip archive, or the raw file when uploaded with `skipArchive`. */
  bytes: Buffer;
  /** `expires_at` sent by CreateArtifact (only when `retentionDays` is given), RFC 3339. */
  expiresAt?: string;
  /** `hash` sent by FinalizeArtifact, e.g. `sha256:<hex>`; verified against `bytes`. */
  hash?: string;
  finalized: boolean;
  /** `mime_type` sent by CreateArtifact (`application/zip` unless `skipArchive`). */
  mimeType?: string;
  /** `version` sent by CreateArtifact. */
  version?: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  createdAt: string;
}

/** Artifacts: CreateArtifact, blob requests, FinalizeArtifact; caches: the three CacheService methods. */
export type FaultKind = 'create' | 'blob' | 'finalize' | 'cache-create' | 'cache-finalize' | 'cache-lookup';

const FAULT_KIND_BY_METHOD: Record<string, FaultKind> = {
  CreateArtifact: 'create',
  FinalizeArtifact: 'finalize',
  CreateCacheEntry: 'cache-create',
  FinalizeCacheEntryUpload: 'cache-finalize',
  GetCacheEntryDownloadURL: 'cache-lookup'
};

export interface FakeArtifactService {
  /** Base URL with trailing slash, for ACTIONS_RESULTS_URL. */
  url: string;
  /** For ACTIONS_RUNTIME_TOKEN. */
  token: string;
  /** Every env var the artifact and cache clients need, for a run on the default branch (`refs/heads/main`). */
  env: Record<string, string>;
  /** The same for a run on another ref: its caches are its own, and it may read the default branch's. */
  envFor(ref: string): Record<string, string>;
  /** Cache entries (also unfinalized ones), in creation order. */
  cacheEntries: CacheEntry[];
  /** Created artifacts (also unfinalized ones), in creation order. */
  artifacts: UploadedArtifact[];
  /** Unzip the named artifact: path inside zip -> bytes (a raw upload gives {name -> bytes}). */
  files(name: string): Map<string, Buffer>;
  /**
   * Fault injection: the next request of that kind (Twirp CreateArtifact / any blob request /
   * Twirp FinalizeArtifact) is answered with `status` before any processing. Calls queue up.
   * Use non-retryable statuses (4xx except 429) to keep tests fast.
   */
  failNext(kind: FaultKind, status: number): void;
  /** Number of requests seen per kind (including failed ones). */
  requestCounts: Record<FaultKind | 'other', number>;
  close(): Promise<void>;
}

export interface FakeArtifactServiceOptions {
  /** workflow run backend id (a UUID on GitHub); random by default. */
  runId?: string;
  /** workflow job run backend id (a UUID on GitHub); random by default. */
  jobId?: string;
}

const SERVICE = 'github.actions.results.api.v1.ArtifactService';
const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';
/** The repository's default branch: every run may read the caches written there. */
const DEFAULT_REF = 'refs/heads/main';
const CONTAINER = 'actions-results';
const DEFAULT_X_MS_VERSION = '2025-11-05';
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

/** Characters the real service (and the client) forbid in artifact names. */
const INVALID_NAME_CHARS = ['"', ':', '<', '>', '|', '*', '?', '\r', '\n', '\\', '/'];

/** What a blob holds: an artifact's archive or a cache entry's. */
interface BlobOwner {
  name: string;
  bytes: Buffer;
  size: number;
  finalized: boolean;
  mimeType?: string;
}

interface Claims {
  runId: string;
  jobId: string;
  cacheScopes: CacheScope[];
}

interface BlobState {
  owner: BlobOwner;
  uncommitted: Map<string, Buffer>;
  committed: Map<string, Buffer> | undefined;
  contentType?: string;
  etag?: string;
  lastModified?: Date;
}

class AzureError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    msg: string
  ) {
    super(msg);
  }
}

const AZURE_CODE_BY_STATUS: Record<number, string> = {
  400: 'InvalidInput',
  401: 'NoAuthenticationInformation',
  403: 'AuthenticationFailed',
  404: 'BlobNotFound',
  409: 'OperationNotAllowedInCurrentState',
  412: 'ConditionNotMet',
  413: 'RequestBodyTooLarge',
  500: 'InternalError',
  503: 'ServerBusy'
};

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

function sha256Hex(data: Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** `2024-01-02T03:04:05Z`, the SAS `se` format. */
function sasTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Unzips an artifact blob into path -> bytes (directories skipped). */
function unzip(bytes: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const entry of new AdmZip(bytes).getEntries()) {
    if (entry.isDirectory) continue;
    out.set(entry.entryName, entry.getData());
  }
  return out;
}

function isZip(artifact: BlobOwner): boolean {
  if (artifact.mimeType !== undefined) return artifact.mimeType === 'application/zip';
  return artifact.bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}

export async function startFakeArtifactService(options: FakeArtifactServiceOptions = {}): Promise<FakeArtifactService> {
  const runId = options.runId ?? crypto.randomUUID();
  const jobId = options.jobId ?? crypto.randomUUID();
  const jwtKey = crypto.randomBytes(32);
  const sasKey = crypto.randomBytes(32);

  const issued = new Set<string>();
  /** A runtime token as the runner gets one; `ac` lists the cache scopes: the run's ref, then the default branch's. */
  const issue = (ref: string): string => {
    const now = Math.floor(Date.now() / 1000);
    const scopes =
      ref === DEFAULT_REF
        ? [{ Scope: ref, Permission: 3 }]
        : [
            { Scope: ref, Permission: 3 },
            { Scope: DEFAULT_REF, Permission: 1 }
          ];
    const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'HS256', x5t: 'fake-artifact-service' }));
    const payload = b64url(
      JSON.stringify({
        nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
        scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.UploadArtifacts:${runId}:${jobId} Actions.Results:${runId}:${jobId}`,
        IdentityTypeClaim: 'System:ServiceIdentity',
        ac: JSON.stringify(scopes),
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vstoken.actions.githubusercontent.com',
        iat: now,
        nbf: now - 60,
        exp: now + 6 * 3600
      })
    );
    const signature = b64url(crypto.createHmac('sha256', jwtKey).update(`${header}.${payload}`).digest());
    const token = `${header}.${payload}.${signature}`;
    issued.add(token);
    return token;
  };
  const token = issue(DEFAULT_REF);

  const artifacts: UploadedArtifact[] = [];
  const blobs = new Map<string, BlobState>(); // blob pathname -> state
  const blobPathByArtifact = new Map<UploadedArtifact, string>();
  const faults = Object.fromEntries(Object.values(FAULT_KIND_BY_METHOD).map(kind => [kind, []])) as unknown as Record<
    FaultKind,
    number[]
  >;
  faults.blob = [];
  const requestCounts = Object.fromEntries([...Object.keys(faults), 'other'].map(kind => [kind, 0])) as Record<
    FaultKind | 'other',
    number
  >;
  const cacheEntries: CacheEntry[] = [];
  let nextId = 1000;
  let url = '';

  const sign = (pathname: string, se: string, sp: string): string =>
    crypto.createHmac('sha256', sasKey).update(`${pathname}\n${se}\n${sp}`).digest('base64');

  const signedUrl = (pathname: string, sp: string): string => {
    const se = sasTime(new Date(Date.now() + 6 * 3600 * 1000));
    const st = sasTime(new Date(Date.now() - 60 * 1000));
    const q = new URLSearchParams({ sv: DEFAULT_X_MS_VERSION, spr: 'https', st, se, sr: 'b', sp });
    q.set('sig', sign(pathname, se, sp));
    return `${url.replace(/\/$/, '')}${pathname}?${q.toString()}`;
  };

  // ---------------------------------------------------------------- Twirp

  /** Validates the bearer token and returns its backend ids. */
  const authenticate = (req: http.IncomingMessage): Claims => {
    const auth = req.headers.authorization;
    if (!auth) throw new TwirpError('unauthenticated', 401, 'missing Authorization header');
    const m = /^Bearer (.+)$/.exec(auth);
    if (!m || !m[1]) throw new TwirpError('unauthenticated', 401, 'Authorization header is not a bearer token');
    const presented = m[1];
    const parts = presented.split('.');
    const [h, p, s] = parts;
    if (parts.length !== 3 || h === undefined || p === undefined || s === undefined) {
      throw new TwirpError('unauthenticated', 401, 'malformed JWT');
    }
    const expected = b64url(crypto.createHmac('sha256', jwtKey).update(`${h}.${p}`).digest());
    if (!safeEqual(s, expected) || !issued.has(presented)) {
      throw new TwirpError('unauthenticated', 401, 'invalid token signature');
    }
    let claims: { scp?: unknown; exp?: unknown; nbf?: unknown; ac?: unknown };
    try {
      claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      throw new TwirpError('unauthenticated', 401, 'malformed JWT payload');
    }
    const t = Date.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp < t) throw new TwirpError('unauthenticated', 401, 'token expired');
    if (typeof claims.nbf === 'number' && claims.nbf > t + 300) {
      throw new TwirpError('unauthenticated', 401, 'token not yet valid');
    }
    if (typeof claims.scp !== 'string') throw new TwirpError('unauthenticated', 401, 'token has no scp claim');
    for (const scope of claims.scp.split(' ')) {
      const sp = scope.split(':');
      if (sp[0] === 'Actions.Results' && sp.length === 3 && sp[1] && sp[2]) {
        const scopes = (
          JSON.parse(typeof claims.ac === 'string' ? claims.ac : '[]') as { Scope: string; Permission: number }[]
        ).map(({ Scope, Permission }) => ({ scope: Scope, permission: Permission }));
        return { runId: sp[1], jobId: sp[2], cacheScopes: scopes };
      }
    }
    throw new TwirpError('permission_denied', 403, 'token has no Actions.Results scope');
  };

  const checkIds = (
    body: Record<string, unknown>,
    ids: { runId: string; jobId: string },
    requireJob = true
  ): { run: string; job: string } => {
    const run = str(body, 'workflow_run_backend_id');
    const job = str(body, 'workflow_job_run_backend_id');
    if (!run) throw new TwirpError('invalid_argument', 400, 'workflow_run_backend_id is required');
    if (requireJob && !job) throw new TwirpError('invalid_argument', 400, 'workflow_job_run_backend_id is required');
    if (run !== ids.runId || (requireJob && job !== ids.jobId)) {
      throw new TwirpError('permission_denied', 403, 'backend ids do not match the token');
    }
    return { run, job };
  };

  const validateName = (name: string): void => {
    if (!name) throw new TwirpError('invalid_argument', 400, 'artifact name is required');
    for (const c of INVALID_NAME_CHARS) {
      if (name.includes(c)) {
        throw new TwirpError(
          'invalid_argument',
          400,
          `artifact name ${JSON.stringify(name)} contains invalid character ${JSON.stringify(c)}`
        );
      }
    }
  };

  const findArtifact = (run: string, name: string): UploadedArtifact | undefined =>
    artifacts.find(a => a.workflowRunBackendId === run && a.name === name);

  const fault = (kind: FaultKind): number | undefined => faults[kind].shift();

  const twirpMethods: Record<
    string,
    (body: Record<string, unknown>, ids: { runId: string; jobId: string }) => Record<string, unknown>
  > = {
    CreateArtifact(body, ids) {
      const { run, job } = checkIds(body, ids);
      const name = str(body, 'name');
      validateName(name);
      const version = body['version'];
      if (typeof version !== 'number' || !Number.isInteger(version) || version < 4) {
        throw new TwirpError('invalid_argument', 400, `unsupported artifact version ${String(version)}`);
      }
      let expiresAt: string | undefined;
      if (body['expires_at'] !== undefined) {
        expiresAt = str(body, 'expires_at');
        const t = Date.parse(expiresAt);
        if (Number.isNaN(t)) throw new TwirpError('invalid_argument', 400, `invalid expires_at ${expiresAt}`);
        if (t <= Date.now()) throw new TwirpError('invalid_argument', 400, 'expires_at must be in the future');
      }
      const mimeType = body['mime_type'] === undefined ? undefined : str(body, 'mime_type');
      if (findArtifact(run, name)) {
        throw new TwirpError(
          'already_exists',
          409,
          `an artifact with this name already exists on the workflow run: ${name}`
        );
      }
      const artifact: UploadedArtifact = {
        id: nextId++,
        name,
        size: 0,
        bytes: Buffer.alloc(0),
        finalized: false,
        version,
        workflowRunBackendId: run,
        workflowJobRunBackendId: job,
        createdAt: new Date().toISOString()
      };
      if (expiresAt !== undefined) artifact.expiresAt = expiresAt;
      if (mimeType !== undefined) artifact.mimeType = mimeType;
      const ext = mimeType === undefined || mimeType === 'application/zip' ? '.zip' : '';
      const pathname = `/blob/${CONTAINER}/${run}/workflow-job-run-${job}/artifacts/${crypto.randomBytes(16).toString('hex')}${ext}`;
      artifacts.push(artifact);
      blobs.set(pathname, { owner: artifact, uncommitted: new Map(), committed: undefined });
      blobPathByArtifact.set(artifact, pathname);
      return { ok: true, signed_upload_url: signedUrl(pathname, 'cw') };
    },

    FinalizeArtifact(body, ids) {
      const { run, job } = checkIds(body, ids);
      const name = str(body, 'name');
      validateName(name);
      const artifact = findArtifact(run, name);
      if (!artifact || artifact.workflowJobRunBackendId !== job) {
        throw new TwirpError('not_found', 404, `artifact ${name} was not created by this job`);
      }
      if (artifact.finalized) throw new TwirpError('failed_precondition', 412, `artifact ${name} is already finalized`);
      const pathname = blobPathByArtifact.get(artifact);
      const blob = pathname === undefined ? undefined : blobs.get(pathname);
      if (!blob || blob.committed === undefined) {
        throw new TwirpError('failed_precondition', 412, `no blob was uploaded for artifact ${name}`);
      }
      const size = int64(body, 'size') ?? 0n;
      if (size !== BigInt(artifact.bytes.length)) {
        throw new TwirpError(
          'invalid_argument',
          400,
          `size ${size} does not match the ${artifact.bytes.length} bytes uploaded`
        );
      }
      if (body['hash'] !== undefined) {
        const hash = str(body, 'hash');
        const m = /^sha256:([0-9a-f]{64})$/.exec(hash);
        if (!m) throw new TwirpError('invalid_argument', 400, `invalid hash ${hash}`);
        if (m[1] !== sha256Hex(artifact.bytes)) {
          throw new TwirpError('invalid_argument', 400, `hash ${hash} does not match the uploaded content`);
        }
        artifact.hash = hash;
      }
      artifact.size = artifact.bytes.length;
      artifact.finalized = true;
      return { ok: true, artifact_id: String(artifact.id) };
    },

    ListArtifacts(body, ids) {
      const { run } = checkIds(body, ids, false);
      const nameFilter = body['name_filter'] === undefined ? undefined : str(body, 'name_filter');
      const idFilter = int64(body, 'id_filter');
      const list = artifacts.filter(
        a =>
          a.finalized &&
          a.workflowRunBackendId === run &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || BigInt(a.id) === idFilter)
      );
      return {
        artifacts: list.map(a => {
          const out: Record<string, unknown> = {
            workflow_run_backend_id: a.workflowRunBackendId,
            workflow_job_run_backend_id: a.workflowJobRunBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.size),
            created_at: a.createdAt
          };
          if (a.hash !== undefined) out['digest'] = a.hash;
          return out;
        })
      };
    },

    GetSignedArtifactURL(body, ids) {
      const { run } = checkIds(body, ids, false);
      const name = str(body, 'name');
      validateName(name);
      const artifact = findArtifact(run, name);
      const pathname = artifact ? blobPathByArtifact.get(artifact) : undefined;
      if (!artifact || !artifact.finalized || pathname === undefined) {
        throw new TwirpError('not_found', 404, `artifact ${name} not found`);
      }
      return { signed_url: signedUrl(pathname, 'r') };
    },

    DeleteArtifact(body, ids) {
      const { run } = checkIds(body, ids, false);
      const name = str(body, 'name');
      validateName(name);
      const artifact = findArtifact(run, name);
      if (!artifact || !artifact.finalized) throw new TwirpError('not_found', 404, `artifact ${name} not found`);
      const pathname = blobPathByArtifact.get(artifact);
      if (pathname !== undefined) blobs.delete(pathname);
      blobPathByArtifact.delete(artifact);
      artifacts.splice(artifacts.indexOf(artifact), 1);
      return { ok: true, artifact_id: String(artifact.id) };
    }
  };

  const sendJson = (res: http.ServerResponse, status: number, body: unknown): void => {
    const data = Buffer.from(JSON.stringify(body));
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': data.length });
    res.end(data);
  };

  const cacheMethods = cacheServiceMethods(cacheEntries, {
    create(entry) {
      const pathname = `/blob/${CONTAINER}/caches/${crypto.randomBytes(16).toString('hex')}`;
      blobs.set(pathname, { owner: entry, uncommitted: new Map(), committed: undefined });
      return pathname;
    },
    signedUrl: (pathname, permission) => signedUrl(pathname, permission)
  });

  const methodOf = (
    service: string,
    method: string
  ): ((body: Record<string, unknown>, claims: Claims) => unknown) | undefined => {
    if (service === SERVICE) return twirpMethods[method];
    const cache: CacheMethod | undefined = service === CACHE_SERVICE ? cacheMethods[method] : undefined;
    return cache && ((body, claims) => cache(body, claims.cacheScopes));
  };

  const handleTwirp = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    service: string,
    method: string
  ): Promise<void> => {
    const kind: FaultKind | 'other' = FAULT_KIND_BY_METHOD[method] ?? 'other';
    requestCounts[kind]++;
    const raw = await readBody(req);
    try {
      if (kind !== 'other') {
        const status = fault(kind);
        if (status !== undefined) {
          throw new TwirpError(
            TWIRP_CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal' : 'unknown'),
            status,
            `injected ${kind} failure (${status})`
          );
        }
      }
      const impl = methodOf(service, method);
      if (req.method !== 'POST' || !impl) {
        throw new TwirpError('bad_route', 404, `no handler for ${req.method ?? ''} ${req.url ?? ''}`);
      }
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== 'application/json') {
        throw new TwirpError('bad_route', 404, `unexpected Content-Type: ${String(req.headers['content-type'])}`);
      }
      const ids = authenticate(req);
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new TwirpError('malformed', 400, 'the json request could not be decoded');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new TwirpError('malformed', 400, 'the json request must be an object');
      }
      sendJson(res, 200, impl(body as Record<string, unknown>, ids));
    } catch (err) {
      if (err instanceof TwirpError) {
        sendJson(res, err.status, { code: err.code, msg: err.message });
      } else {
        sendJson(res, 500, { code: 'internal', msg: err instanceof Error ? err.message : String(err) });
      }
    }
  };

  // ---------------------------------------------------------------- Blob storage

  const azureHeaders = (req: http.IncomingMessage): Record<string, string> => {
    const h: Record<string, string> = {
      'x-ms-request-id': crypto.randomUUID(),
      'x-ms-version': String(req.headers['x-ms-version'] ?? DEFAULT_X_MS_VERSION),
      Date: new Date().toUTCString(),
      Server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0'
    };
    const clientRequestId = req.headers['x-ms-client-request-id'];
    if (typeof clientRequestId === 'string') h['x-ms-client-request-id'] = clientRequestId;
    return h;
  };

  const sendAzureError = (req: http.IncomingMessage, res: http.ServerResponse, err: AzureError): void => {
    const headers = azureHeaders(req);
    const xml = Buffer.from(
      `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${err.code}</Code><Message>${err.message
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(
          />/g,
          '&gt;'
        )}\nRequestId:${headers['x-ms-request-id']}\nTime:${new Date().toISOString()}</Message></Error>`
    );
    res.writeHead(err.status, {
      ...headers,
      'x-ms-error-code': err.code,
      'Content-Type': 'application/xml',
      'Content-Length': req.method === 'HEAD' ? 0 : xml.length
    });
    res.end(req.method === 'HEAD' ? undefined : xml);
  };

  const newEtag = (): string => `"0x8D${crypto.randomBytes(7).toString('hex').toUpperCase()}"`;

  const handleBlob = async (req: http.IncomingMessage, res: http.ServerResponse, u: URL): Promise<void> => {
    requestCounts.blob++;
    const body = await readBody(req);
    try {
      const status = fault('blob');
      if (status !== undefined) {
        throw new AzureError(
          status,
          AZURE_CODE_BY_STATUS[status] ?? 'InternalError',
          `Injected blob failure (${status}).`
        );
      }
      const q = u.searchParams;
      const sig = q.get('sig');
      const se = q.get('se');
      const sp = q.get('sp');
      if (!sig || !se || !sp) {
        throw new AzureError(
          403,
          'AuthenticationFailed',
          'Server failed to authenticate the request. Signature fields missing.'
        );
      }
      if (!safeEqual(sig, sign(u.pathname, se, sp))) {
        throw new AzureError(403, 'AuthenticationFailed', 'Signature did not match.');
      }
      const expiry = Date.parse(se);
      if (Number.isNaN(expiry) || expiry < Date.now()) {
        throw new AzureError(403, 'AuthenticationFailed', 'Signed expiry time has to be in the future.');
      }
      const blob = blobs.get(u.pathname);
      const method = req.method ?? '';
      const needed = method === 'GET' || method === 'HEAD' ? 'r' : 'w';
      if (!sp.includes(needed)) {
        throw new AzureError(
          403,
          'AuthorizationPermissionMismatch',
          'This request is not authorized to perform this operation using this permission.'
        );
      }
      if (!blob) throw new AzureError(404, 'BlobNotFound', 'The specified blob does not exist.');
      const headers = azureHeaders(req);

      if (method === 'GET' || method === 'HEAD') {
        if (blob.committed === undefined)
          throw new AzureError(404, 'BlobNotFound', 'The specified blob does not exist.');
        const data = blob.owner.bytes;
        const fileName = encodeURIComponent(blob.owner.name);
        res.writeHead(200, {
          ...headers,
          'Content-Type': blob.contentType ?? 'application/octet-stream',
          'Content-Length': data.length,
          'Content-MD5': crypto.createHash('md5').update(data).digest('base64'),
          'Content-Disposition': isZip(blob.owner)
            ? `attachment; filename="${fileName}.zip"; filename*=UTF-8''${fileName}.zip`
            : `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
          ETag: blob.etag ?? newEtag(),
          'Last-Modified': (blob.lastModified ?? new Date()).toUTCString(),
          'Accept-Ranges': 'bytes',
          'x-ms-blob-type': 'BlockBlob',
          'x-ms-server-encrypted': 'true'
        });
        res.end(method === 'HEAD' ? undefined : data);
        return;
      }

      if (method !== 'PUT') throw new AzureError(405, 'UnsupportedHttpVerb', `The resource doesn't support ${method}.`);
      if (blob.owner.finalized) {
        throw new AzureError(409, 'OperationNotAllowedInCurrentState', 'The artifact is already finalized.');
      }
      if (req.headers['content-length'] === undefined) {
        throw new AzureError(411, 'MissingContentLengthHeader', 'Content-Length HTTP header is required.');
      }
      if (req.headers['x-ms-structured-body'] !== undefined) {
        throw new AzureError(400, 'UnsupportedHeader', 'This fake does not support structured message bodies.');
      }
      const md5 = crypto.createHash('md5').update(body).digest('base64');
      const givenMd5 = req.headers['content-md5'];
      if (typeof givenMd5 === 'string' && givenMd5 !== md5) {
        throw new AzureError(
          400,
          'Md5Mismatch',
          'The MD5 value specified in the request did not match with the MD5 value calculated by the server.'
        );
      }
      const comp = q.get('comp');

      if (comp === 'block') {
        const blockId = q.get('blockid');
        if (!blockId || !/^[A-Za-z0-9+/]+={0,2}$/.test(blockId) || Buffer.from(blockId, 'base64').length > 64) {
          throw new AzureError(
            400,
            'InvalidQueryParameterValue',
            'Value for one of the query parameters specified in the request URI is invalid (blockid).'
          );
        }
        for (const existing of blob.uncommitted.keys()) {
          if (existing.length !== blockId.length) {
            throw new AzureError(
              400,
              'InvalidBlobOrBlock',
              'The specified blob or block content is invalid (block id lengths differ).'
            );
          }
        }
        blob.uncommitted.set(blockId, body);
        const h: Record<string, string | number> = {
          ...headers,
          'Content-MD5': md5,
          'x-ms-request-server-encrypted': 'true',
          'Content-Length': 0
        };
        const crc = req.headers['x-ms-content-crc64'];
        if (typeof crc === 'string') h['x-ms-content-crc64'] = crc;
        res.writeHead(201, h);
        res.end();
        return;
      }

      let data: Buffer;
      if (comp === 'blocklist') {
        const xml = body.toString('utf8');
        if (!/<BlockList>[\s\S]*<\/BlockList>/.test(xml)) {
          throw new AzureError(400, 'InvalidXmlDocument', 'XML specified is not syntactically valid.');
        }
        const parts: Buffer[] = [];
        const next = new Map<string, Buffer>();
        for (const m of xml.matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)) {
          const kind = m[1];
          const id = (m[2] ?? '').trim();
          const fromUncommitted = blob.uncommitted.get(id);
          const fromCommitted = blob.committed?.get(id);
          const block =
            kind === 'Uncommitted'
              ? fromUncommitted
              : kind === 'Committed'
                ? fromCommitted
                : (fromUncommitted ?? fromCommitted);
          if (block === undefined)
            throw new AzureError(400, 'InvalidBlockList', `The specified block list is invalid (unknown block ${id}).`);
          parts.push(block);
          next.set(id, block);
        }
        data = Buffer.concat(parts);
        blob.committed = next;
      } else if (comp === null) {
        if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
          throw new AzureError(
            400,
            'MissingRequiredHeader',
            'An HTTP header that is mandatory for this request is not specified (x-ms-blob-type).'
          );
        }
        data = body;
        blob.committed = new Map([['', body]]);
      } else {
        throw new AzureError(
          400,
          'InvalidQueryParameterValue',
          `Value for one of the query parameters specified in the request URI is invalid (comp=${comp}).`
        );
      }
      blob.uncommitted.clear();
      const ct = req.headers['x-ms-blob-content-type'] ?? (comp === null ? req.headers['content-type'] : undefined);
      if (typeof ct === 'string') blob.contentType = ct;
      blob.etag = newEtag();
      blob.lastModified = new Date();
      blob.owner.bytes = data;
      blob.owner.size = data.length;
      res.writeHead(201, {
        ...headers,
        ETag: blob.etag,
        'Last-Modified': blob.lastModified.toUTCString(),
        'Content-MD5': comp === null ? md5 : crypto.createHash('md5').update(data).digest('base64'),
        'x-ms-request-server-encrypted': 'true',
        'Content-Length': 0
      });
      res.end();
    } catch (err) {
      sendAzureError(
        req,
        res,
        err instanceof AzureError
          ? err
          : new AzureError(500, 'InternalError', err instanceof Error ? err.message : String(err))
      );
    }
  };

  // ---------------------------------------------------------------- server

  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const twirp = /^\/twirp\/([A-Za-z0-9.]+)\/([A-Za-z]+)$/.exec(u.pathname);
    const handler = twirp
      ? handleTwirp(req, res, twirp[1] ?? '', twirp[2] ?? '')
      : u.pathname.startsWith(`/blob/${CONTAINER}/`)
        ? handleBlob(req, res, u)
        : (async () => {
            requestCounts.other++;
            await readBody(req);
            sendJson(res, 404, { code: 'bad_route', msg: `no handler for ${req.method ?? ''} ${u.pathname}` });
          })();
    handler.catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { code: 'internal', msg: String(err) });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}/`;

  const envWith = (runtimeToken: string): Record<string, string> => ({
    ACTIONS_RESULTS_URL: url,
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    // What the runner sets where the cache service v2 is on (everywhere on github.com today).
    ACTIONS_CACHE_SERVICE_V2: 'true',
    // @actions/artifact refuses anything but github.com / *.ghe.com / *.localhost (GHES).
    GITHUB_SERVER_URL: 'https://github.com',
    // Maximum retention of the "repository"; retentionDays above it is clamped by the client.
    GITHUB_RETENTION_DAYS: '90'
  });

  return {
    url,
    token,
    env: envWith(token),
    envFor: ref => envWith(issue(ref)),
    artifacts,
    cacheEntries,
    requestCounts,
    files(name: string): Map<string, Buffer> {
      const matches = artifacts.filter(a => a.name === name);
      const artifact = matches[matches.length - 1];
      if (!artifact)
        throw new Error(`no artifact named ${JSON.stringify(name)} (have: ${artifacts.map(a => a.name).join(', ')})`);
      if (!isZip(artifact)) return new Map([[artifact.name, artifact.bytes]]);
      return unzip(artifact.bytes);
    },
    failNext(kind: FaultKind, status: number): void {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new Error(`failNext: status must be an HTTP error status, got ${status}`);
      }
      faults[kind].push(status);
    },
    close(): Promise<void> {
      return new Promise((resolve, reject) => {
        server.close(err => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    }
  };
}
