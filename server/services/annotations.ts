import type { Actor } from '../actor.js';
import type { Store } from '../db/store.js';
import { InputError } from '../errors.js';
import type { Annotation, AnnotationInput, AnnotationQuery } from '../schemas/index.js';

function checkScope(store: Store, input: AnnotationInput) {
  if (input.scope === 'family' && !store.catalogue.listFamilies().some((f) => f.id === input.familyId)) {
    throw new InputError(400, 'familyId', `no family "${input.familyId}"`);
  }
  if (input.scope === 'indicator' && !store.catalogue.getIndicator(input.indicatorId!)) {
    throw new InputError(400, 'indicatorId', `no indicator "${input.indicatorId}"`);
  }
}

/** The current annotation `id`, which a correction or retirement acts on. */
function current(store: Store, id: number): Annotation {
  const a = store.annotations.get(id);
  if (!a) throw new InputError(404, 'id', `no annotation #${id}`);
  if (a.supersededBy !== null)
    throw new InputError(409, 'id', `annotation #${id} was already corrected by #${a.supersededBy}`);
  if (a.retired) throw new InputError(409, 'id', `annotation #${id} was retired`);
  return a;
}

/** Annotations for a chart: an indicator's (all, its family's, its own) or a family's (all, its own, its indicators'). */
export function listAnnotations(store: Store, q: AnnotationQuery): Annotation[] {
  const includeInactive = q.includeInactive === 'true';
  if (q.indicatorId) {
    const indicator = store.catalogue.getIndicator(q.indicatorId);
    if (!indicator) throw new InputError(400, 'indicatorId', `no indicator "${q.indicatorId}"`);
    return store.annotations.list({
      families: [indicator.family.id],
      indicators: [indicator.id],
      onlyScope: q.scope,
      includeInactive
    });
  }
  if (q.familyId) {
    const family = store.catalogue.listFamilies().find((f) => f.id === q.familyId);
    if (!family) throw new InputError(400, 'familyId', `no family "${q.familyId}"`);
    return store.annotations.list({
      families: [family.id],
      indicators: family.indicatorIds,
      onlyScope: q.scope,
      includeInactive
    });
  }
  return store.annotations.list({ onlyScope: q.scope, includeInactive });
}

/** A new annotation and its audit entry, in one transaction. */
export function createAnnotation(
  store: Store,
  input: AnnotationInput,
  who: Actor,
  options: { demo?: boolean } = {}
): Annotation {
  checkScope(store, input);
  return store.db.transaction(() => {
    const id = store.annotations.insert(input, {
      at: who.now.toISOString(),
      userId: who.userId ?? null,
      demo: options.demo
    });
    const created = store.annotations.get(id)!;
    store.audit.append(
      { actor: who.actor, action: 'annotation.create', entity: 'annotation', entityId: id, after: created },
      who.now
    );
    return created;
  })();
}

/** A correction: a new annotation that supersedes `id`, which stays on record. */
export function correctAnnotation(store: Store, id: number, input: AnnotationInput, who: Actor): Annotation {
  checkScope(store, input);
  return store.db.transaction(() => {
    const before = current(store, id);
    const newId = store.annotations.insert(input, {
      at: who.now.toISOString(),
      userId: who.userId ?? null,
      supersedes: id,
      demo: before.demo
    });
    const after = store.annotations.get(newId)!;
    store.audit.append(
      { actor: who.actor, action: 'annotation.correct', entity: 'annotation', entityId: newId, before, after },
      who.now
    );
    return after;
  })();
}

/** Retired: no longer drawn, kept on record with who retired it and why. */
export function retireAnnotation(store: Store, id: number, reason: string, who: Actor): Annotation {
  return store.db.transaction(() => {
    const before = current(store, id);
    store.annotations.retire(id, reason, who.now.toISOString(), who.userId ?? null);
    const after = store.annotations.get(id)!;
    store.audit.append(
      { actor: who.actor, action: 'annotation.retire', entity: 'annotation', entityId: id, before, after },
      who.now
    );
    return after;
  })();
}
