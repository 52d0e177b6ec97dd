import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../support/test-app.js';

const ROUTES_DIR = join(import.meta.dirname, '../../../server/routes');
const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete']);
/** The house limit on a handler's body: anything longer composes work that belongs in a service. */
const MOST_HANDLER_LINES = 15;

/** Every `app.<verb>(url, …, handler)` in a routes file, with the handler body's length in source lines. */
function handlerLengths(file: string) {
  const source = ts.createSourceFile(file, readFileSync(join(ROUTES_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { where: string; lines: number }[] = [];
  const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      VERBS.has(node.expression.name.text)
    ) {
      const handler = node.arguments.at(-1);
      if (handler && (ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) {
        const lines = lineOf(handler.body.getEnd()) - lineOf(handler.body.getStart()) + 1;
        found.push({ where: `${file}: ${node.expression.name.text} ${node.arguments[0].getText()}`, lines });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the route table', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('has every API route declare its answer: a response schema naming its success (2xx) or redirect (3xx) status', () => {
    // The API documentation's own pages come from @fastify/swagger-ui, not from this code.
    const api = t.app.apiRoutes.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(25);
    const undeclared = api
      .filter((r) => !r.responses.some((status) => /^[23]\d\d$/.test(status)))
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
  });

  it(`keeps every handler thin: at most ${MOST_HANDLER_LINES} lines, composition lives in services`, () => {
    const handlers = readdirSync(ROUTES_DIR)
      .filter((f) => f.endsWith('.ts'))
      .flatMap(handlerLengths);
    expect(handlers.length).toBeGreaterThan(25);
    const long = handlers.filter((h) => h.lines > MOST_HANDLER_LINES).map((h) => `${h.where} (${h.lines} lines)`);
    expect(long).toEqual([]);
  });
});
