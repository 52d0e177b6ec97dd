import type { Db } from './open-db.js';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log; rows are never changed afterwards (the table refuses it). */
export function createAuditRepository(db: Db) {
  const insert = db.prepare(`INSERT INTO audit_log (at, actor, action, entity, entity_id, before_json, after_json)
    VALUES (@at, @actor, @action, @entity, @entityId, @before, @after)`);
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  return {
    append(entry: AuditEntry, at: Date) {
      insert.run({
        at: at.toISOString(),
        actor: entry.actor,
        action: entry.action,
        entity: entry.entity,
        entityId: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
        before: json(entry.before),
        after: json(entry.after)
      });
    },
    count(): number {
      return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    }
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
