import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unsafeTextProblem } from '../../../server/schemas/safe-text.js';
import { rowCounts } from '../../support/raw-http.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';
import { observationInput } from '../../support/test-db.js';

describe('unsafeTextProblem', () => {
  it.each([
    ['plain text, every script and emoji', 'Kabul – کابل – Кабул 📈', null],
    ['tab and line feed', 'a\tb\nc', null],
    ['CRLF line breaks (what a browser submits for a textarea)', 'first\r\nsecond\r\n', null],
    ['NUL', 'a\u0000b', 'contains a control character (U+0000)'],
    ['escape', '\u001b[31mred', 'contains a control character (U+001B)'],
    ['bell', '\u0007', 'contains a control character (U+0007)'],
    ['vertical tab', 'a\u000bb', 'contains a control character (U+000B)'],
    ['DEL', 'a\u007fb', 'contains a control character (U+007F)'],
    ['a lone CR', 'Subject\rBcc: x', 'contains a carriage return (U+000D) that is not part of a CRLF line break'],
    ['CR at the end', 'x\r', 'contains a carriage return (U+000D) that is not part of a CRLF line break'],
    ['right-to-left override', 'invoice\u202Efdp.exe', 'contains a bidirectional text control character (U+202E)'],
    ['left-to-right embedding', '\u202Ax', 'contains a bidirectional text control character (U+202A)'],
    ['first strong isolate', '\u2068x', 'contains a bidirectional text control character (U+2068)'],
    ['pop directional isolate', 'x\u2069', 'contains a bidirectional text control character (U+2069)']
  ])('%s', (_name, value, expected) => {
    expect(unsafeTextProblem(value)).toBe(expected);
  });

  it('accepts any text free of the refused characters, and refuses any text holding one', () => {
    const refused = fc.constantFrom(
      ...'\u0000\u0001\u0008\u000b\u000c\u000e\u001f\u007f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'.split(
        ''
      )
    );
    // eslint-disable-next-line no-control-regex -- the refused control characters, removed to make clean text
    const refusedPattern = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
    const clean = fc.string({ unit: 'grapheme' }).map((s) => s.replace(refusedPattern, ''));
    fc.assert(fc.property(clean, (s) => unsafeTextProblem(s) === null));
    fc.assert(fc.property(clean, refused, clean, (a, bad, b) => unsafeTextProblem(a + bad + b) !== null));
  });
});

describe('hostile text is refused in every field, naming it, and nothing is written', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  let admin: Client;
  beforeAll(async () => {
    t = await testApp({ demo: true });
    officer = await signIn(t.app, 'watch_officer', 'officer');
    admin = await signIn(t.app, 'admin', 'admin1');
  });
  afterAll(() => t.close());

  const refused = async (client: Client, request: Parameters<Client['inject']>[0], path: string, code = 'U+0000') => {
    const before = rowCounts(t.db);
    const res = await client.inject(request);
    expect(res.statusCode, `${request.method} ${request.url}`).toBe(400);
    expect(res.json().issues, `${request.method} ${request.url}`).toContainEqual({
      path,
      message: expect.stringContaining(code)
    });
    expect(rowCounts(t.db)).toEqual(before);
  };

  it('JSON bodies, nested fields included', async () => {
    await refused(
      officer,
      { method: 'POST', url: '/api/observations', payload: observationInput({ rationale: 'ok\u0000then' }) },
      'rationale'
    );
    await refused(
      officer,
      {
        method: 'POST',
        url: '/api/observations',
        payload: observationInput({ source: { title: 'Report\u202Etxt.exe' } })
      },
      'source.title',
      'U+202E'
    );
    await refused(
      officer,
      { method: 'POST', url: '/api/sources', payload: { name: 'Wire\rBcc: x' } },
      'name',
      'U+000D'
    );
    await refused(
      officer,
      { method: 'POST', url: '/api/sources/1/grades', payload: { reliability: 'B', rationale: 'bell\u0007' } },
      'rationale',
      'U+0007'
    );
    await refused(
      admin,
      {
        method: 'POST',
        url: '/api/users',
        payload: { username: 'eve', displayName: 'Eve\u2066', role: 'manager', password: 'a-strong-new-secret' }
      },
      'displayName',
      'U+2066'
    );
    await refused(
      admin,
      { method: 'PATCH', url: '/api/users/1', payload: { displayName: 'x\u007f' } },
      'displayName',
      'U+007F'
    );
    await refused(
      officer,
      { method: 'POST', url: '/api/observations', payload: { ...observationInput(), 'key\u0000': 1 } },
      'key\u0000'
    );
  });

  it('query strings and route params', async () => {
    await refused(admin, { method: 'GET', url: '/api/audit?actor=%00admin' }, 'actor');
    await refused(officer, { method: 'GET', url: '/api/warnings?indicatorId=%E2%80%AEx' }, 'indicatorId', 'U+202E');
    await refused(officer, { method: 'GET', url: '/api/indicators/sal%1Baries' }, 'id', 'U+001B');
    await refused(officer, { method: 'GET', url: '/api/digest/unsubscribe?token=aaaaaaaaaa%00' }, 'token');
  });

  it('sign-in refuses a control character in the username before counting or auditing anything', async () => {
    const before = rowCounts(t.db);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'admin\u0000', password: 'whatever-password' }
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([{ path: 'username', message: 'contains a control character (U+0000)' }]);
    expect(rowCounts(t.db)).toEqual(before);
  });

  it('accepts tab, newline and CRLF in free text', async () => {
    const res = await officer.inject({
      method: 'POST',
      url: '/api/observations',
      payload: observationInput({ rationale: 'Line one\r\nLine two\n\tindented' })
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().rationale).toBe('Line one\r\nLine two\n\tindented');
  });
});
