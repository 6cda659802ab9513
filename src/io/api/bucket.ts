/** Clock and timer, replaceable in tests. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock: `Date.now` and `setTimeout`. */
export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * A token bucket shared by concurrent calls: `capacity` calls at once, refilled at `capacity / windowMs` tokens per
 * millisecond, so that no window of `windowMs` holds more than `capacity` calls in the long run. Callers wait in
 * order of arrival.
 *
 * @example
 * const bucket = new TokenBucket(30, 10_000); // SCB: 30 calls per 10 s
 * await bucket.take(); // resolves at once for the first 30 calls, then one every 333 ms
 */
export class TokenBucket {
  readonly capacity: number;
  readonly windowMs: number;
  readonly #clock: Clock;
  #tokens: number;
  #last: number;
  #queue: Promise<void> = Promise.resolve();

  constructor(capacity: number, windowMs: number, clock: Clock = realClock) {
    if (!(capacity >= 1) || !(windowMs > 0))
      throw new RangeError(`a token bucket needs capacity >= 1 and a window > 0, got ${capacity}/${windowMs}`);
    this.capacity = capacity;
    this.windowMs = windowMs;
    this.#clock = clock;
    this.#tokens = capacity;
    this.#last = clock.now();
  }

  /** Waits until a call may be made, then uses one token. */
  take(): Promise<void> {
    const turn = this.#queue.then(async () => {
      this.#refill();
      if (this.#tokens < 1) {
        await this.#clock.sleep(Math.ceil(((1 - this.#tokens) * this.windowMs) / this.capacity));
        this.#refill();
      }
      this.#tokens = Math.max(0, this.#tokens - 1);
    });
    this.#queue = turn;
    return turn;
  }

  /** Empties the bucket, e.g. after the server answered 429: the next calls wait for fresh tokens. */
  drain(): void {
    this.#refill();
    this.#tokens = 0;
  }

  #refill(): void {
    const now = this.#clock.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((now - this.#last) * this.capacity) / this.windowMs);
    this.#last = now;
  }
}
