import { redact } from '../../text/secrets.js';

/**
 * One class per way an upscale can fail, so callers (retry policy, concurrency control, reports) branch on the
 * class and never on message text. Every error carries the source file and, when the API answered, its HTTP
 * status and its own words; the message says what happened, and reports put the file in front of it.
 */
export class IdeogramError extends Error {
  override name = 'IdeogramError';
  /** What the API itself said, when it said something readable. */
  readonly apiMessage?: string;
  constructor(
    message: string,
    /** Workspace-relative path of the source image. */
    readonly file: string,
    /** The HTTP status, when the API answered. */
    readonly status?: number,
    apiMessage?: string
  ) {
    // Network text enters here: whatever it echoes of our secrets goes no further.
    super(redact(message));
    if (apiMessage !== undefined) this.apiMessage = redact(apiMessage);
  }
}

/** The API answered with a non-2xx status. */
export class APIError extends IdeogramError {
  override name = 'APIError';
  constructor(
    file: string,
    override readonly status: number,
    apiMessage: string | undefined,
    /** The parsed body (JSON when it was JSON, else the text). */
    readonly body: unknown,
    /** `reject_reason` from the body, e.g. `insufficient_funds` or `inflight_limit`. */
    readonly rejectReason: string | undefined,
    /** How long the server asked us to wait (`Retry-After`), if it did. */
    readonly retryAfterMs: number | undefined
  ) {
    super(`Ideogram answered HTTP ${status}${apiMessage ? `: ${apiMessage}` : ''}`, file, status, apiMessage);
  }

  static from(file: string, status: number, body: unknown, retryAfterMs: number | undefined): APIError {
    const fields = readErrorFields(body);
    const ErrorClass = errorClassFor(status);
    return new ErrorClass(file, status, fields.message, body, fields.rejectReason, retryAfterMs);
  }
}

/** 400 or 413: the request or the image was not acceptable. Not billed; resending the same will fail again. */
export class BadRequestError extends APIError {
  override name = 'BadRequestError';
}
/** 401: the key is missing or wrong. */
export class AuthenticationError extends APIError {
  override name = 'AuthenticationError';
}
/** 402: the account is out of credit or hit its daily limit. */
export class PaymentRequiredError extends APIError {
  override name = 'PaymentRequiredError';
}
/** 403: the key may not use this operation. */
export class PermissionDeniedError extends APIError {
  override name = 'PermissionDeniedError';
}
/** 422: the image (or prompt) was refused by the safety check. */
export class SafetyRejectedError extends APIError {
  override name = 'SafetyRejectedError';
}
/** 429: too many images in flight for the organisation. Not billed, so always safe to resend. */
export class RateLimitError extends APIError {
  override name = 'RateLimitError';
  /** `max_inflight_requests` from the body, when the API tells us its limit. */
  get maxInflight(): number | undefined {
    const value = (this.body as { max_inflight_requests?: unknown } | null)?.max_inflight_requests;
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
  }
}
/**
 * Ideogram answered 429 until the waits one image may spend on them ('rate-limit-wait') ran out. Never billed; the
 * next run tries again.
 */
export class RateLimitedTooLongError extends IdeogramError {
  override name = 'RateLimitedTooLongError';
  constructor(
    file: string,
    /** From the first 429 to the last. */
    readonly forMs: number,
    /** 429 answers in all. */
    readonly answers: number,
    last: RateLimitError
  ) {
    super(
      `Ideogram kept answering 429 for ${(forMs / 1000).toFixed(1)} s (${answers} answers; 'rate-limit-wait' bounds the waiting per image)${last.apiMessage ? `: ${last.apiMessage}` : ''}`,
      file,
      429,
      last.apiMessage
    );
    this.cause = last;
  }
}

/**
 * Ideogram's stated in-flight limit (`max_inflight_requests`) is below what one request for a source must take,
 * and the request cannot be split (a seed makes a source's images one request). Never admitted, so never sent
 * (again): resending would only collect 429s.
 */
export class InflightLimitError extends IdeogramError {
  override name = 'InflightLimitError';
  constructor(
    file: string,
    /** What the API said the organisation may have in flight. */
    readonly limit: number,
    /** What one request for this source takes. */
    readonly needed: number
  ) {
    super(
      `Ideogram allows ${limit} image(s) in flight for this key (max_inflight_requests), and one request for this source takes ${needed}: with 'seed' set, a source's images come from one request. Lower 'num-images' to ${limit}, or leave 'seed' unset so the images can be asked for in smaller requests.`,
      file,
      429
    );
  }
}

/** 5xx: the generation failed on Ideogram's side; failed generations are not billed. */
export class ServerError extends APIError {
  override name = 'ServerError';
}

/**
 * The exchange failed on the network: no answer came from the API. A request that runs nothing (a poll) can be
 * made again after any of these; whether a paid one can is the subclass's to say.
 */
export class TransportError extends IdeogramError {
  override name = 'TransportError';
}

/** The connection failed before the request reached the API: nothing was processed, so resending is safe. */
export class ConnectionError extends TransportError {
  override name = 'ConnectionError';
  constructor(file: string, cause: unknown) {
    super(`Could not reach Ideogram: ${describeCause(cause)}`, file);
    this.cause = cause;
  }
}

/**
 * The connection failed while the request was still being sent (reset mid-upload): Ideogram never had the whole
 * image, so nothing ran and nothing was billed, and resending is as safe as after a failed connection.
 */
export class UploadInterruptedError extends TransportError {
  override name = 'UploadInterruptedError';
  constructor(file: string, cause: unknown) {
    super(
      `The connection to Ideogram failed while the image was still being sent: ${describeCause(cause)} (not received, so not billed)`,
      file
    );
    this.cause = cause;
  }
}

/**
 * The whole request was sent but no complete answer came back (timeout, connection dropped). The upscale may have
 * run and been billed, so it is resent only when the user allows it.
 */
export class ResponseLostError extends TransportError {
  override name = 'ResponseLostError';
  constructor(
    file: string,
    readonly timedOut: boolean,
    cause: unknown
  ) {
    super(
      timedOut
        ? 'Ideogram did not answer in time (the upscale may still have been billed)'
        : `The connection to Ideogram dropped after the whole request was sent: ${describeCause(cause)} (the upscale may have been billed)`,
      file
    );
    this.cause = cause;
  }
}

/** A 200 whose body is not the documented response. */
export class InvalidResponseError extends IdeogramError {
  override name = 'InvalidResponseError';
  constructor(file: string, detail: string) {
    super(`Ideogram sent an unreadable response: ${detail}`, file, 200);
  }
}

/** A v2 generation Ideogram ran and reported `failed` (not billed). */
export class GenerationFailedError extends IdeogramError {
  override name = 'GenerationFailedError';
  constructor(
    file: string,
    readonly generationId: string,
    readonly reason: string | undefined
  ) {
    super(`Ideogram's generation ${generationId} failed${reason ? `: ${reason}` : ''}`, file);
  }
}

/**
 * A v2 job was accepted (and may be billed) but its outcome could not be collected in this run. Never resent:
 * the generation id stays in the manifest, and the next run polls it instead of paying again.
 */
export class GenerationPendingError extends IdeogramError {
  override name = 'GenerationPendingError';
  constructor(
    file: string,
    readonly generationId: string,
    detail: string
  ) {
    super(`Ideogram accepted the job (generation ${generationId}) but ${detail}; the next run collects it`, file);
  }
}

function errorClassFor(status: number): typeof APIError {
  if (status === 400 || status === 404 || status === 413) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 402) return PaymentRequiredError;
  if (status === 403) return PermissionDeniedError;
  if (status === 422) return SafetyRejectedError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return APIError;
}

/** Error bodies come in several shapes (`error`, `message`, `detail`, `title`); take the API's words from any. */
function readErrorFields(body: unknown): { message?: string; rejectReason?: string } {
  if (typeof body === 'string') {
    const text = body.trim();
    return text ? { message: text.slice(0, 500) } : {};
  }
  if (body === null || typeof body !== 'object') return {};
  const record = body as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' && record[key] !== '' ? record[key] : undefined;
  const detail = text('detail');
  const title = text('title');
  return {
    message: text('error') ?? text('message') ?? (detail && title ? `${title}: ${detail}` : (detail ?? title)),
    rejectReason: text('reject_reason')
  };
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
