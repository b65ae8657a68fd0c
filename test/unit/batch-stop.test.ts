import { describe, expect, test } from '@jest/globals';
import { defaultRetryPolicy } from '../../src/async/retry.js';
import { BatchStop, UNREACHABLE_AFTER } from '../../src/providers/ideogram/batch-stop.js';
import {
  AuthenticationError,
  ConnectionError,
  PaymentRequiredError,
  PermissionDeniedError,
  ServerError
} from '../../src/providers/ideogram/errors.js';

const retry = { ...defaultRetryPolicy({ sleep: async () => {} }), maxRetries: UNREACHABLE_AFTER + 2 };
const unreachable = (file: string): ConnectionError => new ConnectionError(file, new Error('connect ECONNREFUSED'));

/** A BatchStop with what it said, and a request that counts how often it was really sent. */
function batch(): {
  stop: BatchStop;
  said: string[];
  sent: string[];
  send: (file: string, error?: Error) => Promise<string>;
} {
  const said: string[] = [];
  const sent: string[] = [];
  const stop = new BatchStop(why => said.push(why));
  const send = (file: string, error?: Error): Promise<string> =>
    stop.guard(file, () => {
      sent.push(file);
      return error ? Promise.reject(error) : Promise.resolve(`done ${file}`);
    });
  return { stop, said, sent, send };
}

describe.each([
  ['401', new AuthenticationError('a.png', 401, 'Invalid API key', {}, undefined, undefined)],
  ['402', new PaymentRequiredError('a.png', 402, 'Out of credits', {}, 'insufficient_funds', undefined)],
  ['403', new PermissionDeniedError('a.png', 403, 'Forbidden', {}, undefined, undefined)]
])('the account refused (HTTP %s)', (status, refusal) => {
  test('that request fails with its own error; the batch stops, says why once, and sends nothing more', async () => {
    const { stop, said, sent, send } = batch();
    await expect(send('a.png', refusal)).rejects.toBe(refusal);
    await expect(send('b.png')).rejects.toThrow(/^not sent: for an earlier image, Ideogram answered HTTP \d{3}/);
    expect(() => stop.check()).toThrow(/^not sent: /);
    expect(sent).toEqual(['a.png']);
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`Ideogram answered HTTP ${status}`);
    expect(said[0]).toContain('(for a.png)');
    expect(said[0]).toContain('The account, not the image, is the problem');
  });
});

test('the reason code of a refusal is in what is said', async () => {
  const { said, send } = batch();
  await send('a.png', new PaymentRequiredError('a.png', 402, 'Out', {}, 'daily_limit', undefined)).catch(() => {});
  expect(said[0]).toContain('HTTP 402 (daily_limit): Out');
});

describe('an unreachable host', () => {
  test(`${UNREACHABLE_AFTER} connection failures in a row stop the batch`, async () => {
    const { said, sent, send } = batch();
    for (let i = 1; i <= UNREACHABLE_AFTER; i++) {
      await expect(send(`${i}.png`, unreachable(`${i}.png`))).rejects.toBeInstanceOf(ConnectionError);
    }
    await expect(send('next.png')).rejects.toThrow(new RegExp(`^not sent: .*${UNREACHABLE_AFTER} times in a row`));
    expect(sent).toHaveLength(UNREACHABLE_AFTER);
    expect(said).toEqual([expect.stringContaining('Check the API URL and the network of the runner')]);
  });

  test.each([
    ['a request that reached Ideogram', undefined],
    ['an answer that is not a connection failure', new ServerError('x.png', 500, 'Oops', {}, undefined, undefined)]
  ])('the count starts again after %s', async (_, between) => {
    const { said, sent, send } = batch();
    for (let i = 1; i < UNREACHABLE_AFTER; i++) await send(`${i}.png`, unreachable(`${i}.png`)).catch(() => {});
    await send('x.png', between).catch(() => {});
    for (let i = 1; i < UNREACHABLE_AFTER; i++) await send(`${i}b.png`, unreachable(`${i}b.png`)).catch(() => {});
    await expect(send('last.png')).resolves.toBe('done last.png');
    expect(said).toEqual([]);
    expect(sent).toHaveLength(2 * UNREACHABLE_AFTER);
  });
});

test('a stopped batch says so once, however many requests fail after', async () => {
  const { said, send } = batch();
  const refusal = (file: string): AuthenticationError =>
    new AuthenticationError(file, 401, 'No', {}, undefined, undefined);
  await Promise.allSettled(['a.png', 'b.png', 'c.png'].map(file => send(file, refusal(file))));
  expect(said).toHaveLength(1);
});

describe('retrying', () => {
  test('a source whose resend the stop held back fails for its own last answer, not for another image', async () => {
    const { stop, sent, send } = batch();
    const error = await stop
      .retrying('a.png', () => send('a.png', unreachable('a.png')), retry)
      .then(
        () => undefined,
        (caught: unknown) => caught
      );
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^Could not reach Ideogram/);
    expect(sent).toEqual(Array(UNREACHABLE_AFTER).fill('a.png'));
  });

  test('a source that was never sent fails as not sent, and reports no retry', async () => {
    const { stop, sent, send } = batch();
    await send('a.png', new AuthenticationError('a.png', 401, 'No', {}, undefined, undefined)).catch(() => {});
    const retries: unknown[] = [];
    await expect(
      stop.retrying(
        'b.png',
        () => send('b.png'),
        retry,
        event => retries.push(event)
      )
    ).rejects.toThrow(/^not sent: /);
    expect(sent).toEqual(['a.png']);
    expect(retries).toEqual([]);
  });

  test('each retry is reported, and a success ends it', async () => {
    const { stop, send } = batch();
    let tries = 0;
    const retries: unknown[] = [];
    const done = await stop.retrying(
      'a.png',
      () => (++tries < 2 ? send('a.png', unreachable('a.png')) : send('a.png')),
      retry,
      event => retries.push(event)
    );
    expect(done).toBe('done a.png');
    expect(retries).toHaveLength(1);
  });
});
