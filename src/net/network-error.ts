/**
 * What the error of a failed HTTP exchange (Node's socket codes, undici's `UND_ERR_*`) says about the request:
 * whether it can have reached the server, and so, for a paid call, have been billed. It knows no API: Ideogram's
 * client and the result download both ask it.
 */
export type NetworkFailure =
  /** Never reached the server: refused, no such host, no route, no connection in time. */
  | 'not-sent'
  /** Sent, but no complete answer came in time. */
  | 'timed-out'
  /** Sent, then the connection failed: reset, closed, another socket error. */
  | 'dropped';

const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
]);
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The network failure behind `error`; undefined when it is none (no system or undici error code). */
export function networkFailure(error: unknown): NetworkFailure | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (NOT_SENT.has(code)) return 'not-sent';
  if (TIMED_OUT.has(code)) return 'timed-out';
  return code.startsWith('UND_ERR_') || code.startsWith('E') ? 'dropped' : undefined;
}
