// The `crosscheck` command line: `analyze` (the whole pipeline, a brief in md/json/html) and `extract`
// (per-article mentions with offsets). User errors print one clear line, never a stack trace.

import { Command, CommanderError, Option } from 'commander';
import { writeFileSync, renameSync, rmSync, statSync, accessSync, constants, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, basename, join, resolve } from 'node:path';
import { analyze } from '../analyze.js';
import { DEFAULT_DB_PATH, StoreError, storePathProblem } from '../store/store.js';
import { renderMarkdown } from '../brief/markdown.js';
import { renderHtml } from '../brief/html.js';
import { runExtract } from './extract.js';
import { markReport } from '../ingest/own-output.js';
import { Progress } from './progress.js';

export const EXIT_OK = 0;
export const EXIT_NOTHING_ANALYSED = 1;
export const EXIT_USAGE = 2;

class UserError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserError(`--published expects YYYY-MM-DD, got "${value}"`, EXIT_USAGE);
  }
  return value;
}

/** Checked before any work: a report that cannot be written must not cost a whole analysis first. */
function checkOutputPath(out: string | undefined): void {
  if (!out || out === '-') return;
  const dir = dirname(resolve(out));
  const fail = (why: string) => {
    throw new UserError(`cannot write the report to ${out}: ${why}`, EXIT_USAGE);
  };
  const info = statSync(dir, { throwIfNoEntry: false });
  if (!info) fail(`the folder ${dir} does not exist`);
  else if (!info.isDirectory()) fail(`${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    fail(`the folder ${dir} is not writable`);
  }
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) fail('it is a folder');
}

/** Writes via a temporary file and a rename, so a killed run never leaves a half-written report. */
function writeOutput(out: string | undefined, content: string): void {
  if (!out || out === '-') {
    process.stdout.write(content.endsWith('\n') ? content : content + '\n');
    return;
  }
  const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, out);
  } catch (err) {
    // Name the file the user asked for, not our temporary one, and leave no temporary file behind.
    rmSync(tmp, { force: true });
    throw new UserError(`cannot write the report to ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, EXIT_NOTHING_ANALYSED);
  }
}

/** More worker threads than cores only adds start-up time and memory (64 took 111 s and 7 GB for 10
 *  articles): the count is clamped to the cores, with a warning. */
function workerCount(value: string | undefined, quiet: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(Number.isInteger(n) && n >= 0)) throw new UserError(`--workers expects a whole number, got "${value}"`, EXIT_USAGE);
  const cores = availableParallelism();
  if (n <= cores) return n;
  if (!quiet) process.stderr.write(`crosscheck: --workers ${n} is more than the ${cores} core(s) here; using ${cores}\n`);
  return cores;
}

/** The package version, read once from package.json (the single place it is written). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('crosscheck')
    .description('Turn a pile of news articles into verified stories: copies, events, claims, contradictions, a cited brief.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('analyze')
    .description('Analyse files, folders, globs or stdin (-) and write a brief.')
    .argument('<inputs...>', 'files, folders (recursive), globs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'html']).default('md'))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--with-text', "include each article's cleaned body in the JSON report")
    .option('--db <path>', 'SQLite database path', DEFAULT_DB_PATH)
    .option('--no-db', 'run purely in memory (nothing stored)')
    .option('--workers <n>', 'worker threads for text and extraction (default: both cores for large runs)')
    .option('-q, --quiet', 'no progress or summary on stderr')
    .option('--timings', 'print per-stage times on stderr')
    .addHelpText(
      'after',
      `
Examples:
  crosscheck analyze examples/
  crosscheck analyze ../shared/seeds --format json --out brief.json
  crosscheck analyze feeds/ pages/ more.jsonl --format html --out brief.html
  cat article.txt | crosscheck analyze -

Exit codes: 0 when at least one article was analysed, 1 when none could be, 2 for usage errors.`,
    )
    .action(async (inputs: string[], opts) => {
      // Options and paths first: nothing is read or analysed until they are known to work.
      const workers = workerCount(opts.workers, Boolean(opts.quiet));
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
    });

  program
    .command('extract')
    .description('Print every entity, quote, date and quantity of each article, with offsets into its cleaned text.')
    .argument('<files...>', 'article files (any supported format), or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) used to resolve relative dates', isoDate)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md']).default('json'))
    .option('--text', 'include the cleaned text the offsets index into')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  crosscheck extract examples/coastal-wire-storm-closes-port.txt --text
  crosscheck extract article.html --published 2022-07-16 --format md`,
    )
    .action(async (files: string[], opts) => {
      checkOutputPath(opts.out);
      const { output, analysed, rejected } = await runExtract(files, {
        published: opts.published ?? null,
        format: opts.format,
        withText: Boolean(opts.text),
      });
      for (const r of rejected) process.stderr.write(`rejected ${r.path}: ${r.reason}\n`);
      if (analysed === 0) throw new UserError('no article could be read', EXIT_NOTHING_ANALYSED);
      writeOutput(opts.out, output);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are not errors; everything else commander rejects is a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT_OK;
      return EXIT_USAGE;
    }
    if (err instanceof UserError) {
      process.stderr.write(`crosscheck: ${err.message}\n`);
      return err.code;
    }
    if (err instanceof StoreError) {
      process.stderr.write(`crosscheck: ${err.message}\n`);
      return EXIT_USAGE;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EACCES' || e?.code === 'ENOENT' || e?.code === 'EISDIR' || e?.code === 'ENOSPC') {
      process.stderr.write(`crosscheck: ${e.message}\n`);
      return EXIT_NOTHING_ANALYSED;
    }
    // A bug, not a usage error: one line, and the stack only when asked for (CROSSCHECK_DEBUG=1).
    const message = err instanceof Error ? err.message.split('\n', 1)[0] : String(err);
    const stack = process.env.CROSSCHECK_DEBUG ? `\n${(err as Error)?.stack ?? ''}` : ' (set CROSSCHECK_DEBUG=1 for the stack trace)';
    process.stderr.write(`crosscheck: internal error: ${message}${stack}\n`);
    return 70;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
