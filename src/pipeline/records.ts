import type { SourceImage } from '../imaging/source-image.js';
import type { PendingJobs } from '../providers/provider.js';
import type { Manifest } from '../state/manifest.js';
import type { Recorded } from './reconvert.js';
import type { SourceResult } from '../state/results.js';

/**
 * What the run writes into the manifest as it goes: each source as it finishes (its results already in place), so
 * a kill loses no paid work, and each job a provider accepts, the moment it does. Knows the hashes of the bytes the
 * checks read, which the upload made sure it sent.
 */
export class JobRecords {
  private readonly hashes = new Map<string, string>();
  /** Results as the provider returned them that a conversion left in place: what the next change converts from. */
  private readonly keptReturned = new Map<string, Recorded['from']>();
  private readonly pending = new Map<string, string>();

  constructor(
    private readonly manifest: Manifest | undefined,
    /** The settings' fingerprint (`state/fingerprint.ts`) every record carries. */
    private readonly settingsPrint: Record<string, unknown>,
    private readonly onNotice: (message: string) => void
  ) {}

  /** The hash of a source about to be sent or converted, which its record carries. */
  hashed(source: string, sha256: string): void {
    this.hashes.set(source, sha256);
  }

  /** A checked source handed to the provider: a job an earlier run had accepted for these bytes is collected. */
  collect({ relativePath: source, sha256 }: SourceImage): void {
    if (sha256 === undefined) return;
    this.hashed(source, sha256);
    const id = this.manifest?.pendingJob(source, sha256, this.settingsPrint);
    if (id !== undefined) this.pending.set(source, id);
  }

  /** Earlier results a reconversion wrote elsewhere, which stay what the next change converts from. */
  keep(source: string, returned: Recorded['from']): void {
    this.keptReturned.set(source, returned);
  }

  /** Checkpoints a finished source. A failed append surfaces when the manifest is saved. */
  finished(result: SourceResult): void {
    const sha256 = this.hashes.get(result.source);
    if (!this.manifest || sha256 === undefined) return;
    const returned = this.keptReturned.get(result.source);
    this.manifest.record(result, sha256, this.settingsPrint, new Date(), returned).catch(() => {});
  }

  /** The provider's view: jobs to collect, and where its new ones are recorded. */
  pendingJobs(): PendingJobs {
    const { manifest, settingsPrint, hashes, onNotice } = this;
    return {
      pending: this.pending,
      onAccepted: async (file, jobId) => {
        const sha256 = hashes.get(file);
        if (!manifest || sha256 === undefined) return;
        const job = { generationId: jobId, sha256, settings: settingsPrint, acceptedAt: new Date().toISOString() };
        await manifest.accepted(file, job).catch((error: unknown) => {
          onNotice(
            `${file}: the provider accepted job ${jobId}, but the manifest could not record it: ${(error as Error).message}`
          );
        });
      },
      onAbandoned: file => {
        void manifest?.abandoned(file).catch((error: unknown) => {
          onNotice(`${file}: the manifest could not forget its failed job: ${(error as Error).message}`);
        });
      }
    };
  }
}
