// Prometheus metrics of one server (its own registry, so two servers in one process — tests — do not clash).

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface ServerMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  duration: Histogram<'method' | 'route'>;
  articlesAdded: Counter<'status'>;
  addQueue: Gauge;
  /** Adds the analyser ran: uploads that queued together count once. */
  adds: Counter;
  /** Deferred story cross-checks committed between adds. */
  viewsRefreshed: Counter;
  sseClients: Gauge;
}

export function createMetrics(): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'crosscheck_' });
  return {
    registry,
    requests: new Counter({ name: 'crosscheck_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    duration: new Histogram({
      name: 'crosscheck_http_request_duration_seconds', help: 'HTTP request duration by route', labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10], registers: [registry],
    }),
    articlesAdded: new Counter({ name: 'crosscheck_articles_total', help: 'Articles posted, by outcome (added, revised, duplicate, unchanged, rejected)', labelNames: ['status'], registers: [registry] }),
    addQueue: new Gauge({ name: 'crosscheck_add_queue_depth', help: 'Adds waiting for or holding the corpus writer', registers: [registry] }),
    adds: new Counter({ name: 'crosscheck_adds_total', help: 'Adds the analyser ran (uploads that queued while one ran are added together)', registers: [registry] }),
    viewsRefreshed: new Counter({ name: 'crosscheck_views_refreshed_total', help: 'Deferred story cross-checks committed between adds', registers: [registry] }),
    sseClients: new Gauge({ name: 'crosscheck_sse_clients', help: 'Open /api/events streams', registers: [registry] }),
  };
}
