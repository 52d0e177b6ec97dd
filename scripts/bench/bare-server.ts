// The baseline server for the endpoint comparisons: bare `node:http`, no framework, no session,
// no response schema, over the same database file, doing the endpoint's own work:
//   GET  /series/:id?period&from  the series query, the series computation and JSON.stringify;
//   POST /observations            JSON.parse, the same zod input schema, the same store write.
// Run as a child process: `node --import tsx scripts/bench/bare-server.ts <db file>`.
import { createServer, type IncomingMessage } from 'node:http';
import { indicatorSeries } from '../../server/analysis/series.js';
import { openDb } from '../../server/db/open-db.js';
import { createStore } from '../../server/db/store.js';
import { ObservationInput, SeriesQuery } from '../../server/schemas/index.js';
import { queryWindow } from '../../server/services/assessment.js';
import { recordObservations } from '../../server/services/record-observations.js';

const store = createStore(openDb(process.argv[2]), { includeDemo: false });
const officer = store.db.prepare("SELECT id FROM users WHERE username = 'bench-officer-1'").pluck().get() as number;

const bodyOf = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

function series(id: string, params: URLSearchParams): string | null {
  const indicator = store.catalogue.getIndicator(id);
  if (!indicator) return null;
  const readings = store.observations.activeReadings(indicator.id);
  const query = SeriesQuery.parse(Object.fromEntries(params));
  const { from, to, period } = queryWindow(
    readings[0]?.observedAt ?? null,
    new Date().toISOString().slice(0, 10),
    query
  );
  return JSON.stringify({
    indicatorId: indicator.id,
    period,
    from,
    to,
    points: indicatorSeries({ readings, period, from, to, cadenceDays: indicator.cadenceDays })
  });
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const answer = (status: number, json: string) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(json);
  try {
    const seriesId = url.pathname.match(/^\/series\/([^/]+)$/)?.[1];
    if (req.method === 'GET' && seriesId) {
      const json = series(decodeURIComponent(seriesId), url.searchParams);
      return json === null ? answer(404, '{"message":"no such indicator"}') : answer(200, json);
    }
    if (req.method === 'POST' && url.pathname === '/observations') {
      const input = ObservationInput.parse(JSON.parse(await bodyOf(req)));
      const { observations } = recordObservations(store, [input], {
        now: new Date(),
        actor: 'user:bench-officer-1',
        userId: officer
      });
      return answer(201, JSON.stringify(observations[0]));
    }
    answer(404, '{"message":"not here"}');
  } catch (err) {
    answer(500, JSON.stringify({ message: String(err) }));
  }
});

server.listen(0, '127.0.0.1', () =>
  console.log(`bare server on http://127.0.0.1:${(server.address() as { port: number }).port}`)
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
