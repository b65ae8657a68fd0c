import { afterEach, beforeEach, describe, expect, jest, test } from '@jest/globals';
import { Cancellation, CancelledError, cancelOnSignals, unlessCut } from '../../src/async/cancellation.js';

// Virtual time: the grace periods are checked by moving the clock, never by waiting.
beforeEach(() => {
  jest.useFakeTimers();
});
afterEach(() => {
  jest.useRealTimers();
});

describe('Cancellation', () => {
  test('stop: nothing new starts at once; what is in flight is cut when the grace period is over', () => {
    const cancellation = new Cancellation();
    expect([cancellation.stopped.aborted, cancellation.cut.aborted]).toEqual([false, false]);
    cancellation.stop(500);
    expect([cancellation.stopped.aborted, cancellation.cut.aborted]).toEqual([true, false]);
    jest.advanceTimersByTime(499);
    expect(cancellation.cut.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(cancellation.cut.aborted).toBe(true);
  });

  test('a second stop cuts at once', () => {
    const cancellation = new Cancellation();
    cancellation.stop(60_000);
    cancellation.stop(60_000);
    expect(cancellation.cut.aborted).toBe(true);
  });

  test('cutNow stops and cuts at once, and leaves no timer behind', () => {
    const cancellation = new Cancellation();
    cancellation.stop(60_000);
    cancellation.cutNow();
    expect([cancellation.stopped.aborted, cancellation.cut.aborted]).toEqual([true, true]);
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('unlessCut', () => {
  const pending = (): Promise<string> => new Promise<string>(() => {});

  test('without a signal, or one that never aborts, it is the work', async () => {
    await expect(unlessCut(Promise.resolve('done'), undefined)).resolves.toBe('done');
    await expect(unlessCut(Promise.resolve('done'), new AbortController().signal)).resolves.toBe('done');
    const failure = new Error('the work failed');
    await expect(unlessCut(Promise.reject(failure), new AbortController().signal)).rejects.toBe(failure);
  });

  test('a signal already aborted: CancelledError, without waiting for the work', async () => {
    await expect(unlessCut(pending(), AbortSignal.abort())).rejects.toBeInstanceOf(CancelledError);
  });

  test('aborted while the work goes on: CancelledError as soon as it aborts', async () => {
    const cut = new AbortController();
    const result = unlessCut(pending(), cut.signal);
    cut.abort();
    await expect(result).rejects.toThrow('cut off in flight by the cancellation');
  });

  test('work done before the abort keeps its result', async () => {
    const cut = new AbortController();
    const result = unlessCut(Promise.resolve('done'), cut.signal);
    await expect(result).resolves.toBe('done');
    cut.abort();
    await expect(result).resolves.toBe('done');
  });
});

describe('cancelOnSignals', () => {
  const GRACE = 5000;
  let cancellation: Cancellation;
  let heard: [NodeJS.Signals, boolean][];
  let dispose: () => void;
  beforeEach(() => {
    cancellation = new Cancellation();
    heard = [];
    dispose = cancelOnSignals(cancellation, GRACE, (signal, first) => heard.push([signal, first]));
  });
  afterEach(() => dispose());

  test('a first SIGINT stops, and cuts after the whole grace period', () => {
    process.emit('SIGINT', 'SIGINT');
    expect(heard).toEqual([['SIGINT', true]]);
    expect([cancellation.stopped.aborted, cancellation.cut.aborted]).toEqual([true, false]);
    jest.advanceTimersByTime(GRACE - 1);
    expect(cancellation.cut.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(cancellation.cut.aborted).toBe(true);
  });

  test('a first SIGTERM leaves a shorter grace: the kill is near', () => {
    process.emit('SIGTERM', 'SIGTERM');
    expect(cancellation.stopped.aborted).toBe(true);
    jest.advanceTimersByTime(999);
    expect(cancellation.cut.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(cancellation.cut.aborted).toBe(true);
  });

  test('a second signal cuts at once, and is told it is not the first', () => {
    process.emit('SIGINT', 'SIGINT');
    process.emit('SIGTERM', 'SIGTERM');
    expect(heard).toEqual([
      ['SIGINT', true],
      ['SIGTERM', false]
    ]);
    expect(cancellation.cut.aborted).toBe(true);
  });

  test('once disposed, signals no longer reach it', () => {
    dispose();
    process.emit('SIGINT', 'SIGINT');
    expect(heard).toEqual([]);
    expect(cancellation.stopped.aborted).toBe(false);
  });
});
