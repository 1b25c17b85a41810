// Progress on stderr, one line per phase: a bar for the phases that count articles (ingest, analyse) or
// stories (corroborate), and the phase's name for the ones that run as one step (reuse, cluster, …), so
// the bar never sits at 1000/1000 while the later phases run. Shown once a run has lasted a second (short
// runs stay silent); on a TTY the line is redrawn in place, elsewhere (CI logs) plain lines are written
// at each phase and every PLAIN_EVERY items; nothing with --quiet. The cross-article phases are
// synchronous, so a phase's line is drawn when it starts and stays until the next one.

const SHOW_AFTER_MS = 1000;
const PLAIN_EVERY = 1000;
/** Redraws of one phase's bar at most this often: drawing per article cost more than it showed. */
const REDRAW_MS = 100;
const BAR_WIDTH = 30;

/** What a phase counts, for its line; phases not listed run as one step. */
const UNITS: Record<string, string> = { ingest: 'articles', analyse: 'articles', corroborate: 'stories' };

export class Progress {
  private phase = '';
  private lastDraw = 0;
  private lastPlain = 0;
  private drawn = false;

  constructor(
    private readonly enabled: boolean,
    private readonly tty = Boolean(process.stderr.isTTY),
    private readonly out: { write(s: string): unknown } = process.stderr,
    private readonly clock: () => number = Date.now,
    private readonly started = clock(),
  ) {}

  /** `total` null: not known yet (ingest) or a one-step phase (done 0 when it starts). */
  update(phase: string, done: number, total: number | null): void {
    const now = this.clock();
    if (!this.enabled || now - this.started < SHOW_AFTER_MS) return;
    const unit = UNITS[phase];
    const changed = phase !== this.phase;
    this.phase = phase;
    if (this.tty) {
      if (!changed && now - this.lastDraw < REDRAW_MS && done !== total) return;
      this.lastDraw = now;
      this.drawn = true;
      this.out.write(`\r\x1b[2K${this.line(phase, done, total, unit)}`);
    } else if (changed || (unit && (done - this.lastPlain >= PLAIN_EVERY || done === total))) {
      this.lastPlain = done;
      this.out.write(`${this.line(phase, done, total, unit)}\n`);
    }
  }

  private line(phase: string, done: number, total: number | null, unit: string | undefined): string {
    const label = phase.padEnd(12);
    if (!unit) return `${label} running…`;
    if (total === null || total === 0) return `${label} ${done} ${unit}`;
    const filled = Math.round((BAR_WIDTH * Math.min(done, total)) / total);
    const bar = this.tty ? ` [${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]` : '';
    return `${label}${bar} ${done}/${total} ${unit}`;
  }

  stop(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
