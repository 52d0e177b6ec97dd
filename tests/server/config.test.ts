import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';

describe('loadConfig', () => {
  it('keeps the outbox beside the database unless told otherwise', () => {
    expect(loadConfig({ WATCHFLOOR_DB: '/srv/wf/iw.db' }).digest.outboxDir).toBe('/srv/wf/outbox');
    expect(loadConfig({}).digest.outboxDir).toBe(resolve('data/outbox'));
    expect(loadConfig({ WATCHFLOOR_DB: '/srv/wf/iw.db', WATCHFLOOR_OUTBOX: '/var/mail/wf' }).digest.outboxDir).toBe(
      join('/var/mail/wf')
    );
  });

  it('stops on a bad value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ WATCHFLOOR_DEMO: 'maybe' })).toThrow(/WATCHFLOOR_DEMO/);
  });
});
