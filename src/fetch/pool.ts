// Bounded concurrency that keeps order: up to n tasks run at once, their results come out in input order.

export async function* ordered<T, R>(xs: Iterable<T>, n: number, fn: (x: T) => Promise<R[]>): AsyncGenerator<R> {
  const running: Promise<R[]>[] = [];
  const it = xs[Symbol.iterator]();
  const fill = (): void => {
    while (running.length < Math.max(1, n)) {
      const next = it.next();
      if (next.done) return;
      const p = fn(next.value);
      p.catch(() => undefined); // awaited below in order; a rejection must not go unhandled meanwhile
      running.push(p);
    }
  };
  fill();
  while (running.length) {
    const results = await running.shift()!;
    fill();
    yield* results;
  }
}

/** Runs fn over xs with up to n at once, in no particular order; `stop()` true stops starting new ones
 *  (those running finish). Each fn must not throw (the poller turns every failure into a state). */
export async function eachLimited<T>(xs: T[], n: number, fn: (x: T) => Promise<void>, stop: () => boolean = () => false): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < xs.length && !stop()) await fn(xs[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, xs.length)) }, lane));
}
