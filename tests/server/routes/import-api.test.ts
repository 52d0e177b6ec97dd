import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_BODY_LIMIT } from '../../../server/routes/import.js';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { rebuildAssessment } from '../../../server/services/assessment-upkeep.js';
import { signIn, type Client } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

const HEADER = 'indicatorId,observedAt,level,quantity,rationale,source,reliability,credibility';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

describe('POST /api/import/observations', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: Client;
  beforeAll(async () => {
    t = await testApp();
    officer = await signIn(t.app, 'watch_officer');
  });
  afterAll(() => t.close());

  const post = (body: string, { dryRun = false, type = 'text/csv' } = {}) =>
    officer.inject({
      method: 'POST',
      url: `/api/import/observations${dryRun ? '?dryRun=true' : ''}`,
      headers: { 'content-type': type },
      payload: body
    });
  const count = (table = 'observations') => t.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

  it('reports every bad row in a dry run, by file line and field, and writes nothing', async () => {
    const before = [count(), count('sources'), count('audit_log')];
    const res = await post(
      csv(
        'salaries,2024-01-10,3,,Paid late in two provinces,Import desk,B,2',
        'salaries,2024-01-11,7,,Level out of range,Import desk,B,2',
        '"attacks","2024-01-12",2,4,"A rationale that spans',
        'two lines",Import desk,B,2',
        'no-such,2023-13-40,3,,,Import desk,Z,9',
        'attacks,2024-01-13,2,,too many cells,Import desk,B,2,extra'
      ),
      { dryRun: true }
    );
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({
      dryRun: true,
      rows: 5,
      accepted: 2,
      duplicates: 0,
      imported: 0,
      newSources: ['Import desk']
    });
    expect(report.rejected).toEqual([
      { line: 3, field: 'level', message: 'must be at most 5' },
      { line: 6, field: 'credibility', message: 'must be at most 6' },
      { line: 6, field: 'observedAt', message: 'must be a date written YYYY-MM-DD' },
      { line: 6, field: 'rationale', message: 'is required' },
      { line: 6, field: 'reliability', message: 'must be one of A, B, C, D, E, F' },
      { line: 7, field: '', message: 'has 9 cells where the header has 8' }
    ]);
    expect([count(), count('sources'), count('audit_log')]).toEqual(before);
  });

  it('refuses a whole file with any bad row (400, the same report) and writes nothing', async () => {
    const before = count();
    const res = await post(
      csv('salaries,2024-01-10,3,,Fine row,Import desk,B,2', 'unknown-indicator,2024-01-10,3,,Bad row,Import desk,B,2')
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      dryRun: false,
      rows: 2,
      accepted: 1,
      imported: 0,
      rejected: [{ line: 3, field: 'indicatorId', message: 'no indicator "unknown-indicator" in the catalogue' }],
      issues: [{ path: 'line 3: indicatorId' }]
    });
    expect(res.json().message).toContain('nothing was imported');
    expect(count()).toBe(before);
  });

  it('writes a clean file in one go with one audit entry, creating unknown sources once', async () => {
    const before = { observations: count(), audit: count('audit_log') };
    const res = await post(
      csv(
        'salaries,2024-01-10,3,,Paid late in two provinces,Import desk,B,2',
        'salaries,2024-01-17,4,12.5,"Paid in full, with arrears",Import desk,B,2',
        'attacks,2024-01-12,2,4,Two small attacks,Second desk,C,3'
      )
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      dryRun: false,
      rows: 3,
      accepted: 3,
      duplicates: 0,
      rejected: [],
      imported: 3,
      newSources: ['Import desk', 'Second desk']
    });
    expect(count()).toBe(before.observations + 3);
    const audit = t.db
      .prepare(
        'SELECT actor, action, after_json FROM audit_log WHERE id > (SELECT max(id) - ? FROM audit_log) ORDER BY id'
      )
      .all(count('audit_log') - before.audit) as { actor: string; action: string; after_json: string }[];
    expect(audit.map((a) => a.action)).toEqual(['observation.import']);
    expect(JSON.parse(audit[0].after_json)).toMatchObject({
      rows: 3,
      imported: 3,
      newSources: [{ title: 'Import desk' }, { title: 'Second desk' }]
    });
    const list = (await officer.inject({ method: 'GET', url: '/api/indicators/salaries/observations' })).json();
    expect(list[0]).toMatchObject({
      observedAt: '2024-01-17',
      level: 4,
      quantity: 12.5,
      rationale: 'Paid in full, with arrears',
      source: { title: 'Import desk' },
      recordedBy: { username: officer.username }
    });
  });

  it('skips rows identical to stored readings or to an earlier row, naming a source by title or id', async () => {
    const sourceId = t.db.prepare("SELECT id FROM sources WHERE title = 'Import desk'").pluck().get() as number;
    const before = count();
    const res = await post(
      csv(
        'salaries,2024-01-10,3,,Same reading again,Import desk,B,2',
        `salaries,2024-01-17,4,,Same reading by id,${sourceId},B,2`,
        'salaries,2024-01-24,2,,A new reading,Import desk,B,2',
        'salaries,2024-01-24,2,,The same new reading twice,Import desk,B,2'
      )
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ rows: 4, accepted: 1, duplicates: 3, imported: 1, newSources: [] });
    expect(count()).toBe(before + 1);
  });

  it('takes a JSON array with the same rules; line is the element position', async () => {
    const rows = [
      {
        indicatorId: 'attacks',
        observedAt: '2024-01-20',
        level: 3,
        rationale: 'From JSON',
        source: 'JSON desk',
        reliability: 'A',
        credibility: 1
      },
      {
        indicatorId: 'attacks',
        observedAt: '2099-01-01',
        level: 3,
        rationale: 'Future',
        source: 999999,
        reliability: 'A',
        credibility: 1
      }
    ];
    const dry = await post(JSON.stringify(rows), { dryRun: true, type: 'application/json' });
    expect(dry.json().rejected).toEqual([
      { line: 2, field: 'observedAt', message: 'must not be in the future' },
      { line: 2, field: 'source', message: 'no source #999999' }
    ]);
    const ok = await post(JSON.stringify(rows.slice(0, 1)), { type: 'application/json' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().imported).toBe(1);
    expect((await post(JSON.stringify({ rows }), { type: 'application/json' })).statusCode).toBe(400);
  });

  it('counts file lines across blank lines, CRLF endings and quoted line breaks', async () => {
    const body = [
      HEADER,
      '',
      'salaries,2024-01-03,3,,"one\r\ntwo",Desk,B,2',
      '',
      '',
      'salaries,2024-01-04,9,,bad,Desk,B,2',
      ''
    ].join('\r\n');
    const res = await post(body, { dryRun: true });
    expect(res.json()).toMatchObject({ rows: 2, rejected: [{ line: 7, field: 'level' }] });
  });

  it('refuses control and text-direction characters in text cells', async () => {
    const res = await post(csv('salaries,2024-01-03,3,,Looks fine \u202Eevil,Desk\u0007,B,2'), { dryRun: true });
    expect(res.json().rejected.map((r: { field: string }) => r.field)).toEqual(['rationale', 'source']);
    expect(res.json().rejected[0].message).toContain('U+202E');
  });

  it('reports a bad header, an empty file and a file that is not CSV at line 1 or where it breaks', async () => {
    const header = await post(
      'indicatorId,observedAt,level,rationale,source,reliability,credibility,colour\nsalaries,2024-01-03,3,x,y,B,2,red\n',
      { dryRun: true }
    );
    expect(header.json().rejected).toEqual([
      { line: 1, field: 'colour', message: expect.stringContaining('unknown column "colour"') },
      { line: 1, field: 'quantity', message: 'the header lacks the column "quantity"' }
    ]);
    expect((await post('', { dryRun: true })).json().rejected[0]).toMatchObject({
      line: 1,
      message: expect.stringContaining('empty')
    });
    expect((await post(`${HEADER}\n`)).statusCode).toBe(400);
    const broken = await post(csv('salaries,2024-01-03,3,,"unterminated,Desk,B,2'), { dryRun: true });
    expect(broken.json().rejected[0].message).toContain('cannot be read as CSV');
  });

  it('accepts files above the usual 64 KiB body limit, and refuses above its own limit with 413', async () => {
    const rows = Array.from(
      { length: 1500 },
      (_, i) =>
        `salaries,2023-${String((i % 12) + 1).padStart(2, '0')}-01,${(i % 5) + 1},${i},Bulk row ${i} ${'x'.repeat(40)},Bulk desk,B,2`
    );
    const res = await post(csv(...rows), { dryRun: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ rows: 1500, rejected: [] });
    const tooBig = await post(HEADER + '\n' + 'x'.repeat(IMPORT_BODY_LIMIT + 10));
    expect(tooBig.statusCode).toBe(413);
  });

  it('is for watch officers and admins with a CSRF token; others are refused and nothing is written', async () => {
    const before = count();
    const body = csv('salaries,2024-01-05,3,,Row,Desk,B,2');
    const manager = await signIn(t.app, 'manager');
    const asManager = await manager.inject({
      method: 'POST',
      url: '/api/import/observations',
      headers: { 'content-type': 'text/csv' },
      payload: body
    });
    expect(asManager.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/import/observations',
      headers: { 'content-type': 'text/csv' },
      payload: body
    });
    expect(anonymous.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/import/observations',
      headers: { 'content-type': 'text/csv' },
      cookies: { [SESSION_COOKIE]: officer.cookie },
      payload: body
    });
    expect(noCsrf.statusCode).toBe(403);
    const plain = await post(body, { type: 'text/plain' });
    expect(plain.statusCode).toBe(415);
    expect(count()).toBe(before);
    // Other routes still refuse CSV bodies.
    const other = await officer.inject({
      method: 'POST',
      url: '/api/observations',
      headers: { 'content-type': 'text/csv' },
      payload: body
    });
    expect(other.statusCode).toBe(415);
  });

  it('keeps the scenario assessment up to date, exactly as a rebuild would have it, and refuses dates before observableFrom', async () => {
    const early = await post(csv('salaries,2014-12-31,3,,Before the topic observes,Import desk,B,2'), { dryRun: true });
    expect(early.json().rejected).toEqual([
      { line: 2, field: 'observedAt', message: 'must not be before 2015-01-01, the earliest date this topic observes' }
    ]);
    const res = await post(
      csv(
        'salaries,2022-03-10,5,,Paid in full with bonuses,Assessment desk,B,2',
        'attacks,2022-06-11,5,9,Nine attacks in the month,Assessment desk,B,2'
      )
    );
    expect(res.statusCode).toBe(201);
    const incremental = t.app.store.assessment.dump();
    rebuildAssessment(t.app.store);
    expect(t.app.store.assessment.dump()).toEqual(incremental);
  });
});
