// Prometheus metrics of one `crosscheck worker` (`--metrics-port N`): jobs done by outcome, failed (handed
// back for a retry), dead-lettered, handed back unfinished on shutdown and redelivered, deferred story views refreshed, how long a job was held, and the queue's depth as NATS
// sees it when scraped. Each worker serves its own registry; Prometheus adds them up across machines.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobQueue } from './jetstream.js';

export interface WorkerMetrics {
  registry: Registry;
  done: Counter<'outcome'>;
  failed: Counter;
  deadLettered: Counter;
  redelivered: Counter;
  handedBack: Counter;
  viewsRefreshed: Counter;
  jobSeconds: Histogram;
}

/** Held-time buckets, seconds: a batch of 32 took 1.4 s on an idle machine and 5–10 s at load 10
 *  (bench/workers.ts); the top buckets catch waits for the writer lock behind other workers. */
const JOB_SECONDS_BUCKETS = [0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120];

export function workerMetrics(queue: JobQueue): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'crosscheck_worker_' });
  const registers = [registry];
  new Gauge({
    name: 'crosscheck_worker_queue_depth', help: 'Jobs in the shared queue when scraped: queued (not yet handed out) and running (held by some worker)',
    labelNames: ['state'], registers,
    async collect() {
      // A queue that cannot be read at this moment leaves the last values: the scrape itself still answers.
      const counts = await queue.jobCounts().catch(() => null);
      if (counts) {
        this.set({ state: 'queued' }, counts.queued);
        this.set({ state: 'running' }, counts.running);
      }
    },
  });
  return {
    registry,
    done: new Counter({ name: 'crosscheck_worker_jobs_done_total', help: 'Jobs finished and acknowledged, by what the corpus made of them', labelNames: ['outcome'], registers }),
    failed: new Counter({ name: 'crosscheck_worker_jobs_failed_total', help: 'Jobs that failed and were handed back for another try', registers }),
    deadLettered: new Counter({ name: 'crosscheck_worker_jobs_dead_lettered_total', help: 'Jobs given up on after their tries (listed by crosscheck status)', registers }),
    redelivered: new Counter({ name: 'crosscheck_worker_jobs_redelivered_total', help: 'Jobs taken on a second or later delivery (a retry, or a dead worker\'s job)', registers }),
    handedBack: new Counter({ name: 'crosscheck_worker_jobs_handed_back_total', help: 'Jobs handed back unfinished on shutdown (SIGTERM\'s grace period ran out), for another worker to take at once', registers }),
    viewsRefreshed: new Counter({ name: 'crosscheck_worker_views_refreshed_total', help: 'Deferred story views cross-checked while the worker had no job (Story.pending)', registers }),
    jobSeconds: new Histogram({ name: 'crosscheck_worker_job_seconds', help: 'From taking a job to acknowledging it (its batch: analysis, the writer lock, the commit)', buckets: JOB_SECONDS_BUCKETS, registers }),
  };
}

/** Serves `/metrics` on `host:port` (port 0: any free one); the URL is in the answer. */
export async function serveMetrics(metrics: WorkerMetrics, port: number, host: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.url !== '/metrics') return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (err: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${(server.address() as AddressInfo).port}/metrics`,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}
