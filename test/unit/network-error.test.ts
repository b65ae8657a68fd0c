import { expect, test } from '@jest/globals';
import { networkFailure } from '../../src/net/network-error.js';

const withCode = (code: unknown): Error => Object.assign(new Error('socket'), { code });

test.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
  '%s: the request never reached the server',
  code => expect(networkFailure(withCode(code))).toBe('not-sent')
);

test.each(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])('%s: sent, no answer in time', code =>
  expect(networkFailure(withCode(code))).toBe('timed-out')
);

test.each(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])('%s: sent, then the connection failed', code =>
  expect(networkFailure(withCode(code))).toBe('dropped')
);

test.each([new Error('a bug'), withCode(42), withCode('ABORT_ERR'), null, 'text'])('not a network failure: %p', error =>
  expect(networkFailure(error)).toBeUndefined()
);
