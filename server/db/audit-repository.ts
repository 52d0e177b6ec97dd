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
  const list =
    db.prepare(`SELECT id, at, actor, action, entity, entity_id AS entityId, before_json AS before, after_json AS after
    FROM audit_log WHERE (@actor IS NULL OR actor = @actor) AND (@action IS NULL OR action = @action)
      AND (@entity IS NULL OR entity = @entity) AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at <= @to)
    ORDER BY id DESC LIMIT @limit`);
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
    /** Newest first, filtered; `to` is inclusive of its whole day. */
    list(f: { actor?: string; action?: string; entity?: string; from?: string; to?: string; limit: number }) {
      const rows = list.all({
        actor: f.actor ?? null,
        action: f.action ?? null,
        entity: f.entity ?? null,
        from: f.from ?? null,
        to: f.to ? `${f.to}T23:59:59.999Z` : null,
        limit: f.limit
      }) as {
        id: number;
        at: string;
        actor: string;
        action: string;
        entity: string;
        entityId: string | null;
        before: string | null;
        after: string | null;
      }[];
      return rows.map((r) => ({
        ...r,
        before: r.before && JSON.parse(r.before),
        after: r.after && JSON.parse(r.after)
      }));
    },
    count(): number {
      return db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    }
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
