import { request } from 'node:http';

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * One HTTP request with the path sent exactly as written (`/%61pi/users`, `//api`, `/a/../b`):
 * fetch and URL normalise those, a client under an attacker's control does not.
 */
export function rawRequest(
  base: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string }
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const length = options.body === undefined ? {} : { 'content-length': String(Buffer.byteLength(options.body)) };
    const headers = { ...length, ...options.headers };
    const req = request(
      { host: hostname, port, method: options.method ?? 'GET', path: options.path, headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      }
    );
    req.on('error', fail);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Row counts of every table: equal before and after means nothing was written. */
export function rowCounts(db: {
  prepare: (sql: string) => { all: () => unknown[]; pluck: () => { get: () => unknown } };
}) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  return Object.fromEntries(
    tables.map(({ name }) => [name, db.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number])
  );
}
