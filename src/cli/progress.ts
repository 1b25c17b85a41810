// Progress on stderr: a bar on a TTY once a run has lasted a second (short runs stay silent), plain
// phase lines elsewhere (CI logs), nothing with --quiet.

import cliProgress from 'cli-progress';

const SHOW_AFTER_MS = 1000;
const PLAIN_EVERY = 1000;

export class Progress {
  private readonly started = Date.now();
  private bar: cliProgress.SingleBar | null = null;
  private phase = '';
  private lastPlain = 0;

  constructor(private readonly enabled: boolean, private readonly tty = Boolean(process.stderr.isTTY)) {}

  update(phase: string, done: number, total: number | null): void {
    if (!this.enabled || Date.now() - this.started < SHOW_AFTER_MS) return;
    if (this.tty) {
      if (phase !== this.phase || !this.bar) {
        this.bar?.stop();
        this.bar = new cliProgress.SingleBar(
          { format: `${phase.padEnd(8)} [{bar}] {value}/{total} articles`, stream: process.stderr, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        this.bar.start(total ?? done, done);
        this.phase = phase;
      }
      if (total === null) this.bar.setTotal(done);
      this.bar.update(done);
    } else if (phase !== this.phase || done - this.lastPlain >= PLAIN_EVERY || done === total) {
      this.phase = phase;
      this.lastPlain = done;
      process.stderr.write(`${phase}: ${done}${total ? `/${total}` : ''} articles\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}
