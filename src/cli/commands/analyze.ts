// `crosscheck analyze`: checks the options and paths, runs the whole pipeline, renders the brief and
// writes it. Loaded by main.ts only when this command runs: it pulls in the pipeline and its models.

import { availableParallelism } from 'node:os';
import { analyze } from '../../analyze.js';
import { storePathProblem } from '../../store/paths.js';
import { renderMarkdown } from '../../brief/markdown.js';
import { renderHtml } from '../../brief/html.js';
import { markReport } from '../../ingest/own-output.js';
import { Progress } from '../progress.js';
import { checkOutputPath, writeOutput } from './output.js';
import { EXIT_NOTHING_ANALYSED, EXIT_USAGE, UserError } from './exit.js';
import { loadOutletRegistry, OutletRegistryError, type OutletRegistry } from '../../outlets/index.js';

export interface AnalyzeCommandOptions {
  format: 'md' | 'json' | 'html';
  out?: string;
  withText?: boolean;
  /** A path, or false for --no-db. */
  db: string | false;
  workers?: string;
  /** `--outlets FILE`: the outlet registry. */
  outlets?: string;
  quiet?: boolean;
  timings?: boolean;
}

/** More worker threads than cores only adds start-up time and memory (64 took 111 s and 7 GB for 10
 *  articles): the count is clamped to the cores, with a warning. */
export function workerCount(value: string | undefined, quiet: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0)) throw new UserError(`--workers expects a whole number, got "${value}"`, EXIT_USAGE);
  const cores = availableParallelism();
  if (n <= cores) return n;
  if (!quiet) process.stderr.write(`crosscheck: --workers ${n} is more than the ${cores} core(s) here; using ${cores}\n`);
  return cores;
}

/** `--outlets FILE` read and checked before anything is analysed; a mistake is a usage error, one line. */
export function outletRegistry(file: string): OutletRegistry {
  try {
    return loadOutletRegistry(file);
  } catch (err) {
    if (err instanceof OutletRegistryError) throw new UserError(err.message, EXIT_USAGE);
    throw err;
  }
}

export async function analyzeCommand(inputs: string[], opts: AnalyzeCommandOptions): Promise<void> {
  // Options and paths first: nothing is read or analysed until they are known to work.
  const workers = workerCount(opts.workers, Boolean(opts.quiet));
  const outlets = opts.outlets === undefined ? undefined : outletRegistry(opts.outlets);
  checkOutputPath(opts.out);
  if (opts.db !== false) {
    const problem = storePathProblem(opts.db);
    if (problem) throw new UserError(`cannot use the database ${opts.db}: ${problem}`, EXIT_USAGE);
  }
  const t0 = performance.now();
  const progress = new Progress(!opts.quiet);
  const { report, timings } = await analyze(inputs, {
    db: opts.db === false ? null : opts.db,
    withText: Boolean(opts.withText),
    workers,
    outlets,
    onProgress: (e) => progress.update(e.phase, e.done, e.total),
  });
  progress.stop();
  for (const r of report.rejected) if (!opts.quiet) process.stderr.write(`rejected ${r.path}: ${r.reason}\n`);
  for (const w of report.warnings) if (!opts.quiet) process.stderr.write(`warning ${w.path}: ${w.message}\n`);
  if (report.articles.length === 0) {
    throw new UserError(
      `no article could be analysed (${report.rejected.length} input(s) rejected; see the reasons above)`,
      EXIT_NOTHING_ANALYSED,
    );
  }
  progress.update('render', 0, null);
  let t = performance.now();
  // Marked as crosscheck's own output, so a later run over the same folder skips it.
  const rendered = markReport(
    opts.format,
    opts.format === 'json' ? JSON.stringify(report, null, 2) : opts.format === 'html' ? renderHtml(report) : renderMarkdown(report),
  );
  timings.set('render', performance.now() - t);
  progress.stop();
  t = performance.now();
  writeOutput(opts.out, rendered);
  timings.set('write', performance.now() - t);
  timings.set('total', performance.now() - t0);
  if (!opts.quiet) {
    process.stderr.write(
      `crosscheck: ${report.articles.length} article(s), ${report.rejected.length} rejected, ` +
        `${report.reuse.length} reuse link(s), ${report.stories.length} stor${report.stories.length === 1 ? 'y' : 'ies'}` +
        `${opts.out ? ` → ${opts.out}` : ''}\n`,
    );
  }
  if (opts.timings) {
    for (const [phase, ms] of timings) process.stderr.write(`  ${phase.padEnd(20)} ${ms.toFixed(0).padStart(8)} ms\n`);
  }
}
