/**
 * Keeps Ideogram's in-flight places full without tripping over them. Ideogram counts images in flight per
 * organisation (a request for 4 images takes 4 places) and answers 429 past its limit, which others using the
 * same key share. So the limit we work to is learnt: a 429 lowers it to what we had in flight besides the
 * rejected request (or to the `max_inflight_requests` the API states), and a full round of successes at the
 * limit probes one place higher. The limit never rises above `ceiling`, the user's hard bound, nor above the
 * `max_inflight_requests` the API last stated: probing past what the API says it allows only buys a 429 a round.
 */
export interface LimiterOptions {
  /** Places to start with. */
  readonly initial: number;
  /** Never exceeded, whatever adaptation does. */
  readonly ceiling: number;
}

export interface Lease {
  /** The request was answered normally. */
  succeeded(): void;
  /** The API said too many in flight; `maxInflight` when it told us its limit. */
  rateLimited(maxInflight?: number): void;
  /** Gives the places back; call exactly once, after the answer (whatever it was). */
  release(): void;
}

export class InflightLimiter {
  private limitValue: number;
  private inflight = 0;
  private successesAtLimit = 0;
  /** The API's own figure for the organisation's limit, from its last 429 that gave one. */
  private stated: number | undefined;
  private readonly waiting: { places: number; grant: () => void }[] = [];

  constructor(private readonly options: LimiterOptions) {
    if (!(options.ceiling >= 1 && options.initial >= 1)) throw new RangeError('limits must be at least 1');
    this.limitValue = Math.min(options.initial, options.ceiling);
  }

  /** The number of places we currently allow ourselves. */
  get limit(): number {
    return this.limitValue;
  }

  get inFlight(): number {
    return this.inflight;
  }

  /** Waits for `places` free places, first come first served. */
  async acquire(places: number): Promise<Lease> {
    if (places > this.options.ceiling) {
      throw new RangeError(`a request for ${places} images cannot fit under a limit of ${this.options.ceiling}`);
    }
    if (this.waiting.length === 0 && this.fits(places)) {
      this.inflight += places;
    } else {
      await new Promise<void>(grant => this.waiting.push({ places, grant }));
    }
    return this.lease(places);
  }

  private fits(places: number): boolean {
    // A request larger than a lowered limit still goes alone, so it can never wait forever.
    return this.inflight + places <= this.limitValue || this.inflight === 0;
  }

  private lease(places: number): Lease {
    let released = false;
    return {
      succeeded: () => {
        const busy = this.inflight >= this.limitValue || this.waiting.length > 0;
        if (busy && ++this.successesAtLimit >= this.limitValue && this.limitValue < this.probeCeiling) {
          this.limitValue += 1;
          this.successesAtLimit = 0;
        }
      },
      rateLimited: maxInflight => {
        if (maxInflight !== undefined) this.stated = maxInflight;
        const others = this.inflight - places;
        this.limitValue = Math.max(1, Math.min(this.limitValue, maxInflight ?? Infinity, others));
        this.successesAtLimit = 0;
      },
      release: () => {
        if (released) return;
        released = true;
        this.inflight -= places;
        this.grantWaiting();
      }
    };
  }

  /** How high probing may go. */
  private get probeCeiling(): number {
    return Math.min(this.options.ceiling, this.stated ?? Infinity);
  }

  private grantWaiting(): void {
    for (let next = this.waiting[0]; next && this.fits(next.places); next = this.waiting[0]) {
      this.waiting.shift();
      this.inflight += next.places;
      next.grant();
    }
  }
}
