import { describe, expect, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { forEachLimited, mapAhead, mapLimited } from '../../src/async/map-limited.js';

/** Counts calls under way, each taking a while in shuffled order. */
function counted() {
  let inFlight = 0;
  const peaks: number[] = [];
  const call = async (item: number): Promise<number> => {
    inFlight += 1;
    peaks.push(inFlight);
    await sleep(((item * 7) % 5) + 1);
    inFlight -= 1;
    return item * 10;
  };
  return { call, peaks };
}

/** Runs `mapLimited` over 0..n-1, recording how many ran at once. */
async function run(n: number, limit: number) {
  const { call, peaks } = counted();
  const finished: number[] = [];
  const results = await mapLimited(
    Array.from({ length: n }, (_, i) => i),
    limit,
    call,
    { onEach: (result, done, total) => finished.push(done, total, result) }
  );
  return { results, peak: Math.max(0, ...peaks), peaks, finished };
}

describe('mapLimited', () => {
  test.each([
    [0, 4],
    [1, 4],
    [10, 1],
    [25, 4],
    [25, 64]
  ])('%i items, limit %i: every result in the items’ order, never more than the limit at once', async (n, limit) => {
    const { results, peak, finished } = await run(n, limit);
    expect(results).toEqual(Array.from({ length: n }, (_, i) => i * 10));
    expect(peak).toBeLessThanOrEqual(Math.max(1, limit));
    // onEach: once per item, counting up to the total.
    expect(finished.filter((_, i) => i % 3 === 0)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  test('once stopped, starts nothing more and gives each item left its not-started result', async () => {
    const stop = new AbortController();
    const called: number[] = [];
    const finished: number[] = [];
    const results = await mapLimited(
      [0, 1, 2, 3, 4, 5, 6, 7],
      2,
      async item => {
        called.push(item);
        if (item === 2) stop.abort();
        await sleep(1);
        return `done ${item}`;
      },
      {
        stop: { signal: stop.signal, notStarted: item => `left ${item}` },
        onEach: result => finished.push(result.length)
      }
    );
    // 0 and 1 run together; 2 starts after one of them, and the other worker takes 3 before the stop is seen, or not.
    expect(called.slice(0, 3)).toEqual([0, 1, 2]);
    expect(called.length).toBeLessThanOrEqual(4);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(i => (called.includes(i) ? `done ${i}` : `left ${i}`)));
    expect(finished).toHaveLength(called.length);
  });

  test('a failing call rejects the whole map', async () => {
    const failing = mapLimited([1, 2, 3, 4], 2, async item => {
      await sleep(item);
      if (item === 3) throw new Error('three');
      return item;
    });
    await expect(failing).rejects.toThrow('three');
  });
});

describe('forEachLimited', () => {
  test('takes items from an async source as they arrive, never more than the limit at once', async () => {
    async function* arriving(): AsyncGenerator<number> {
      for (let i = 0; i < 30; i++) {
        if (i % 4 === 0) await sleep(1);
        yield i;
      }
    }
    const { call, peaks } = counted();
    const seen: number[] = [];
    await forEachLimited(arriving(), 5, async item => {
      seen.push(await call(item));
    });
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i * 10));
    expect(Math.max(...peaks)).toBe(5);
  });
});

describe('mapAhead', () => {
  test.each([
    [0, 4],
    [1, 4],
    [40, 1],
    [40, 6]
  ])('%i items, %i ahead: every result in the items’ order, never more than that many under way', async (n, limit) => {
    const { call, peaks } = counted();
    const results: number[] = [];
    for await (const result of mapAhead(
      Array.from({ length: n }, (_, i) => i),
      limit,
      call
    )) {
      results.push(result);
      // A slow consumer: the calls ahead of it go on meanwhile, up to the limit.
      await sleep(2);
    }
    expect(results).toEqual(Array.from({ length: n }, (_, i) => i * 10));
    expect(Math.max(0, ...peaks)).toBeLessThanOrEqual(limit);
    if (n > 20 && limit > 1) expect(Math.max(...peaks)).toBeGreaterThan(1);
  });

  test('starts with one call, so the first result waits for no other, then two more as each finishes', async () => {
    const { call, peaks } = counted();
    for await (const result of mapAhead(
      Array.from({ length: 20 }, (_, i) => i),
      8,
      call
    ))
      void result;
    expect(peaks.slice(0, 3)).toEqual([1, 1, 2]);
  });

  test('a failing call fails the iteration when its turn comes, after the results before it', async () => {
    const seen: number[] = [];
    const failing = (async () => {
      for await (const result of mapAhead([1, 2, 3, 4], 4, async item => {
        await sleep(5 - item);
        if (item === 3) throw new Error('three');
        return item;
      }))
        seen.push(result);
    })();
    await expect(failing).rejects.toThrow('three');
    expect(seen).toEqual([1, 2]);
  });
});
