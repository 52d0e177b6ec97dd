import { invalidate } from '$app/navigation';
import { OBSERVATIONS_DEPENDENCY } from '$lib/api/dependencies.js';
import type { Observation, ObservationInput, Reliability, SourceSummary } from '$shared/index.js';
import { ApiError, type Issue } from '$lib/api/http.js';
import { recordObservation } from '$lib/api/observations.js';

/** Form fields that can show a server issue beside them, keyed by the issue's dotted path. */
export const FIELD_LABELS = {
  observedAt: 'Date observed',
  level: 'Level',
  quantity: 'Quantity',
  rationale: 'Rationale',
  sourceId: 'Source',
  'source.title': 'Source title',
  'source.url': 'Source URL',
  reliability: 'Source reliability',
  credibility: 'Information credibility'
} as const;
export type Field = keyof typeof FIELD_LABELS;

export type SourceMode = 'known' | 'new';

function fieldOf(path: string, mode: SourceMode): Field | null {
  // No source at all: ask for whichever the analyst is filling in, a pick or a new title.
  if (path === 'source') return mode === 'known' ? 'sourceId' : 'source.title';
  return path in FIELD_LABELS ? (path as Field) : null;
}

/**
 * The record form's state. Validation is the server's: the form sends what was typed (blanks left out)
 * and shows each 400 issue beside its field, so the rules live in one place, the API contract.
 */
export class ObservationDraft {
  observedAt = $state('');
  level = $state<number | null>(null);
  quantity = $state<number | null>(null);
  rationale = $state('');
  sourceMode = $state<SourceMode>('known');
  sourceId = $state<number | null>(null);
  sourceTitle = $state('');
  sourceUrl = $state('');
  reliability = $state<Reliability | ''>('');
  credibility = $state<number | ''>('');
  supersedes = $state<Observation | null>(null);

  saving = $state(false);
  issues = $state<Issue[]>([]);
  failure = $state<string | null>(null);
  recorded = $state<Observation | null>(null);

  readonly fieldErrors = $derived.by(() => {
    const byField: Partial<Record<Field, string[]>> = {};
    for (const issue of this.issues) {
      const field = fieldOf(issue.path, this.sourceMode);
      if (field) (byField[field] ??= []).push(issue.message);
    }
    return byField;
  });

  constructor(
    private readonly indicatorId: string,
    private readonly today: () => string,
    private readonly hasQuantity: boolean,
    private readonly hasSources: () => boolean
  ) {
    this.reset();
  }

  reset() {
    this.observedAt = this.today();
    this.level = null;
    this.quantity = null;
    this.rationale = '';
    // Most reports come from a source already on file; an empty register can only take a new one.
    this.sourceMode = this.hasSources() ? 'known' : 'new';
    this.sourceId = null;
    this.sourceTitle = '';
    this.sourceUrl = '';
    this.reliability = '';
    this.credibility = '';
    this.supersedes = null;
    this.issues = [];
    this.failure = null;
  }

  /** Pre-fills the form from an observation so the analyst edits it into its correction. */
  correct(o: Observation) {
    this.reset();
    this.recorded = null;
    this.supersedes = o;
    this.observedAt = o.observedAt;
    this.level = o.level;
    this.quantity = o.quantity;
    this.rationale = o.rationale;
    this.sourceMode = 'known';
    this.sourceId = o.source.id;
    this.reliability = o.reliability;
    this.credibility = o.credibility;
  }

  /** Picks a known source; its current grade is the likeliest reliability for this report too. */
  pickSource(source: SourceSummary) {
    this.sourceId = source.id;
    if (source.reliability) this.reliability = source.reliability;
  }

  private body(): ObservationInput {
    // Blanks are left out rather than guessed: the server names what is missing.
    const body = {
      indicatorId: this.indicatorId,
      observedAt: this.observedAt,
      level: this.level ?? undefined,
      quantity:
        this.hasQuantity && this.quantity !== null && Number.isFinite(this.quantity) ? this.quantity : undefined,
      rationale: this.rationale,
      ...(this.sourceMode === 'known'
        ? { sourceId: this.sourceId ?? undefined }
        : { source: { title: this.sourceTitle, url: this.sourceUrl.trim() || undefined } }),
      reliability: this.reliability || undefined,
      credibility: this.credibility === '' ? undefined : this.credibility,
      supersedes: this.supersedes?.id
    };
    return body as ObservationInput;
  }

  /** Sends the draft; true when it was recorded. The page's data is refreshed before this resolves. */
  async submit(): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.issues = [];
    this.failure = null;
    this.recorded = null;
    try {
      const saved = await recordObservation(fetch, this.body());
      this.reset();
      await invalidate(OBSERVATIONS_DEPENDENCY);
      this.recorded = saved;
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.issues.length) this.issues = e.issues;
      this.failure =
        e instanceof TypeError
          ? 'The server could not be reached; nothing was recorded.'
          : e instanceof Error
            ? e.message
            : String(e);
      return false;
    } finally {
      this.saving = false;
    }
  }
}
