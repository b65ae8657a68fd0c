import { formatUsd, type UsdMicros } from '../../text/money.js';

/**
 * A spending cap over quoted prices. Each source's quote is taken before it is sent; once one would pass the cap,
 * nothing more is taken, so the run stops before the running total passes it (and later, cheaper sources do not
 * jump the queue).
 */
export class CostCap {
  private committed = 0;
  private stopped = false;

  constructor(readonly cap: UsdMicros) {}

  /** Takes `micros` from the cap; undefined when it fits, else why not (and from then on nothing fits). */
  take(micros: UsdMicros): string | undefined {
    if (!this.stopped && this.committed + micros <= this.cap) {
      this.committed += micros;
      return undefined;
    }
    this.stopped = true;
    return `max-cost ${formatUsd(this.cap)} reached: ${formatUsd(this.committed)} committed, this one quoted ${formatUsd(micros)}`;
  }
}
