import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { startFakeArtifactService, type FakeArtifactService } from './artifact-server.js';

// @actions/artifact reads ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN / GITHUB_SERVER_URL on every
// call (nothing is cached at import time), so setting process.env in beforeAll is enough.

let service: FakeArtifactService;
let tmp: string;
const savedEnv = new Map<string, string | undefined>();
const originalWrite = process.stdout.write.bind(process.stdout);
const clientOutput: string[] = [];

const setEnv = (key: string, value: string | undefined): void => {
  if (!savedEnv.has(key)) savedEnv.set(key, process.env[key]);
  if (value === undefined) delete process.env[key];
  else process.env[key] = value;
};

const files: Record<string, Buffer> = {
  'hello.txt': Buffer.from('hello world\n'),
  'nested/deeper/data.json': Buffer.from(JSON.stringify({ a: 1, b: [2, 3] })),
  'image.bin': Buffer.concat([Buffer.from([0, 1, 2, 255, 254, 0, 0x50, 0x4b]), crypto.randomBytes(64 * 1024)])
};

function writeTree(root: string): string[] {
  return Object.entries(files).map(([rel, bytes]) => {
    const p = path.join(root, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, bytes);
    return p;
  });
}

beforeAll(async () => {
  service = await startFakeArtifactService();
  for (const [k, v] of Object.entries(service.env)) setEnv(k, v);
  setEnv('ACTIONS_STEP_DEBUG', undefined);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-artifact-'));
  // @actions/core writes ::add-mask:: and info lines straight to stdout; keep the test output clean.
  process.stdout.write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    clientOutput.push(String(chunk));
    const cb = rest.find(r => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  };
});

afterAll(async () => {
  process.stdout.write = originalWrite;
  for (const [k, v] of savedEnv) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await service?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('fake artifact service with the real @actions/artifact client', () => {
  test('exposes the runner environment', () => {
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(service.env['ACTIONS_RESULTS_URL']).toBe(service.url);
    expect(service.env['ACTIONS_RUNTIME_TOKEN']).toBe(service.token);
    const payload = JSON.parse(Buffer.from(service.token.split('.')[1] ?? '', 'base64url').toString()) as {
      scp: string;
    };
    expect(payload.scp).toMatch(/(^| )Actions\.Results:[^: ]+:[^: ]+( |$)/);
  });

  test('uploads a zip with nested and binary files, retention and hash', async () => {
    const root = path.join(tmp, 'upload1');
    const paths = writeTree(root);
    const before = Date.now();
    const result = await new DefaultArtifactClient().uploadArtifact('my-artifact', paths, root, {
      retentionDays: 3,
      compressionLevel: 0
    });

    expect(service.artifacts).toHaveLength(1);
    const a = service.artifacts[0]!;
    expect(a.name).toBe('my-artifact');
    expect(a.finalized).toBe(true);
    expect(result.id).toBe(a.id);
    expect(result.size).toBe(a.size);
    expect(a.size).toBe(a.bytes.length);
    expect(a.mimeType).toBe('application/zip');
    expect(a.hash).toBe(`sha256:${crypto.createHash('sha256').update(a.bytes).digest('hex')}`);
    expect(result.digest).toBe(a.hash?.slice('sha256:'.length));
    // compressionLevel 0 => stored entries, so the archive is bigger than the payload
    const payloadSize = Object.values(files).reduce((n, b) => n + b.length, 0);
    expect(a.size).toBeGreaterThan(payloadSize);

    const got = service.files('my-artifact');
    expect([...got.keys()].sort()).toEqual(Object.keys(files).sort());
    for (const [rel, bytes] of Object.entries(files)) expect(got.get(rel)?.equals(bytes)).toBe(true);

    expect(a.expiresAt).toBeDefined();
    const expires = Date.parse(a.expiresAt ?? '');
    const threeDays = 3 * 24 * 3600 * 1000;
    // setDate(+3) is local-calendar arithmetic: allow for a DST shift
    expect(Math.abs(expires - before - threeDays)).toBeLessThan(2 * 3600 * 1000);
  });

  test('getArtifact and downloadArtifact read back what was uploaded', async () => {
    const client = new DefaultArtifactClient();
    const { artifact } = await client.getArtifact('my-artifact');
    const a = service.artifacts.find(x => x.name === 'my-artifact')!;
    expect(artifact).toMatchObject({ id: a.id, name: 'my-artifact', size: a.size, digest: a.hash });
    const dest = path.join(tmp, 'download1');
    const res = await client.downloadArtifact(a.id, { path: dest, expectedHash: a.hash });
    expect(res.digestMismatch).toBe(false);
    for (const [rel, bytes] of Object.entries(files)) {
      expect(fs.readFileSync(path.join(dest, rel)).equals(bytes)).toBe(true);
    }
  });

  test('a duplicate name on the same run is rejected with already_exists (409)', async () => {
    const root = path.join(tmp, 'upload1');
    const count = service.artifacts.length;
    await expect(
      new DefaultArtifactClient().uploadArtifact('my-artifact', [path.join(root, 'hello.txt')], root)
    ).rejects.toThrow(/CreateArtifact.*409.*already exists/s);
    expect(service.artifacts).toHaveLength(count);
  });

  test('an injected CreateArtifact fault makes the upload reject without creating anything', async () => {
    const root = path.join(tmp, 'upload1');
    const count = service.artifacts.length;
    const creates = service.requestCounts.create;
    service.failNext('create', 403);
    await expect(
      new DefaultArtifactClient().uploadArtifact('faulty', [path.join(root, 'hello.txt')], root)
    ).rejects.toThrow(/Failed to CreateArtifact: Received non-retryable error: Failed request: \(403\)/);
    expect(service.requestCounts.create).toBe(creates + 1);
    expect(service.artifacts).toHaveLength(count);
    // the fault was consumed: the same name works now
    const ok = await new DefaultArtifactClient().uploadArtifact('faulty', [path.join(root, 'hello.txt')], root);
    expect(service.files('faulty').get('hello.txt')?.toString()).toBe('hello world\n');
    expect(ok.id).toBe(service.artifacts[service.artifacts.length - 1]!.id);
  });

  test('blob faults: 403 fails the upload (artifact stays unfinalized), 500 is retried by the Azure SDK', async () => {
    const root = path.join(tmp, 'upload1');
    const file = [path.join(root, 'hello.txt')];
    service.failNext('blob', 403);
    await expect(new DefaultArtifactClient().uploadArtifact('blob-403', file, root)).rejects.toThrow();
    const failed = service.artifacts.find(a => a.name === 'blob-403');
    expect(failed?.finalized).toBe(false);

    const blobRequests = service.requestCounts.blob;
    service.failNext('blob', 500);
    const ok = await new DefaultArtifactClient().uploadArtifact('blob-500', file, root);
    expect(ok.id).toBe(service.artifacts.find(a => a.name === 'blob-500')?.id);
    // failed block + retried block + block list
    expect(service.requestCounts.blob - blobRequests).toBe(3);
  });

  test('an injected FinalizeArtifact fault makes the upload reject', async () => {
    const root = path.join(tmp, 'upload1');
    service.failNext('finalize', 400);
    await expect(
      new DefaultArtifactClient().uploadArtifact('finalize-400', [path.join(root, 'hello.txt')], root)
    ).rejects.toThrow(/Failed to FinalizeArtifact/);
    expect(service.artifacts.find(a => a.name === 'finalize-400')?.finalized).toBe(false);
  });

  test('skipArchive uploads the single file raw', async () => {
    const root = path.join(tmp, 'upload1');
    const res = await new DefaultArtifactClient().uploadArtifact('ignored', [path.join(root, 'image.bin')], root, {
      skipArchive: true
    });
    const a = service.artifacts.find(x => x.id === res.id)!;
    expect(a.name).toBe('image.bin');
    expect(a.mimeType).toBe('application/octet-stream');
    expect(a.bytes.equals(files['image.bin']!)).toBe(true);
    expect([...service.files('image.bin').entries()]).toEqual([['image.bin', files['image.bin']]]);
  });

  test('raw protocol validation: ids, signature, size, hash, finalize before upload', async () => {
    const scp = (JSON.parse(Buffer.from(service.token.split('.')[1] ?? '', 'base64url').toString()) as { scp: string })
      .scp;
    const [, run = '', job = ''] = (scp.split(' ').find(s => s.startsWith('Actions.Results:')) ?? '').split(':');
    const rpc = async (method: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
      const r = await fetch(`${service.url}twirp/github.actions.results.api.v1.ArtifactService/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${service.token}` },
        body: JSON.stringify(body)
      });
      return { status: r.status, json: (await r.json()) as Record<string, unknown> };
    };
    const ids = { workflow_run_backend_id: run, workflow_job_run_backend_id: job };

    expect(
      await rpc('CreateArtifact', { ...ids, workflow_run_backend_id: 'other', name: 'x', version: 7 })
    ).toMatchObject({
      status: 403,
      json: { code: 'permission_denied' }
    });
    expect(await rpc('CreateArtifact', { ...ids, name: '', version: 7 })).toMatchObject({ status: 400 });
    expect(await rpc('Nope', {})).toMatchObject({ status: 404, json: { code: 'bad_route' } });

    const created = await rpc('CreateArtifact', { ...ids, name: 'raw', version: 7, mime_type: 'application/zip' });
    expect(created.status).toBe(200);
    const upload = String(created.json['signed_upload_url']);
    expect(upload.startsWith(`${service.url}blob/`)).toBe(true);
    expect(await rpc('FinalizeArtifact', { ...ids, name: 'raw', size: '3' })).toMatchObject({
      status: 412,
      json: { code: 'failed_precondition' }
    });

    const tampered = upload.replace(/sig=[^&]+/, 'sig=AAAA');
    const bad = await fetch(tampered, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'abc' });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');
    const put = await fetch(upload, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'abc' });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBeTruthy();

    expect(await rpc('FinalizeArtifact', { ...ids, name: 'raw', size: '4' })).toMatchObject({ status: 400 });
    expect(
      await rpc('FinalizeArtifact', { ...ids, name: 'raw', size: '3', hash: `sha256:${'0'.repeat(64)}` })
    ).toMatchObject({
      status: 400
    });
    const sha = crypto.createHash('sha256').update('abc').digest('hex');
    const fin = await rpc('FinalizeArtifact', { ...ids, name: 'raw', size: '3', hash: `sha256:${sha}` });
    expect(fin.status).toBe(200);
    expect(fin.json['artifact_id']).toBe(String(service.artifacts.find(a => a.name === 'raw')?.id));
  });

  test('a token with a bad signature is rejected (401)', async () => {
    const root = path.join(tmp, 'upload1');
    const [h, p] = service.token.split('.');
    setEnv('ACTIONS_RUNTIME_TOKEN', `${h}.${p}.${Buffer.from('forged').toString('base64url')}`);
    try {
      await expect(
        new DefaultArtifactClient().uploadArtifact('forged', [path.join(root, 'hello.txt')], root)
      ).rejects.toThrow(/\(401\).*invalid token/);
    } finally {
      process.env['ACTIONS_RUNTIME_TOKEN'] = service.token;
    }
    expect(service.artifacts.find(a => a.name === 'forged')).toBeUndefined();
  });
});
