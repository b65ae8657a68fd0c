import { describe, expect, test } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { mapLimited } from '../src/map-limited.js';

/** Runs `mapLimited` over 0..n-1 with calls that take a while in shuffled order, recording how many ran at once. */
async function run(n: number, limit: number, rampUp: boolean, grows = true) {
  let inFlight = 0;
  const peaks: number[] = [];
  const finished: number[] = [];
  const results = await mapLimited(
    Array.from({ length: n }, (_, i) => i),
    limit,
    async (item, grow) => {
      inFlight += 1;
      peaks.push(inFlight);
      if (grows) grow();
      await sleep(((item * 7) % 5) + 1);
      inFlight -= 1;
      return item * 10;
    },
    { rampUp, onEach: (result, done, total) => finished.push(done, total, result) }
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
    for (const rampUp of [false, true]) {
      const { results, peak, finished } = await run(n, limit, rampUp);
      expect(results).toEqual(Array.from({ length: n }, (_, i) => i * 10));
      expect(peak).toBeLessThanOrEqual(Math.max(1, limit));
      // onEach: once per item, counting up to the total.
      expect(finished.filter((_, i) => i % 3 === 0)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    }
  });

  test('rampUp starts one call, and reaches the limit only as calls ask for more', async () => {
    expect((await run(20, 8, true)).peaks.slice(0, 3)).toEqual([1, 2, 3]);
    expect((await run(20, 8, true)).peak).toBe(8);
    expect((await run(20, 8, true, false)).peak).toBe(1);
    expect((await run(20, 8, false)).peaks.slice(0, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
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
