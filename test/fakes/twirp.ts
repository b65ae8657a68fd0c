/**
 * What the fakes of GitHub's "results" service (artifacts and caches share it, at ACTIONS_RESULTS_URL) have in
 * common: Twirp JSON errors and field readers. Protobuf JSON as the toolkit sends it: snake_case names, int64 as
 * strings. This module must not import jest.
 */

export class TwirpError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    msg: string
  ) {
    super(msg);
  }
}

export const TWIRP_CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  408: 'deadline_exceeded',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
  500: 'internal',
  501: 'unimplemented',
  503: 'unavailable'
};

/** A string field; absent or null reads as the empty string (protobuf's default). */
export function str(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new TwirpError('malformed', 400, `field ${key} must be a string`);
  return v;
}

export function int64(body: Record<string, unknown>, key: string): bigint | undefined {
  const v = body[key];
  if (v === undefined || v === null) return undefined;
  if ((typeof v === 'string' && /^-?\d+$/.test(v)) || (typeof v === 'number' && Number.isSafeInteger(v))) {
    return BigInt(v);
  }
  throw new TwirpError('malformed', 400, `field ${key} must be an int64`);
}

export function strings(body: Record<string, unknown>, key: string): string[] {
  const v = body[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some(item => typeof item !== 'string')) {
    throw new TwirpError('malformed', 400, `field ${key} must be a list of strings`);
  }
  return v as string[];
}
