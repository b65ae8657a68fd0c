import { MAX_CONCURRENCY, type Concurrency } from '../../net/transport.js';

/**
 * Keeps Ideogram's in-flight places full without tripping over them. Ideogram counts images in flight per
 * organisation (a request for 4 images takes 4 places) and answers 429 past its limit, which others using the
 * same key share. So the limit we work to is learnt: a 429 lowers it to what we had in flight besides the
 * rejected request (or to the `max_inflight_requests` the API states), and a full round of successes at the
 * limit probes one place higher. The limit never rises above `ceiling`, the user's hard bound, nor above the
 * `max_inflight_requests` the API last stated: probing past what the API says it allows only buys a 429 a round.
 * A failed probe goes back to the limit before it and doubles the rounds before the next probe (up to
 * `MAX_PROBE_ROUNDS`); a probe that holds halves them: at a limit that does not move, a long batch pays a handful
 * of 429s rather than one every round or two.
 */
export interface LimiterOptions {
  /** Places to start with. */
  readonly initial: number;
  /** Never exceeded, whatever adaptation does. */
  readonly ceiling: number;
}

export interface Lease {
  /** The places it holds. */
  readonly places: number;
  /** The request was answered normally. */
  succeeded(): void;
  /** The API said too many in flight; `maxInflight` when it told us its limit. */
  rateLimited(maxInflight?: number): void;
  /** Gives the places back; call exactly once, after the answer (whatever it was). */
  release(): void;
}

/** The most rounds at the limit between two probes, however many 429s came before. */
export const MAX_PROBE_ROUNDS = 16;

export class InflightLimiter {
  private limitValue: number;
  private inflight = 0;
  private successesAtLimit = 0;
  /** Full rounds of successes at the limit before probing one place higher. */
  private probeRounds = 1;
  /** The limit was just raised by a probe that has not yet held a full round. */
  private probing = false;
  /** The API's own figure for the organisation's limit, from its last 429 that gave one. */
  private stated: number | undefined;
  /** First come first served; each wants at least `min` places and takes up to `max` of those free. */
  private readonly waiting: { min: number; max: number; grant: (places: number) => void }[] = [];

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

  /** The organisation's limit as the API last stated it (`max_inflight_requests` in a 429), if it did. */
  get statedLimit(): number | undefined {
    return this.stated;
  }

  /** Waits for `places` free places, first come first served. */
  async acquire(places: number): Promise<Lease> {
    if (places > this.options.ceiling) {
      throw new RangeError(`a request for ${places} images cannot fit under a limit of ${this.options.ceiling}`);
    }
    return this.take(places, places);
  }

  /**
   * Waits for at least one free place, first come first served, and takes as many as are free up to `max`: for
   * work that can be split (several images without a seed), so that a place is never left idle because a whole
   * request would not fit.
   */
  async acquireUpTo(max: number): Promise<Lease> {
    return this.take(1, Math.max(1, max));
  }

  private async take(min: number, max: number): Promise<Lease> {
    if (this.waiting.length === 0 && this.fits(min)) {
      const places = this.free(min, max);
      this.inflight += places;
      return this.lease(places);
    }
    return this.lease(await new Promise<number>(grant => this.waiting.push({ min, max, grant })));
  }

  /** How many of the free places to give a request wanting `min` to `max` (it fits). */
  private free(min: number, max: number): number {
    return Math.max(min, Math.min(max, this.limitValue - this.inflight));
  }

  private fits(places: number): boolean {
    // A request larger than a lowered limit still goes alone, so it can never wait forever.
    return this.inflight + places <= this.limitValue || this.inflight === 0;
  }

  private lease(places: number): Lease {
    let released = false;
    return {
      places,
      succeeded: () => {
        const busy = this.inflight >= this.limitValue || this.waiting.length > 0;
        if (!busy) return;
        this.successesAtLimit += 1;
        // A probe held for a round: the limit is higher than it was, so the next probe need not wait as long.
        // Counted at the top too: a probe that reached it would otherwise stay one, and a 429 rounds later fail it.
        if (this.successesAtLimit === this.limitValue && this.probing) {
          this.probing = false;
          this.probeRounds = Math.max(1, this.probeRounds / 2);
        }
        if (this.limitValue >= this.probeCeiling) return;
        if (this.successesAtLimit >= this.limitValue * this.probeRounds) {
          this.limitValue += 1;
          this.successesAtLimit = 0;
          this.probing = true;
        }
      },
      rateLimited: maxInflight => {
        if (maxInflight !== undefined) this.stated = maxInflight;
        // A probe that failed: the limit is the one before it. Which request crossed it is down to arrival order
        // (a request of 4 can be the one refused while a probe of 1 got in), so what was in flight besides the
        // refused one says nothing then. Otherwise someone else holds places: leave them what they hold.
        const lowered = this.probing ? this.limitValue - 1 : this.inflight - places;
        this.limitValue = Math.max(1, Math.min(this.limitValue, maxInflight ?? Infinity, lowered));
        this.probeRounds = this.probing ? Math.min(MAX_PROBE_ROUNDS, this.probeRounds * 2) : 1;
        this.successesAtLimit = 0;
        this.probing = false;
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
    for (let next = this.waiting[0]; next && this.fits(next.min); next = this.waiting[0]) {
      this.waiting.shift();
      const places = this.free(next.min, next.max);
      this.inflight += places;
      next.grant(places);
    }
  }
}

/** Ideogram's documented default in-flight limit per organisation, in images. */
const DOCUMENTED_INFLIGHT_LIMIT = 10;

/** The limiter's start and bound for a concurrency setting: `auto` starts at the documented limit. */
export function inflightBounds(concurrency: Concurrency): LimiterOptions {
  return concurrency.kind === 'auto'
    ? { initial: DOCUMENTED_INFLIGHT_LIMIT, ceiling: MAX_CONCURRENCY }
    : { initial: concurrency.places, ceiling: concurrency.places };
}
