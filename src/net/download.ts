import { request, type Dispatcher } from 'undici';
import { networkFailure } from './network-error.js';
import { redact } from '../text/secrets.js';

/** Whom result links may point at: the provider says, this module enforces. */
export interface TrustedHosts {
  /** Who the hosts belong to, for messages ("… which is not an Ideogram host"). */
  readonly owner: string;
  readonly allows: (url: URL) => boolean;
}

export interface DownloadOptions {
  readonly hosts: TrustedHosts;
  readonly maxBytes: number;
  readonly dispatcher: Dispatcher;
  /** From the request to the last byte ('request-timeout'): a stalled or endless answer fails within it. */
  readonly timeoutMs: number;
}

/** A result's bytes could not be fetched or saved. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    /** Workspace-relative path of the source the result belongs to. */
    readonly file: string,
    detail: string,
    readonly status?: number,
    /** A server error or dropped connection: fetching the same link again may work. */
    readonly transient = false
  ) {
    // The detail may quote the link or the host's words: network text, redacted like an API's.
    super(`Could not download the result: ${redact(detail)}`);
  }
}

/** Whether a failed read of a result is worth doing again, whoever serves it. */
export function isTransientRead(error: unknown): boolean {
  return error instanceof DownloadError && error.transient;
}

function checkLink(source: string, link: string, hosts: TrustedHosts): URL {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    throw new DownloadError(source, `the result link is not a URL (${link.slice(0, 80)})`);
  }
  if (!hosts.allows(url)) {
    throw new DownloadError(source, `the result link points at ${url.origin}, which is not an ${hosts.owner} host`);
  }
  return url;
}

/**
 * Opens one result link (at once: links expire) and hands its bytes over as they arrive; the result sink sniffs
 * and writes them. Refused before any request: a link to a host `hosts` does not allow. Refused on the answer: a
 * status other than 200 (no redirect is followed), a type other than `image/*`, a declared size over the cap.
 * No credentials are ever sent here. Failures while streaming are `DownloadError`s marked transient.
 */
export async function openDownload(
  source: string,
  link: string,
  options: DownloadOptions
): Promise<AsyncGenerator<Uint8Array>> {
  const url = checkLink(source, link, options.hosts);
  // A timer of our own, cleared when the download ends: AbortSignal.timeout's would stay queued for the whole
  // timeout after each download, thousands of them on a large batch.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
  // Fetching a result costs nothing: a download cut by the deadline or the network is worth another try.
  const failed = (error: unknown, transient: boolean): DownloadError =>
    deadline.signal.aborted
      ? new DownloadError(
          source,
          `the download did not finish within ${options.timeoutMs / 1000} s ('request-timeout')`,
          undefined,
          true
        )
      : new DownloadError(source, (error as Error).message, undefined, transient);
  let response: Dispatcher.ResponseData;
  try {
    // undici's request() follows no redirects: a link that redirects elsewhere fails below.
    response = await request(url, {
      method: 'GET',
      headers: { accept: 'image/*' },
      dispatcher: options.dispatcher,
      signal: deadline.signal
    });
  } catch (error) {
    clearTimeout(timer);
    throw failed(error, networkFailure(error) !== undefined);
  }
  const { statusCode, headers, body } = response;
  const discard = (): void => {
    clearTimeout(timer);
    // undici reports an unread body's destruction as an 'error' event: unheard, it would crash the process.
    body.on('error', () => {});
    body.destroy();
  };
  try {
    if (statusCode !== 200) {
      const why = statusCode === 403 || statusCode === 410 ? ' (the link has expired or is invalid)' : '';
      throw new DownloadError(source, `HTTP ${statusCode}${why}`, statusCode, statusCode >= 500);
    }
    const type = String(headers['content-type'] ?? '');
    if (!type.startsWith('image/'))
      throw new DownloadError(source, `the link served ${type || 'no type'}, not an image`);
    const declared = Number(headers['content-length']);
    if (declared > options.maxBytes) {
      throw new DownloadError(source, `the result is ${declared} bytes, over the ${options.maxBytes}-byte cap`);
    }
  } catch (error) {
    discard();
    throw error;
  }
  return (async function* stream(): AsyncGenerator<Uint8Array> {
    try {
      for await (const chunk of body) yield chunk as Buffer;
    } catch (error) {
      throw failed(error, true);
    } finally {
      discard();
    }
  })();
}
