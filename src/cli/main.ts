// The `crosscheck` command line: the commands and their options, and one place that turns errors into
// exit codes (user errors print one clear line, never a stack trace). Each command's work lives in
// src/cli/commands/<name>.ts and is imported only when that command runs, so `--help` loads no pipeline.

import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
// The light store module (no SQLite driver): --help must not load the database code.
import { defaultDatabase, StoreError } from '../store/paths.js';
import type { AnalyzeCommandOptions } from './commands/analyze.js';
import type { ExtractCommandOptions } from './commands/extract.js';
import type { ServeCommandOptions } from './commands/serve.js';
import type { EnqueueCommandOptions, WorkerCommandOptions } from './commands/worker.js';
import type { StatusCommandOptions } from './commands/status.js';
import type { FeedsCommandOptions, WatchCommandOptions } from './commands/watch.js';
import type { AddCommandOptions, RebuildCommandOptions, ReportCommandOptions, StoriesCommandOptions } from './commands/corpus.js';
import { EXIT_INTERNAL, EXIT_NOTHING_ANALYSED, EXIT_OK, EXIT_USAGE, UserError } from './commands/exit.js';

export { EXIT_OK, EXIT_NOTHING_ANALYSED, EXIT_USAGE } from './commands/exit.js';

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserError(`--published expects YYYY-MM-DD, got "${value}"`, EXIT_USAGE);
  }
  return value;
}

/** The package version, read once from package.json (the single place it is written). Both src/cli and
 *  dist/cli sit two levels below the package root. */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

function analyzeDefinition(program: Command): void {
  program
    .command('analyze')
    .description('Analyse files, folders, globs or stdin (-) and write a brief.')
    .argument('<inputs...>', 'files, folders (recursive), globs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'html']).default('md'))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--with-text', "include each article's cleaned body in the JSON report")
    .option('--db <path>', 'SQLite path or postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase())
    .option('--no-db', 'run purely in memory (nothing stored)')
    .option('--workers <n>', 'worker threads for text and extraction (default: both cores for large runs)')
    .option('--outlets <file>', 'outlet registry (JSON): names, hosts, owners, wire services; see docs/outlets.md')
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
    .action(async (inputs: string[], opts: AnalyzeCommandOptions) => {
      const { analyzeCommand } = await import('./commands/analyze.js');
      await analyzeCommand(inputs, opts);
    });
}

function extractDefinition(program: Command): void {
  program
    .command('extract')
    .description('Print every entity, quote, date and quantity of each article, with offsets into its cleaned text.')
    .argument('<files...>', 'article files (any supported format), or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) used to resolve relative dates', isoDate)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'md']).default('json'))
    .option('--text', 'include the cleaned text the offsets index into')
    .option('--explain', "the quote tagger's additions and vetoes, with the features that weighed most")
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      `
Examples:
  crosscheck extract examples/coastal-wire-storm-closes-port.txt --text
  crosscheck extract article.html --published 2022-07-16 --format md
  crosscheck extract examples/harbour-gazette-storm-local.txt --format md --explain`,
    )
    .action(async (files: string[], opts: ExtractCommandOptions) => {
      const { extractCommand } = await import('./commands/extract.js');
      await extractCommand(files, opts);
    });
}

/** The corpus commands: `add` into the stored corpus, `stories` and `report` read it, `rebuild` redoes it. */
function corpusDefinitions(program: Command): void {
  const db = (c: Command) => c.option('--db <path>', 'the corpus: SQLite path or postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase());
  db(program
    .command('add')
    .description('Add files, folders, globs, stdin (-), URLs, OPML, WARC(.gz), sitemaps or CSV of URLs to the corpus: new, revised and duplicate articles, stories updated.')
    .argument('<inputs...>', 'files, folders (recursive), globs, - for stdin, http(s) URLs, .opml, .warc/.warc.gz, sitemaps, .csv with a url column'))
    .addOption(new Option('--format <format>', 'what changed, as').choices(['table', 'json']).default('table'))
    .option('--outlets <file>', 'outlet registry (JSON): names, hosts, owners, wire services; see docs/outlets.md')
    .option('--workers <n>', 'worker threads for text and extraction (default: both cores for large chunks)')
    .option('--chunk <n>', 'articles per commit (a killed add loses at most one chunk)', '1000')
    .option('--host-gap <ms>', 'minimum milliseconds between two requests to one host (default 1000)')
    .option('--timeout <seconds>', 'seconds one fetch may take, body included (default 30)')
    .option('--no-robots', 'do not read robots.txt (only for sites you run)')
    .option('-q, --quiet', 'no progress on stderr')
    .option('--nats <url>', 'with a postgres:// --db: the workers\' NATS server (CROSSCHECK_NATS; else nats://127.0.0.1:4222)')
    .option('--queue <name>', 'with a postgres:// --db: the workers\' queue namespace (default crosscheck_<database name>)')
    .option('--in-process', 'add in this process even when workers are alive on a postgres:// corpus')
    .addHelpText('after', '\nExamples:\n  crosscheck add examples/\n  crosscheck add today/*.html --db news.db\n  crosscheck add https://news.example/2031/03/bridge feeds.opml crawl.warc.gz\n  crosscheck add today/ --db postgres://localhost/news   # workers alive: queued for them, returns at once\n')
    .action(async (inputs: string[], opts: AddCommandOptions) => {
      const { addCommand } = await import('./commands/corpus.js');
      await addCommand(inputs, opts);
    });
  db(program
    .command('stories')
    .description('List the stored stories, newest activity first, without recomputing anything.'))
    .option('--since <date>', 'stories with activity on or after YYYY-MM-DD')
    .option('--query <words>', 'words the headline must contain')
    .option('--limit <n>', 'at most this many')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: StoriesCommandOptions) => {
      const { storiesCommand } = await import('./commands/corpus.js');
      await storiesCommand(opts);
    });
  db(program
    .command('report')
    .description('Render stored stories (all, or those named) as a brief.'))
    .option('--story <id...>', 'story ids (crosscheck stories lists them)')
    .addOption(new Option('-f, --format <format>', 'output format (csv: claims and disagreements, a row per value; jsonld: schema.org Claim)').choices(['md', 'json', 'html', 'csv', 'jsonld']).default('md'))
    .option('-o, --out <file>', 'write the report to a file instead of stdout')
    .option('--with-text', "include each article's cleaned body in the JSON report")
    .option('--outlets <file>', 'outlet registry (JSON) for the report\'s independent sources')
    .action(async (opts: ReportCommandOptions) => {
      const { reportCommand } = await import('./commands/corpus.js');
      await reportCommand(opts);
    });
  db(program
    .command('rebuild')
    .description('Re-run reuse, clustering and every story view over the whole corpus as one batch (ids kept).'))
    .option('--outlets <file>', 'outlet registry (JSON)')
    .option('-q, --quiet', 'no summary on stderr')
    .action(async (opts: RebuildCommandOptions) => {
      const { rebuildCommand } = await import('./commands/corpus.js');
      await rebuildCommand(opts);
    });
}

function serveDefinition(program: Command): void {
  program
    .command('serve')
    .description('Serve the corpus as web pages and an HTTP API (127.0.0.1 by default; another host needs --token).')
    .option('--db <path>', 'the corpus: SQLite path or postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase())
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <host>', 'address to bind (a non-loopback address requires --token)', '127.0.0.1')
    .option('--token <token>', 'bearer token clients must send (or set CROSSCHECK_TOKEN)')
    .option('--nats <url>', 'with a postgres:// --db: the workers\' NATS server (CROSSCHECK_NATS; else nats://127.0.0.1:4222)')
    .option('--queue <name>', 'with a postgres:// --db: the workers\' queue namespace (default crosscheck_<database name>)')
    .option('--in-process', 'add posted articles in this process even while workers are alive on a postgres:// corpus')
    .addHelpText('after', '\nExamples:\n  crosscheck serve\n  crosscheck serve --db news.db --port 9000\n  crosscheck serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"\n')
    .action(async (opts: ServeCommandOptions) => {
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(opts);
    });
}

/** `watch` polls feeds into the corpus; `feeds` lists them with their health. */
function watchDefinitions(program: Command): void {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  program
    .command('watch')
    .description('Poll feeds (RSS, Atom, JSON Feed) into the corpus, each at its own interval with conditional GETs; --once for cron.')
    .option('--feeds <file>', 'OPML file, or a file of one feed URL a line')
    .option('--feed <url>', 'a feed URL (repeatable)', collect)
    .option('--db <path>', 'the corpus: SQLite path or postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase())
    .option('--once', 'poll every due feed once and exit (for cron); feed state is kept in the corpus')
    .option('--all', 'with --once: poll every feed, even those not due (Retry-After, backoff, Cache-Control)')
    .option('--interval <duration>', 'how often each feed is polled: 15m, 90s, 1h (default 15m; servers may ask for longer)')
    .option('--host-gap <ms>', 'minimum milliseconds between two requests to one host (default 1000)')
    .option('--timeout <seconds>', 'seconds one fetch may take, body included (default 30)')
    .option('--no-robots', 'do not read robots.txt for item pages (only for sites you run)')
    .option('--chunk <n>', 'articles per commit', '1000')
    .option('--workers <n>', 'worker threads for text and extraction')
    .option('--outlets <file>', 'outlet registry (JSON); see docs/outlets.md')
    .option('-q, --quiet', 'no warnings on stderr')
    .option('--nats <url>', 'with a postgres:// --db: the workers\' NATS server (CROSSCHECK_NATS; else nats://127.0.0.1:4222)')
    .option('--queue <name>', 'with a postgres:// --db: the workers\' queue namespace (default crosscheck_<database name>)')
    .option('--in-process', 'add new items in this process even while workers are alive on a postgres:// corpus')
    .addHelpText('after', '\nExamples:\n  crosscheck watch --feeds examples/feeds.opml --once\n  crosscheck watch --feed https://news.example/rss --interval 30m\n  crosscheck watch            # every feed the corpus already watches\n')
    .action(async (opts: WatchCommandOptions) => {
      const { watchCommand } = await import('./commands/watch.js');
      await watchCommand(opts);
    });
  program
    .command('feeds')
    .description('List every watched feed with its health: last fetch, status, items, errors, next poll.')
    .option('--db <path>', 'the corpus: SQLite path or postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase())
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: FeedsCommandOptions) => {
      const { feedsCommand } = await import('./commands/watch.js');
      await feedsCommand(opts);
    });
}

/** The shared corpus's commands: `enqueue` hands inputs to the worker queue, `worker` drains it, `status` shows both. */
function workerDefinitions(program: Command): void {
  const shared = (c: Command) =>
    c
      .option('--db <url>', 'the shared corpus: a postgres:// URL (CROSSCHECK_DB sets the default)', defaultDatabase())
      .option('--nats <url>', 'NATS server with JetStream (CROSSCHECK_NATS sets the default; else nats://127.0.0.1:4222)')
      .option('--queue <name>', 'queue namespace (default: crosscheck_<database name>)');
  shared(
    program
      .command('worker')
      .description('Take article jobs from the queue and add them to the shared corpus, until SIGTERM (which stops fetching, gives the current batch --shutdown-grace to finish, hands back its jobs if it does not, and exits 0).'),
  )
    .option('--batch <n>', 'jobs per batch: one writer-lock turn and one commit each (default 32)')
    .option('--outlets <file>', 'outlet registry (JSON): names, hosts, owners, wire services; see docs/outlets.md')
    .option('--until-empty', 'exit once no job is queued or held by any worker')
    .option('--metrics-port <n>', 'serve Prometheus metrics at /metrics on this port (0: any free one, logged)')
    .option('--metrics-host <host>', 'address the metrics listen on (default 127.0.0.1)')
    .option('--shutdown-grace <seconds>', 'after SIGTERM, how long the current batch may take before its jobs are handed back to the queue (default 10; a second SIGTERM hands them back at once)')
    .option('-q, --quiet', 'no log on stderr')
    .addHelpText('after', '\nExamples:\n  crosscheck worker --db postgres://localhost/news\n  crosscheck worker --until-empty --batch 64\n  crosscheck worker --metrics-port 9464 --metrics-host 0.0.0.0\n')
    .action(async (opts: WorkerCommandOptions) => {
      const { workerCommand } = await import('./commands/worker.js');
      await workerCommand(opts);
    });
  shared(
    program
      .command('enqueue')
      .description('Turn files, folders, URLs, feeds or lists into one worker job per article (the same article twice is one job); returns at once.')
      .argument('<inputs...>', 'what `add` takes: files, folders, globs, - for stdin, http(s) URLs, .opml, .warc(.gz), sitemaps, .csv of URLs'),
  )
    .addOption(new Option('--format <format>', 'what was queued, as').choices(['table', 'json']).default('table'))
    .option('-q, --quiet', 'no rejections or warnings on stderr')
    .action(async (inputs: string[], opts: EnqueueCommandOptions) => {
      const { enqueueCommand } = await import('./commands/worker.js');
      await enqueueCommand(inputs, opts);
    });
  shared(program.command('status').description('The worker queue and the shared corpus: queued, running, done, failed (with reasons), workers alive, corpus counts.'))
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (opts: StatusCommandOptions) => {
      const { statusCommand } = await import('./commands/status.js');
      await statusCommand(opts);
    });
}

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('crosscheck')
    .description('Turn a pile of news articles into verified stories: copies, events, claims, contradictions, a cited brief.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  // A command is a definition here and a module in commands/, imported by its action.
  analyzeDefinition(program);
  corpusDefinitions(program);
  serveDefinition(program);
  watchDefinitions(program);
  workerDefinitions(program);
  extractDefinition(program);
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
    return EXIT_INTERNAL;
  }
}

// Run directly (`tsx src/cli/main.ts`, `node dist/cli/main.js`) rather than imported by bin/crosscheck.js.
if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('/src/cli/main.ts')) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
