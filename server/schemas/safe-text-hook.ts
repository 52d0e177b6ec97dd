import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './common.js';
import { unsafeTextProblem } from './safe-text.js';

interface Issue {
  path: string;
  message: string;
}

/** Parsed values (JSON, form, query); a Buffer or a streamed body (a CSV import) is left to its own parser. */
const isParsedObject = (value: unknown): value is Record<string, unknown> =>
  value !== null &&
  typeof value === 'object' &&
  !Buffer.isBuffer(value) &&
  typeof (value as { pipe?: unknown }).pipe !== 'function';

/** Every string in a parsed value (keys included), with its field path: `source.title`, `tags.2`. */
function collect(value: unknown, path: string[], issues: Issue[], depth = 0): void {
  if (issues.length >= 20 || depth > 64) return;
  const where = () => path.join('.') || 'body';
  if (typeof value === 'string') {
    const problem = unsafeTextProblem(value);
    if (problem) issues.push({ path: where(), message: problem });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, [...path, String(i)], issues, depth + 1));
  } else if (isParsedObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const problem = unsafeTextProblem(key);
      if (problem) issues.push({ path: [...path, key].join('.'), message: `field name ${problem}` });
      collect(item, [...path, key], issues, depth + 1);
    }
  }
}

/**
 * One mechanism for hostile text: before any route's validation, every string of the query,
 * the route params and a parsed (JSON or form) body is checked, and the request is answered 400
 * naming each field. A raw string body is left to its own parser, which checks each cell.
 */
export function registerSafeText(app: FastifyInstance) {
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    // Unmatched requests go to the not-found handler, which reads none of it.
    if (request.routeOptions.url === undefined) return;
    const issues: Issue[] = [];
    collect(request.params, [], issues);
    collect(request.query, [], issues);
    if (typeof request.body !== 'string') collect(request.body, [], issues);
    if (issues.length === 0) return;
    const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    return reply.code(400).send({ message: `Invalid request: ${summary}`, issues } satisfies ErrorBody);
  });
}
