/**
 * A seeded scheduler for concurrent deliveries. Each delivery runs in its own async context; every
 * plugin call (each Redis command, each Reddit RPC) first waits at a gate, and only one call runs
 * at a time. When every live delivery is waiting at a gate (or after a few idle event-loop turns,
 * for a delivery busy on something that is not a call), a seeded PRNG picks which waiting call
 * proceeds. So two deliveries interleave at every await that reaches the platform, in an order
 * the seed fixes: a failing schedule is replayed by its seed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { setImmediate } from 'node:timers';

/**
 * One context store for every scheduler: in Node 20 each AsyncLocalStorage instance adds work to
 * every promise created afterwards, so a store per schedule would make schedule n cost O(n).
 */
const deliveryContext = new AsyncLocalStorage<{ scheduler: Interleaver; delivery: number }>();

interface Waiter {
  delivery: number;
  go: () => void;
}

export class Interleaver {
  private readonly live = new Set<number>();
  private waiting: Waiter[] = [];
  private running = 0;
  private kicked = false;
  private idleTurns = 0;
  /** Calls released so far (the schedule's length). */
  steps = 0;
  /** Times the next call was chosen among two or more deliveries (the schedule's branching points). */
  choices = 0;

  constructor(private readonly random: () => number) {}

  /** Runs the deliveries concurrently under this scheduler; settles when all have. */
  run<T>(deliveries: readonly (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    return Promise.allSettled(
      deliveries.map((delivery, i) => {
        this.live.add(i);
        return deliveryContext.run({ scheduler: this, delivery: i }, async () => {
          try {
            return await delivery();
          } finally {
            this.live.delete(i);
            this.kick();
          }
        });
      }),
    );
  }

  /** Runs one plugin call when the scheduler picks it (calls outside a delivery run at once). */
  async around<T>(call: () => Promise<T>): Promise<T> {
    const store = deliveryContext.getStore();
    if (store?.scheduler !== this) return call();
    const { delivery } = store;
    await new Promise<void>((go) => {
      this.waiting.push({ delivery, go });
      this.kick();
    });
    this.running += 1;
    try {
      return await call();
    } finally {
      this.running -= 1;
      this.kick();
    }
  }

  private kick(): void {
    if (this.kicked) return;
    this.kicked = true;
    setImmediate(() => {
      this.kicked = false;
      this.step();
    });
  }

  private step(): void {
    if (this.running > 0 || this.waiting.length === 0) return;
    const waitingDeliveries = new Set(this.waiting.map((w) => w.delivery));
    if (waitingDeliveries.size < this.live.size && this.idleTurns < 3) {
      this.idleTurns += 1;
      this.kick();
      return;
    }
    this.idleTurns = 0;
    if (waitingDeliveries.size > 1) this.choices += 1;
    const [next] = this.waiting.splice(Math.floor(this.random() * this.waiting.length), 1);
    this.steps += 1;
    next?.go();
  }
}
