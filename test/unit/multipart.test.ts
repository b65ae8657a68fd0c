import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import busboy from 'busboy';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { request, type Dispatcher } from 'undici';
import { multipartBody, type FieldPart, type FilePart } from '../../src/net/multipart.js';
import { makeTempDir, removeDir } from '../support/files.js';

interface Received {
  readonly fields: [string, string][];
  readonly files: { name: string; filename: string; type: string; sha256: string; bytes: number }[];
}

/** Parses a form as a server would, but slowly, so that the sender's writes back up. */
function parseSlowly(req: IncomingMessage): Promise<Received> {
  const received: Received = { fields: [], files: [] };
  return new Promise((done, fail) => {
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => received.fields.push([name, value]));
    bb.on('file', (name, stream, info) => {
      const hash = createHash('sha256');
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
      });
      stream.on('end', () =>
        received.files.push({
          name,
          filename: info.filename ?? '',
          type: info.mimeType,
          sha256: hash.digest('hex'),
          bytes
        })
      );
    });
    bb.on('close', () => done(received));
    bb.on('error', fail);
    // Stops reading for a while at the start and after every MiB, long enough for the connection's buffers to fill.
    let unread = Infinity;
    const slow = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        unread += chunk.length;
        if (unread < 1024 * 1024) return next(null, chunk);
        unread = 0;
        setTimeout(() => next(null, chunk), 100);
      }
    });
    req.pipe(slow).pipe(bb);
  });
}

/** undici sends an async iterable as it is; its type declarations omit it. */
const asBody = (body: AsyncIterable<Uint8Array>): Dispatcher.DispatchOptions['body'] =>
  body as unknown as Dispatcher.DispatchOptions['body'];

let dir: string;
let server: Server;
let url: string;

beforeAll(async () => {
  dir = await makeTempDir();
  server = createServer((req, res) => {
    // The declared length must be the length sent: a server reading exactly that many bytes would otherwise hang.
    const declared = Number(req.headers['content-length']);
    let seen = 0;
    req.on('data', (chunk: Buffer) => (seen += chunk.length));
    parseSlowly(req).then(
      received => res.end(JSON.stringify({ ...received, declared, seen })),
      (error: Error) => res.writeHead(400).end(error.message)
    );
  });
  await new Promise<void>(listening => server.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise(closed => server.close(closed));
  await removeDir(dir);
});

async function send(parts: readonly (FieldPart | FilePart)[]): Promise<Received & { declared: number; seen: number }> {
  const { headers, body } = await multipartBody(parts);
  const response = await request(url, { method: 'POST', headers, body: asBody(body) });
  expect(response.statusCode).toBe(200);
  return (await response.body.json()) as Received & { declared: number; seen: number };
}

describe('multipartBody', () => {
  test('files of any size arrive whole through a slow reader, several uploads at once sharing read buffers', async () => {
    // Around the read buffer (256 KiB) and a socket's high-water mark, and large ones.
    const sizes = [0, 1, 16 * 1024, 64 * 1024 + 1, 256 * 1024 - 1, 256 * 1024, 256 * 1024 + 1, 12 * 1024 * 1024 + 7];
    const files = await Promise.all(
      sizes.map(async (size, i) => {
        const bytes = randomBytes(size);
        const path = join(dir, `f${i}.png`);
        await writeFile(path, bytes);
        return { path, size, sha256: createHash('sha256').update(bytes).digest('hex') };
      })
    );
    const answers = await Promise.all(
      files.map(file =>
        send([
          { name: 'image_request', value: '{"a":1}' },
          { name: 'image_file', path: file.path, filename: 'x.png', type: 'image/png' }
        ])
      )
    );
    for (const [i, answer] of answers.entries()) {
      expect(answer.files).toEqual([
        { name: 'image_file', filename: 'x.png', type: 'image/png', sha256: files[i]?.sha256, bytes: sizes[i] }
      ]);
      expect(answer.seen).toBe(answer.declared);
    }
  });

  test('keeps the parts in order, and names, file names and line breaks as browsers send them', async () => {
    const path = join(dir, 'order.png');
    await writeFile(path, 'bytes');
    const answer = await send([
      { name: 'image', path, filename: 'a "quoted"\r\nname.png', type: 'image/jpeg' },
      { name: 'private', value: 'true' },
      { name: 'prompt', value: 'two\nlines\rand\r\nthree' },
      { name: 'we"ird\nname', value: '' }
    ]);
    expect(answer.files).toEqual([
      expect.objectContaining({ name: 'image', filename: 'a %22quoted%22%0D%0Aname.png', type: 'image/jpeg', bytes: 5 })
    ]);
    expect(answer.fields).toEqual([
      ['private', 'true'],
      ['prompt', 'two\r\nlines\r\nand\r\nthree'],
      ['we%22ird%0Aname', '']
    ]);
  });

  test.each([
    ['shrinks', 1000, /shrank to 1000 bytes/],
    ['grows', 2 * 1024 * 1024, /grew past 1048576 bytes/]
  ])('a file that %s after the form was made fails the upload instead of sending other bytes', async (_, size, why) => {
    const path = join(dir, `changes-${size}.png`);
    await writeFile(path, randomBytes(1024 * 1024));
    const { headers, body } = await multipartBody([{ name: 'image', path, filename: 'a.png', type: 'image/png' }]);
    await writeFile(path, randomBytes(size));
    await expect(request(url, { method: 'POST', headers, body: asBody(body) })).rejects.toThrow(why);
  });
});
