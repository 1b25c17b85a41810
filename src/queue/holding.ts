// The jobs a worker holds (fetched, not yet acknowledged, handed back or terminated) and what SIGTERM does to
// them: the worker stops fetching, and if its batch has not finished when the grace period runs out, every
// held job is handed back (`nak` without delay) so another worker takes it at once instead of after the
// visibility timeout. A batch whose commit has begun is never handed back: its commit is one transaction, and
// its jobs are acknowledged once it is done. A batch handed back stops at its next checkpoint, at the latest
// just before its commit, so nothing of it is written (the analyses it cached are keyed by content hash: a
// redelivery finds and reuses them, it does not duplicate them).

import type { JsMsg } from 'nats';

/** Who keeps held jobs alive (src/queue/keepalive.ts): told of each job taken and each one let go. */
export interface Keeper {
  hold(msgs: JsMsg[]): void;
  release(msgs: JsMsg[]): void;
}

/** Thrown at a checkpoint once the held jobs were handed back: the batch stops with nothing committed. */
export class HandedBack extends Error {
  constructor() {
    super('the jobs were handed back on shutdown');
  }
}

export class Holding {
  private readonly held = new Set<JsMsg>();
  /** Between the moment a commit begins and its jobs are settled: the grace period waits for these. */
  private committing = false;
  private expired = false;
  private keeper: Keeper | null = null;
  /** Jobs handed back on shutdown, for the worker's summary. */
  handedBack = 0;
  private abandon!: () => void;
  /** Settles once the grace period has handed the current batch back: the worker then stops waiting for it
   *  (it may be waiting for the writer lock) and exits; the batch can no longer commit. */
  readonly abandoned = new Promise<void>((resolve) => (this.abandon = resolve));

  constructor(private readonly onHandBack: (jobs: number) => void = () => {}) {}

  /** From now on, held jobs are kept alive by `keeper`. */
  keepAliveBy(keeper: Keeper): void {
    this.keeper = keeper;
  }

  /** Fetched jobs, this worker's until settled or handed back. */
  take(msgs: JsMsg[]): void {
    for (const m of msgs) this.held.add(m);
    this.keeper?.hold(msgs);
  }

  /** A job acknowledged, handed back for a retry or terminated: no longer this worker's to hand back. */
  settle(msg: JsMsg): void {
    if (this.held.delete(msg)) this.keeper?.release([msg]);
  }

  get count(): number {
    return this.held.size;
  }

  /** The grace period ran out (or a second SIGTERM came): hand everything back unless a commit is under way,
   *  in which case its batch finishes and the next checkpoint hands back whatever is still held. */
  expire(): void {
    this.expired = true;
    if (this.committing) return;
    this.handBack();
    this.abandon();
  }

  /** Throws HandedBack when the grace period is over (handing back what is still held); never while a
   *  commit is under way, since that batch is finished whatever the clock says. */
  checkpoint(): void {
    if (!this.expired || this.committing) return;
    this.handBack();
    throw new HandedBack();
  }

  /** The last checkpoint before a commit (or, when a batch had nothing to commit, before its jobs are
   *  settled); past it, the batch is finished. */
  beginCommit(): void {
    this.checkpoint();
    this.committing = true;
  }

  /** The commit's jobs are settled (or it failed): a grace period that ran out meanwhile applies now to
   *  what is still held. The batch itself is not abandoned: it committed, and its outcome counts (the
   *  next checkpoint throws anyway, and the worker is stopping). */
  endCommit(): void {
    this.committing = false;
    if (this.expired) this.handBack();
  }

  /** Every held job back to the queue, to be offered again at once (jobs fetched after SIGTERM, or the grace
   *  period over). A hand-back counts as a delivery against maxDeliver: JetStream has no other kind of nak. */
  handBack(): void {
    if (this.held.size === 0) return;
    const n = this.held.size;
    const msgs = [...this.held];
    for (const m of msgs) m.nak();
    this.held.clear();
    this.keeper?.release(msgs);
    this.handedBack += n;
    this.onHandBack(n);
  }
}
