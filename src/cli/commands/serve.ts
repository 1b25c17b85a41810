// `crosscheck serve`: opens the corpus and serves the pages and the API until interrupted (Ctrl-C closes
// the listener and the store cleanly). Loaded by main.ts only when the command runs.

import { storePathProblem } from '../../store/paths.js';
import { EXIT_USAGE, UserError } from './exit.js';

export interface ServeCommandOptions { db: string; port?: string; host?: string; token?: string; nats?: string; queue?: string; inProcess?: boolean }

export async function serveCommand(opts: ServeCommandOptions): Promise<void> {
  const port = opts.port === undefined ? 8080 : Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port expects a port number (0–65535), got "${opts.port}"`, EXIT_USAGE);
  const problem = storePathProblem(opts.db);
  if (problem) throw new UserError(`cannot use the database ${opts.db}: ${problem}`, EXIT_USAGE);
  const token = opts.token ?? process.env.CROSSCHECK_TOKEN;
  const { serve, ServeError } = await import('../../server/index.js');
  let running;
  try {
    running = await serve({ db: opts.db, port, host: opts.host, token, workers: opts.inProcess ? false : { nats: opts.nats, namespace: opts.queue } });
  } catch (err) {
    if (err instanceof ServeError) throw new UserError(err.message, EXIT_USAGE);
    throw err;
  }
  process.stderr.write(`crosscheck: serving ${opts.db} at ${running.url}/${token ? ' (bearer token required)' : ''} — Ctrl-C to stop\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await running.close();
}
