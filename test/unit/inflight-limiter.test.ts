import { describe, expect, test } from '@jest/globals';
import { InflightLimiter, type Lease } from '../../src/providers/ideogram/inflight-limiter.js';

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

interface Pending {
  readonly lease: Promise<Lease>;
  granted: boolean;
}

/** Starts an acquire and tracks whether it has been granted yet. */
function request(limiter: InflightLimiter, places: number, order?: string[], name?: string): Pending {
  const pending: Pending = {
    granted: false,
    lease: limiter.acquire(places).then(lease => {
      pending.granted = true;
      if (order && name) order.push(name);
      return lease;
    })
  };
  return pending;
}

async function hold(limiter: InflightLimiter, count: number, places = 1): Promise<Lease[]> {
  return Promise.all(Array.from({ length: count }, () => limiter.acquire(places)));
}

/** A lease answered normally: succeeded, then released, as the upscaler does. */
function succeed(lease: Lease): void {
  lease.succeeded();
  lease.release();
}

/** A lease answered with 429. */
function reject(lease: Lease, maxInflight?: number): void {
  lease.rateLimited(maxInflight);
  lease.release();
}

describe('places', () => {
  test('a request takes one place per image: three 4-image requests do not fit under 10', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const [first] = await hold(limiter, 2, 4);
    expect(limiter.inFlight).toBe(8);
    const third = request(limiter, 4);
    await settle();
    expect(third.granted).toBe(false);
    first?.release();
    await settle();
    expect(third.granted).toBe(true);
    expect(limiter.inFlight).toBe(8);
  });

  test('a smaller request fills the remaining places', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    await hold(limiter, 2, 4);
    const two = request(limiter, 2);
    await settle();
    expect(two.granted).toBe(true);
    expect(limiter.inFlight).toBe(10);
  });

  test('releasing twice gives the places back only once', async () => {
    const limiter = new InflightLimiter({ initial: 2, ceiling: 2 });
    const [a] = await hold(limiter, 2);
    a?.release();
    a?.release();
    expect(limiter.inFlight).toBe(1);
    const b = request(limiter, 1);
    const c = request(limiter, 1);
    await settle();
    expect([b.granted, c.granted]).toEqual([true, false]);
  });

  test('a request larger than the ceiling is refused rather than waiting forever', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 4 });
    await expect(limiter.acquire(5)).rejects.toThrow(/5 images.*limit of 4/);
  });

  test('limits below 1 are refused', () => {
    expect(() => new InflightLimiter({ initial: 0, ceiling: 4 })).toThrow(RangeError);
    expect(() => new InflightLimiter({ initial: 4, ceiling: 0 })).toThrow(RangeError);
  });
});

describe('the ceiling', () => {
  test('the start is clamped to the ceiling', () => {
    expect(new InflightLimiter({ initial: 20, ceiling: 5 }).limit).toBe(5);
  });

  test('many requests of mixed sizes never put more than the limit in flight', async () => {
    const limiter = new InflightLimiter({ initial: 6, ceiling: 6 });
    let highest = 0;
    let finished = 0;
    const sizes = Array.from({ length: 60 }, (_, i) => 1 + ((i * 7) % 3));
    await Promise.all(
      sizes.map(async (size, i) => {
        const lease = await limiter.acquire(size);
        highest = Math.max(highest, limiter.inFlight);
        for (let tick = 0; tick < 1 + (i % 4); tick++) await settle();
        succeed(lease);
        finished += 1;
      })
    );
    expect(finished).toBe(60);
    expect(highest).toBe(6);
    expect(limiter.inFlight).toBe(0);
  });

  test('probing never goes past the ceiling', async () => {
    const limiter = new InflightLimiter({ initial: 2, ceiling: 3 });
    for (let round = 0; round < 20; round++) {
      const leases = await hold(limiter, limiter.limit);
      const waiter = request(limiter, 1);
      leases.forEach(succeed);
      succeed(await waiter.lease);
    }
    expect(limiter.limit).toBe(3);
  });

  test('a fixed limit (start = ceiling) never rises', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 4 });
    for (let round = 0; round < 10; round++) {
      const leases = await hold(limiter, 4);
      const waiter = request(limiter, 1);
      leases.forEach(succeed);
      succeed(await waiter.lease);
    }
    expect(limiter.limit).toBe(4);
  });
});

describe('first come, first served', () => {
  test('waiting requests are granted in the order they asked', async () => {
    const limiter = new InflightLimiter({ initial: 1, ceiling: 4 });
    const order: string[] = [];
    const [first] = await hold(limiter, 1);
    const waiters = ['a', 'b', 'c', 'd'].map(name => request(limiter, 1, order, name));
    let lease = first;
    for (const waiter of waiters) {
      lease?.release();
      lease = await waiter.lease;
    }
    lease?.release();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
  });

  test('a small request does not overtake a big one waiting ahead of it', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 4 });
    const order: string[] = [];
    const held = await hold(limiter, 3);
    const big = request(limiter, 2, order, 'big');
    const small = request(limiter, 1, order, 'small');
    await settle();
    // One place is free, enough for `small`, but `big` asked first.
    expect([big.granted, small.granted]).toEqual([false, false]);
    held[0]?.release();
    await settle();
    expect(order).toEqual(['big']);
    held[1]?.release();
    await settle();
    expect(order).toEqual(['big', 'small']);
  });
});

describe('lowering on 429', () => {
  test('the limit drops to what else was in flight', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const leases = await hold(limiter, 6);
    reject(leases[5] as Lease);
    expect(limiter.limit).toBe(5);
    const next = request(limiter, 1);
    await settle();
    expect(next.granted).toBe(false);
    leases[0]?.release();
    await settle();
    expect(next.granted).toBe(true);
  });

  test('what else was in flight counts images, not requests', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const [a, , c] = await Promise.all([limiter.acquire(4), limiter.acquire(2), limiter.acquire(4)]);
    reject(c);
    expect(limiter.limit).toBe(6);
    a?.release();
  });

  test('or to max_inflight_requests when the API states it and that is lower', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const leases = await hold(limiter, 8);
    reject(leases[7] as Lease, 3);
    expect(limiter.limit).toBe(3);
  });

  test('a stated max_inflight_requests above the current limit does not raise it', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 10 });
    const leases = await hold(limiter, 4);
    reject(leases[3] as Lease, 50);
    expect(limiter.limit).toBe(3);
  });

  test('never below one place', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const [only] = await hold(limiter, 1);
    reject(only as Lease);
    expect(limiter.limit).toBe(1);
    const next = request(limiter, 1);
    await settle();
    expect(next.granted).toBe(true);
  });

  test('successive 429s of one burst walk the limit down to what the API holds', async () => {
    const limiter = new InflightLimiter({ initial: 8, ceiling: 8 });
    const leases = await hold(limiter, 8);
    // The API admits three; the other five are refused, one after the other.
    for (const lease of leases.slice(3)) reject(lease);
    expect(limiter.limit).toBe(3);
    expect(limiter.inFlight).toBe(3);
  });
});

describe('probing up', () => {
  test('a full round of successes at the limit raises it by one', async () => {
    const limiter = new InflightLimiter({ initial: 2, ceiling: 10 });
    const [a, b] = await hold(limiter, 2);
    const waiting = request(limiter, 1);
    succeed(a as Lease);
    expect(limiter.limit).toBe(2);
    succeed(b as Lease);
    expect(limiter.limit).toBe(3);
    await waiting.lease;
  });

  test('each further step needs a round as long as the new limit, while work keeps waiting', async () => {
    const limiter = new InflightLimiter({ initial: 2, ceiling: 10 });
    const active: Promise<Lease>[] = [limiter.acquire(1), limiter.acquire(1)];
    for (let i = 0; i < 30; i++) active.push(limiter.acquire(1));
    const limits: number[] = [];
    // Answer the requests one by one, in order; there is always more work waiting.
    for (let answered = 0; answered < 14; answered++) {
      succeed(await (active[answered] as Promise<Lease>));
      limits.push(limiter.limit);
    }
    // 2 successes at 2 → 3; 3 more → 4; 4 more → 5; 5 more → 6.
    expect(limits).toEqual([2, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 5, 6]);
  });

  test('probing stops at the max_inflight_requests the API last stated', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 10 });
    const [first] = await hold(limiter, 1);
    reject(first as Lease, 3);
    expect(limiter.limit).toBe(1);
    const active: Promise<Lease>[] = [];
    for (let i = 0; i < 40; i++) active.push(limiter.acquire(1));
    const limits: number[] = [];
    for (let answered = 0; answered < 30; answered++) {
      succeed(await (active[answered] as Promise<Lease>));
      limits.push(limiter.limit);
    }
    // Walks back up to the stated 3, then stays there however long the work goes on.
    expect(Math.max(...limits)).toBe(3);
    expect(limits.at(-1)).toBe(3);
  });

  test('successes with places to spare (nobody waiting) prove nothing and do not raise it', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 10 });
    for (let i = 0; i < 20; i++) succeed(await limiter.acquire(1));
    expect(limiter.limit).toBe(4);
  });

  test('a 429 restarts the count of successes', async () => {
    const limiter = new InflightLimiter({ initial: 3, ceiling: 10 });
    const leases = await hold(limiter, 3);
    const waiting = request(limiter, 1);
    succeed(leases[0] as Lease);
    reject(leases[1] as Lease);
    expect(limiter.limit).toBe(2);
    const lease = await waiting.lease;
    const again = request(limiter, 1);
    succeed(leases[2] as Lease);
    expect(limiter.limit).toBe(2);
    succeed(lease);
    expect(limiter.limit).toBe(3);
    (await again.lease).release();
  });
});

describe('a request larger than a lowered limit', () => {
  test('still runs, alone, once nothing else is in flight', async () => {
    const limiter = new InflightLimiter({ initial: 8, ceiling: 8 });
    const [small, other] = await hold(limiter, 2);
    reject(other as Lease);
    expect(limiter.limit).toBe(1);
    const big = request(limiter, 4);
    await settle();
    expect(big.granted).toBe(false);
    small?.release();
    await settle();
    expect(big.granted).toBe(true);
    expect(limiter.inFlight).toBe(4);
    // Nothing joins it while it runs over the limit.
    const after = request(limiter, 1);
    await settle();
    expect(after.granted).toBe(false);
    (await big.lease).release();
    await settle();
    expect(after.granted).toBe(true);
  });
});

describe('taking up to a number of places (a request that can be split)', () => {
  test('takes the places that are free, no more than it asks for', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    await hold(limiter, 2, 4);
    const rest = await limiter.acquireUpTo(4);
    expect(rest.places).toBe(2);
    expect(limiter.inFlight).toBe(10);
    const alone = new InflightLimiter({ initial: 10, ceiling: 10 });
    expect((await alone.acquireUpTo(4)).places).toBe(4);
  });

  test('with none free it waits its turn, then takes what has come free', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    const [first] = await hold(limiter, 2, 5);
    let granted: Lease | undefined;
    void limiter.acquireUpTo(4).then(lease => (granted = lease));
    await settle();
    expect(granted).toBeUndefined();
    first?.release();
    await settle();
    expect(granted?.places).toBe(4);
    expect(limiter.inFlight).toBe(9);
  });

  test('after a 429 stating a limit of 3, it never takes more than 3, however far probing goes', async () => {
    const limiter = new InflightLimiter({ initial: 10, ceiling: 10 });
    reject(await limiter.acquire(4), 3);
    expect(limiter.statedLimit).toBe(3);
    const taken: number[] = [];
    for (let i = 0; i < 30; i++) {
      const lease = await limiter.acquireUpTo(4);
      taken.push(lease.places);
      succeed(lease);
    }
    expect(Math.max(...taken)).toBe(3);
    expect(limiter.limit).toBe(3);
  });
});

describe('a failed probe', () => {
  /** Limit 3 raised to 4 by a round of successes, with x (2 places), y and v in flight: 4 in all. */
  async function probedToFour(): Promise<{ limiter: InflightLimiter; x: Lease; y: Lease; v: Lease }> {
    const limiter = new InflightLimiter({ initial: 3, ceiling: 10 });
    const [a, b, c] = await hold(limiter, 3);
    const [x, y, v] = [request(limiter, 2), request(limiter, 1), request(limiter, 1)];
    for (const lease of [a, b, c]) succeed(lease as Lease);
    expect(limiter.limit).toBe(4);
    return { limiter, x: await x.lease, y: await y.lease, v: await v.lease };
  }

  test('goes back to the limit before it, whichever request the API refused', async () => {
    // The probe's request of 1 got in first and x, of 2, was the one over: what was in flight besides x (2)
    // says nothing about the API's limit, which the last round showed to be 3.
    const { limiter, x, y, v } = await probedToFour();
    reject(x);
    expect(limiter.limit).toBe(3);
    y.release();
    v.release();
  });

  test('makes the next probe wait twice as long, and a probe that holds halves the wait again', async () => {
    const { limiter, x, y, v } = await probedToFour();
    reject(x);
    const answered: number[] = [];
    // Always more work waiting, answered in order: successes at the limit of 3.
    const active: Promise<Lease>[] = [Promise.resolve(y), Promise.resolve(v)];
    for (let i = 0; i < 40; i++) active.push(limiter.acquire(1));
    for (let i = 0; i < 30; i++) {
      succeed(await (active[i] as Promise<Lease>));
      answered.push(limiter.limit);
    }
    // Two rounds of 3 at 3 before probing 4 (one round before the 429); that probe holds a round of 4, which is
    // also the one round the next probe waits for again: 4 → 5 after 4 more.
    expect(answered.indexOf(4)).toBe(5);
    expect(answered.indexOf(5)).toBe(5 + 4);
  });
});

describe('a 429 that is not a probe', () => {
  test('leaves the places others hold, and the next probe comes after one round again', async () => {
    const limiter = new InflightLimiter({ initial: 4, ceiling: 10 });
    const [a, b, c, d] = await hold(limiter, 4);
    reject(a as Lease);
    expect(limiter.limit).toBe(3);
    const waiting = [request(limiter, 1), request(limiter, 1), request(limiter, 1)];
    for (const lease of [b, c, d]) succeed(lease as Lease);
    expect(limiter.limit).toBe(4);
    for (const pending of waiting) (await pending.lease).release();
  });
});

describe('a probe that reaches the top', () => {
  /** Limit 2 probed up to a top of 3, then many rounds at 3 with work always waiting. */
  async function heldAtTop(top: 'ceiling' | 'stated'): Promise<InflightLimiter> {
    const limiter = new InflightLimiter({ initial: top === 'ceiling' ? 2 : 4, ceiling: top === 'ceiling' ? 3 : 10 });
    if (top === 'stated') {
      // The API states 3; what else was in flight (nothing) brings the limit to 1, and probing walks it back up.
      reject(await limiter.acquire(1), 3);
    }
    const active: Promise<Lease>[] = [];
    for (let i = 0; i < 60; i++) active.push(limiter.acquire(1));
    for (let i = 0; i < 50; i++) succeed(await (active[i] as Promise<Lease>));
    expect(limiter.limit).toBe(3);
    for (const pending of active.slice(50)) (await pending).release();
    return limiter;
  }

  test.each(['ceiling', 'stated'] as const)(
    'holds there (the %s): a 429 many rounds later is not a failed probe, it leaves the places others hold',
    async top => {
      const limiter = await heldAtTop(top);
      // Alone in flight and refused: someone else holds the other places.
      reject(await limiter.acquire(1));
      expect(limiter.limit).toBe(1);
      // And the next probe comes after one round again, not after twice as many.
      const [a] = await hold(limiter, 1);
      const waiting = request(limiter, 1);
      succeed(a as Lease);
      expect(limiter.limit).toBe(2);
      (await waiting.lease).release();
    }
  );
});
