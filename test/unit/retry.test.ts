import { describe, expect, jest, test } from '@jest/globals';
import { DownloadError } from '../../src/net/download.js';
import {
  APIError,
  ConnectionError,
  InvalidResponseError,
  RateLimitError,
  ResponseLostError,
  ServerError
} from '../../src/providers/ideogram/errors.js';
import { ideogramRule } from '../../src/providers/ideogram/retry-rule.js';
import {
  backoffMs,
  defaultRetryPolicy,
  parseRetryAfter,
  withRetries,
  type RetryEvent,
  type RetryPolicy
} from '../../src/async/retry.js';

const FILE = 'img/cat.png';

/** The error the client makes for an answer with this status and body. */
function answered(status: number, retryAfterMs?: number, body: unknown = { error: `HTTP ${status}` }): APIError {
  return APIError.from(FILE, status, body, retryAfterMs);
}

const tooMany = (retryAfterMs?: number): APIError =>
  answered(429, retryAfterMs, { error: 'Too many requests in flight.', reject_reason: 'inflight_limit' });

interface Run<T> {
  result?: T;
  error?: unknown;
  attempts: number;
  sleeps: number[];
  events: RetryEvent[];
}

/**
 * Runs `withRetries` over a scripted sequence of outcomes (an Error is thrown, anything else returned), with a
 * policy that records its sleeps instead of sleeping.
 */
async function run(script: readonly unknown[], overrides: Partial<RetryPolicy> = {}): Promise<Run<unknown>> {
  const sleeps: number[] = [];
  const events: RetryEvent[] = [];
  const policy = defaultRetryPolicy({
    sleep: ms => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0,
    ...overrides
  });
  let attempts = 0;
  const outcome: Run<unknown> = { attempts: 0, sleeps, events };
  try {
    outcome.result = await withRetries(
      () => {
        const step = script[Math.min(attempts, script.length - 1)];
        attempts += 1;
        return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
      },
      policy,
      ideogramRule,
      event => events.push(event)
    );
  } catch (error) {
    outcome.error = error;
  }
  outcome.attempts = attempts;
  return outcome;
}

describe('parseRetryAfter', () => {
  const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');

  test('seconds', () => {
    expect(parseRetryAfter({ 'retry-after': '3' }, now)).toBe(3000);
    expect(parseRetryAfter({ 'retry-after': '0' }, now)).toBe(0);
    expect(parseRetryAfter({ 'retry-after': '1.5' }, now)).toBe(1500);
  });

  test('an HTTP date, as the time left until it', () => {
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:28:07 GMT' }, now)).toBe(7000);
  });

  test('a date already past means no wait', () => {
    expect(parseRetryAfter({ 'retry-after': 'Wed, 21 Oct 2026 07:00:00 GMT' }, now)).toBe(0);
  });

  test('retry-after-ms wins over retry-after', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '30' }, now)).toBe(250);
  });

  test('an empty or unreadable retry-after-ms falls back to retry-after', () => {
    expect(parseRetryAfter({ 'retry-after-ms': '', 'retry-after': '30' }, now)).toBe(30_000);
    expect(parseRetryAfter({ 'retry-after-ms': 'soon', 'retry-after': '2' }, now)).toBe(2000);
  });

  test('a repeated header: the first value counts', () => {
    expect(parseRetryAfter({ 'retry-after': ['2', '9'] }, now)).toBe(2000);
  });

  test('absent, empty, negative or unreadable: no advice', () => {
    expect(parseRetryAfter({}, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '   ' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': '-5' }, now)).toBeUndefined();
    expect(parseRetryAfter({ 'retry-after': 'later, maybe' }, now)).toBeUndefined();
  });
});

describe('backoffMs', () => {
  test('without jitter: 0.5 s doubling up to 8 s, then flat', () => {
    expect([0, 1, 2, 3, 4, 5, 10, 50].map(retry => backoffMs(retry, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000, 8000
    ]);
  });

  test('jitter only ever shortens the wait, by at most 25%', () => {
    for (let retry = 0; retry < 8; retry++) {
      const base = Math.min(500 * 2 ** retry, 8000);
      for (const r of [0, 0.1, 0.5, 0.9, 0.999999]) {
        const delay = backoffMs(retry, () => r);
        expect(delay).toBeLessThanOrEqual(base);
        expect(delay).toBeGreaterThanOrEqual(base * 0.75);
      }
    }
    expect(backoffMs(2, () => 1)).toBe(1500);
  });

  test('different random draws spread clients out', () => {
    expect(backoffMs(3, () => 0.2)).not.toBe(backoffMs(3, () => 0.8));
  });
});

describe('withRetries: 429 (too many in flight)', () => {
  test('is retried on its own budget, even with max-retries 0', async () => {
    const outcome = await run([tooMany(), tooMany(), tooMany(), tooMany(), tooMany(), 'done'], { maxRetries: 0 });
    expect(outcome.result).toBe('done');
    expect(outcome.attempts).toBe(6);
  });

  test('429s do not use up the budget for server errors', async () => {
    const outcome = await run([answered(500), tooMany(), tooMany(), tooMany(), 'done'], { maxRetries: 1 });
    expect(outcome.result).toBe('done');
    expect(outcome.attempts).toBe(5);
  });

  test('server errors do not use up the budget for 429s', async () => {
    const outcome = await run([answered(503), answered(503), tooMany(), tooMany(), 'done'], {
      maxRetries: 2,
      maxRateLimitRetries: 2
    });
    expect(outcome.result).toBe('done');
  });

  test('stops when its own budget is spent, throwing the last 429', async () => {
    const outcome = await run([tooMany()], { maxRateLimitRetries: 3, maxRetries: 10 });
    expect(outcome.attempts).toBe(4);
    expect(outcome.error).toBeInstanceOf(RateLimitError);
    expect((outcome.error as RateLimitError).status).toBe(429);
  });

  test('the default 429 budget is far larger than the default error budget', () => {
    const policy = defaultRetryPolicy();
    expect(policy.maxRateLimitRetries).toBeGreaterThanOrEqual(10 * policy.maxRetries);
  });

  test('Retry-After is honoured', async () => {
    const outcome = await run([tooMany(3000), tooMany(1200), 'done']);
    expect(outcome.sleeps).toEqual([3000, 1200]);
  });

  test('Retry-After is capped by maxDelayMs', async () => {
    const outcome = await run([tooMany(600_000), 'done'], { maxDelayMs: 60_000 });
    expect(outcome.sleeps).toEqual([60_000]);
  });

  test('the waits on 429s share one bound: Retry-After 3600 on every answer stops once it is spent', async () => {
    const outcome = await run([tooMany(3_600_000)], { maxDelayMs: 60_000, maxRateLimitWaitMs: 150_000 });
    expect(outcome.sleeps).toEqual([60_000, 60_000, 30_000]);
    expect(outcome.attempts).toBe(4);
    expect(outcome.error).toBeInstanceOf(RateLimitError);
  });

  test('a bound of 0 gives up at the first 429; server errors keep their own budget', async () => {
    expect((await run([tooMany(1000)], { maxRateLimitWaitMs: 0 })).attempts).toBe(1);
    const outcome = await run([answered(503, 40_000), answered(503, 40_000), 'done'], { maxRateLimitWaitMs: 0 });
    expect(outcome.result).toBe('done');
    expect(outcome.sleeps).toEqual([40_000, 40_000]);
  });

  test('without Retry-After, the wait backs off exponentially', async () => {
    const outcome = await run([tooMany(), tooMany(), tooMany(), 'done']);
    expect(outcome.sleeps).toEqual([500, 1000, 2000]);
  });

  test('a Retry-After HTTP date from the headers becomes the wait', async () => {
    const inFive = new Date(Date.now() + 5000).toUTCString();
    const retryAfterMs = parseRetryAfter({ 'retry-after': inFive });
    const outcome = await run([tooMany(retryAfterMs), 'done']);
    expect(outcome.sleeps[0]).toBeGreaterThan(3000);
    expect(outcome.sleeps[0]).toBeLessThanOrEqual(5000);
  });
});

describe('withRetries: server errors and connection failures', () => {
  test.each([500, 502, 503, 504])('%i is retried up to maxRetries, then thrown', async status => {
    const outcome = await run([answered(status)], { maxRetries: 2 });
    expect(outcome.attempts).toBe(3);
    expect(outcome.error).toBeInstanceOf(ServerError);
    expect((outcome.error as ServerError).status).toBe(status);
    expect(outcome.sleeps).toEqual([500, 1000]);
  });

  test('a 5xx that then succeeds returns the answer', async () => {
    const outcome = await run([answered(500), { data: [] }]);
    expect(outcome.result).toEqual({ data: [] });
    expect(outcome.attempts).toBe(2);
  });

  test('Retry-After on a 503 is honoured', async () => {
    const outcome = await run([answered(503, 2000), 'done']);
    expect(outcome.sleeps).toEqual([2000]);
  });

  test('a connection that never reached the API is retried up to maxRetries', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const outcome = await run([new ConnectionError(FILE, refused)], { maxRetries: 3 });
    expect(outcome.attempts).toBe(4);
    expect(outcome.error).toBeInstanceOf(ConnectionError);
  });

  test('max-retries 0: a server error fails at once', async () => {
    const outcome = await run([answered(500), 'done'], { maxRetries: 0 });
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(ServerError);
    expect(outcome.sleeps).toEqual([]);
  });

  test('each retry is reported, numbered from 1, with the wait about to be taken', async () => {
    const outcome = await run([answered(500), tooMany(700), answered(502), 'done']);
    expect(outcome.events.map(event => event.retry)).toEqual([1, 2, 3]);
    expect(outcome.events.map(event => event.delayMs)).toEqual(outcome.sleeps);
    expect(outcome.events.map(event => (event.error as APIError).status)).toEqual([500, 429, 502]);
  });
});

describe('withRetries: what is never resent', () => {
  test.each([400, 401, 402, 403, 404, 413, 422])(
    '%i fails at once: resending would fail the same way',
    async status => {
      const outcome = await run([answered(status), 'done'], { maxRetries: 10 });
      expect(outcome.attempts).toBe(1);
      expect((outcome.error as APIError).status).toBe(status);
      expect(outcome.sleeps).toEqual([]);
      expect(outcome.events).toEqual([]);
    }
  );

  test('an unreadable 200 is not resent', async () => {
    const outcome = await run([new InvalidResponseError(FILE, 'the body is not JSON'), 'done']);
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(InvalidResponseError);
  });

  test('an unexpected error (a bug, a disk error) is not resent', async () => {
    const outcome = await run([new TypeError('boom'), 'done']);
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(TypeError);
  });
});

describe('withRetries: a response lost after sending (may be billed)', () => {
  const lost = (): ResponseLostError => new ResponseLostError(FILE, true, new Error('headers timeout'));

  test('is not resent by default', async () => {
    const outcome = await run([lost(), 'done']);
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(ResponseLostError);
  });

  test('is resent, up to maxRetries, when the user allows it', async () => {
    expect((await run([lost(), 'done'], { retryLostResponses: true })).result).toBe('done');
    const outcome = await run([lost()], { retryLostResponses: true, maxRetries: 2 });
    expect(outcome.attempts).toBe(3);
    expect(outcome.error).toBeInstanceOf(ResponseLostError);
  });
});

describe('withRetries: downloads', () => {
  test('a transient download failure is fetched again', async () => {
    const outcome = await run([new DownloadError(FILE, 'HTTP 502', 502, true), 'saved']);
    expect(outcome.result).toBe('saved');
  });

  test('a permanent one (expired link) is not', async () => {
    const outcome = await run([new DownloadError(FILE, 'HTTP 403 (the link has expired or is invalid)', 403), 'saved']);
    expect(outcome.attempts).toBe(1);
    expect(outcome.error).toBeInstanceOf(DownloadError);
  });
});

test('the default policy really waits (sleep is a timer, not a no-op)', async () => {
  jest.useFakeTimers();
  try {
    let woke = false;
    const sleeping = defaultRetryPolicy()
      .sleep(30)
      .then(() => (woke = true));
    await jest.advanceTimersByTimeAsync(29);
    expect(woke).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await sleeping;
    expect(woke).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});
