// Per-host politeness: requests to one host are spaced at least `gapMs` apart (and no earlier than a
// Retry-After the host asked for); different hosts do not wait for each other.

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class HostGate {
  /** Earliest time (ms since epoch) the next request to each host may start. */
  private readonly next = new Map<string, number>();

  constructor(private readonly gapMs: number) {}

  /** Waits for this host's turn and books the following one. Synchronous booking, so two callers that
   *  arrive together get two different slots. */
  async wait(host: string): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, slot + this.gapMs);
    if (slot > now) await sleep(slot - now);
  }

  /** The host asked us to stay away until `until` (a Retry-After). */
  holdUntil(host: string, until: number): void {
    this.next.set(host, Math.max(this.next.get(host) ?? 0, until));
  }
}
