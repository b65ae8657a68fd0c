import type { TrustedHosts } from '../../net/download.js';

/** Result links must point at Ideogram (or the configured API host, e.g. a test server): nowhere else. */
export function ideogramHosts(apiUrl: URL): TrustedHosts {
  return {
    owner: 'Ideogram',
    allows: url =>
      (url.protocol === 'https:' && (url.hostname === 'ideogram.ai' || url.hostname.endsWith('.ideogram.ai'))) ||
      url.origin === apiUrl.origin
  };
}
