import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { IdeogramClient, type Generation } from '../../src/providers/ideogram/client.js';
import {
  APIError,
  ConnectionError,
  GenerationPendingError,
  ResponseLostError,
  UploadInterruptedError
} from '../../src/providers/ideogram/errors.js';
import { Poller, defaultPollOptions, type PollOptions } from '../../src/providers/ideogram/poller.js';
import { checkImage } from '../../src/imaging/source-image.js';
import { startFakeIdeogram, type FakeIdeogram } from '../fakes/ideogram-server.js';
import { encodePng, makeTempDir, removeDir, writeFiles } from '../support/files.js';

const DONE: Generation = { status: 'completed', images: [], costUsdMicros: 1 };
const PENDING: Generation = { status: 'pending' };

/** A poller on a virtual clock: sleeping moves the clock; every poll is stamped with the time it was made. */
function virtualPoller(overrides: Partial<PollOptions> = {}): { poller: Poller; clock: { now: number } } {
  const clock = { now: 0 };
  const poller = new Poller(
    defaultPollOptions({
      sleep: async ms => {
        await Promise.resolve();
        clock.now += ms;
      },
      now: () => clock.now,
      ...overrides
    })
  );
  return { poller, clock };
}

/** A job's answers, in order; an Error is thrown. Records when each poll came. */
function script(
  clock: { now: number },
  answers: readonly (Generation | Error)[]
): { poll: () => Promise<Generation>; at: number[] } {
  const at: number[] = [];
  return {
    at,
    poll: () => {
      at.push(clock.now);
      const next = answers[Math.min(at.length - 1, answers.length - 1)];
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next as Generation);
    }
  };
}

describe('Poller', () => {
  test('waits a few seconds, then longer each time, until the job is done', async () => {
    const { poller, clock } = virtualPoller();
    const job = script(clock, [PENDING, PENDING, PENDING, DONE]);
    await expect(poller.wait('a.png', 'id1', job.poll)).resolves.toEqual(DONE);
    expect(job.at).toEqual([2000, 5000, 9500, 16250]);
  });

  test('the growing wait is capped', async () => {
    const { poller, clock } = virtualPoller({ maxDelayMs: 4000 });
    const job = script(clock, [PENDING, PENDING, PENDING, PENDING, DONE]);
    await poller.wait('a.png', 'id1', job.poll);
    expect(job.at.slice(1).map((t, i) => t - (job.at[i] ?? 0))).toEqual([3000, 4000, 4000, 4000]);
  });

  test('a failed poll (5xx) is simply made again later: polls never re-run the job', async () => {
    const { poller, clock } = virtualPoller();
    const job = script(clock, [APIError.from('a.png', 503, { error: 'busy' }, undefined), DONE]);
    await expect(poller.wait('a.png', 'id1', job.poll)).resolves.toEqual(DONE);
    expect(job.at).toHaveLength(2);
  });

  test("a 429's Retry-After pauses every job sharing the poller", async () => {
    const { poller, clock } = virtualPoller({ initialDelayMs: 1000, growth: 1 });
    const limited = script(clock, [APIError.from('a.png', 429, { error: 'slow down' }, 20_000), DONE]);
    const other = script(clock, [PENDING, PENDING, DONE]);
    await Promise.all([poller.wait('a.png', 'id1', limited.poll), poller.wait('b.png', 'id2', other.poll)]);
    // Both polled at 1 s; the 429 paused both until 21 s.
    expect(limited.at[1]).toBeGreaterThanOrEqual(21_000);
    expect(other.at[1]).toBeGreaterThanOrEqual(21_000);
  });

  test('polls across jobs stay within the window allowance', async () => {
    const { poller, clock } = virtualPoller({ initialDelayMs: 100, growth: 1, pollsPerWindow: 3, windowMs: 10_000 });
    const jobs = Array.from({ length: 6 }, () => script(clock, [DONE]));
    await Promise.all(jobs.map((job, i) => poller.wait(`${i}.png`, `id${i}`, job.poll)));
    const times = jobs.flatMap(job => job.at).sort((a, b) => a - b);
    expect(times.filter(t => t < 10_100)).toHaveLength(3);
  });

  test('the wait is bounded: past it, the job is reported pending with its id, never resent', async () => {
    const { poller, clock } = virtualPoller({ maxWaitMs: 60_000 });
    const job = script(clock, [PENDING]);
    const error = await poller.wait('a.png', 'gen-7', job.poll).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(GenerationPendingError);
    expect((error as Error).message).toMatch(
      /generation gen-7\) but it was still pending after 60 s; the next run collects it/
    );
    expect(clock.now).toBeLessThanOrEqual(60_000);
  });
});

describe('a poll whose connection fails, against the loopback Ideogram', () => {
  const KEY = 'poller-test-key';
  let fake: FakeIdeogram;
  let dir: string;
  const servers: Server[] = [];

  beforeAll(async () => {
    fake = await startFakeIdeogram({ apiKey: KEY });
    dir = await makeTempDir('poller-');
    await writeFiles(dir, { 'a.png': encodePng(64, 64) });
  });
  afterAll(async () => {
    await fake.close();
    await removeDir(dir);
    await Promise.all(servers.map(server => new Promise(resolve => server.close(resolve))));
  });

  /** A loopback port whose connections fail as `breakIt` says (or nothing listening); how many came. */
  async function brokenHost(
    breakIt: ((socket: Socket) => void) | 'closed'
  ): Promise<{ port: number; count: () => number }> {
    let connections = 0;
    const server = createServer(socket => {
      connections += 1;
      if (breakIt !== 'closed') breakIt(socket);
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    if (breakIt === 'closed') await new Promise<void>(resolve => server.close(() => resolve()));
    else servers.push(server);
    return { port, count: () => connections };
  }

  /** A TCP reset as soon as the client says anything: its TLS hello, or its HTTP request. */
  const resetOnFirstBytes = (socket: Socket): void => void socket.once('data', () => socket.resetAndDestroy());

  // Every way a GET can fail on the network: a poll runs nothing and bills nothing, so each is made again.
  test.each([
    ['nothing listening', 'http', 'closed', ConnectionError],
    // Reset while TLS is being set up: the request was never written, so the client calls it interrupted.
    ['reset before the request was sent', 'https', resetOnFirstBytes, UploadInterruptedError],
    ['reset once the request arrived', 'http', resetOnFirstBytes, ResponseLostError]
  ] as const)('%s: the poll is made again and the accepted job collected', async (_, scheme, breakIt, ErrorClass) => {
    const host = await brokenHost(breakIt);
    const working = new IdeogramClient({ apiUrl: new URL(fake.url), apiKey: KEY, timeoutMs: 10_000 });
    const broken = new IdeogramClient({
      apiUrl: new URL(`${scheme}://127.0.0.1:${host.port}`),
      apiKey: KEY,
      timeoutMs: 10_000
    });
    const image = await checkImage(join(dir, 'a.png'), 'a.png', 10_000_000);
    const submitted = fake.v2.stats.submitted;
    const { generationId } = await working.submit(image, 'topaz-standard-2', { upscale_factor: 'x2' });
    const failures: unknown[] = [];
    let polls = 0;
    // The first poll meets the broken connection; the next ones reach Ideogram.
    const poll = (): Promise<Generation> =>
      (polls++ === 0 ? broken : working).generation('a.png', generationId).catch((error: unknown) => {
        failures.push(error);
        throw error;
      });
    const poller = new Poller(defaultPollOptions({ initialDelayMs: 20, growth: 1, maxWaitMs: 10_000 }));
    try {
      const generation = await poller.wait('a.png', generationId, poll);
      expect(generation.status).toBe('completed');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toBeInstanceOf(ErrorClass);
      expect(host.count()).toBe(breakIt === 'closed' ? 0 : 1);
      expect(fake.v2.stats.submitted - submitted).toBe(1);
    } finally {
      await Promise.all([working.close(), broken.close()]);
    }
  });
});
