import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

type Operation = { responses: Record<string, { content?: Record<string, unknown> }>; security?: unknown[] };
type Document = { openapi: string; paths: Record<string, Record<string, Operation>> };

/** Fastify's `/api/indicators/:id` is OpenAPI's `/api/indicators/{id}`. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let manager: Client;
  let doc: Document;
  beforeAll(async () => {
    t = await testApp();
    manager = await signIn(t.app, 'manager');
    const res = await manager.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(() => t.close());

  it('is valid OpenAPI 3', async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
  });

  it('lists every route of the app, each with a response schema for its success', () => {
    const documented = t.app.apiRoutes.filter((r) => !r.url.startsWith('/api/docs'));
    expect(documented.length).toBeGreaterThan(40);
    const missing = documented
      .filter((r) => !doc.paths[openApiPath(r.url)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
    const withoutSchema = documented
      .filter((r) => {
        const op = doc.paths[openApiPath(r.url)][r.method.toLowerCase()];
        // A redirect's success is its 3xx answer.
        return !Object.entries(op.responses).some(
          ([status, res]) => /^[23]/.test(status) && (res.content || status === '204')
        );
      })
      .map((r) => `${r.method} ${r.url}`);
    expect(withoutSchema).toEqual([]);
  });

  it('marks public routes as needing no session', () => {
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/overview'].get.security).toBeUndefined();
  });

  it('is behind sign-in, like the reference UI', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBe(401);
    const ui = await manager.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(ui.statusCode);
  });
});
