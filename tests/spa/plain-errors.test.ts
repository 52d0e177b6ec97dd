// The SPA's rewrites of API messages into plain language, checked against the server's own wording.
import { describe, expect, it } from 'vitest';
import { plainMessage } from '../../src/lib/api/plain-errors.js';
import { testApp } from '../support/test-app.js';
import { signIn } from '../support/sign-in.js';
import { REAL_CATALOGUE } from '../support/test-catalogue.js';

describe('plain-language errors', () => {
  it('turns the server’s range, role and token refusals into sentences that say what to do', async () => {
    const t = await testApp({ demo: true, catalogueDir: REAL_CATALOGUE });
    try {
      const manager = await signIn(t.app, 'manager');
      const range = await manager.inject({ method: 'GET', url: '/api/scenarios/fit?from=1900-01-01&period=week' });
      expect(range.statusCode).toBe(400);
      const rangeText = plainMessage(range.json().issues[0].message);
      expect(rangeText).toMatch(/^That date range is too long to show week by week/);
      expect(rangeText).not.toMatch(/range holds/);

      const role = await manager.inject({ method: 'POST', url: '/api/observations', payload: {} });
      expect(role.statusCode).toBe(403);
      expect(plainMessage(role.json().message)).toBe(
        'Your role (manager) may not do this. It needs a watch officer or an administrator; ask an administrator if you should have it.'
      );

      const token = await manager.inject({
        method: 'POST',
        url: '/api/warnings/1/acknowledge',
        headers: { 'x-csrf-token': 'stale' }
      });
      expect(token.statusCode).toBe(403);
      expect(plainMessage(token.json().message)).toMatch(/^This page’s security token is out of date/);
    } finally {
      t.close();
    }
  });

  it('leaves other messages as they are', () => {
    expect(plainMessage('no warning #7')).toBe('no warning #7');
  });
});
