import { invalidate } from '$app/navigation';
import { SOURCES_DEPENDENCY } from '$lib/api/dependencies.js';
import { ApiError, type Issue } from '$lib/api/http.js';

/**
 * Sending one of the source forms: the server validates, and its issues come back keyed by field
 * (`name`, `url`, `reliability`, `rationale`) to show beside each input.
 */
export class SourceFormState {
  saving = $state(false);
  issues = $state<Issue[]>([]);
  failure = $state<string | null>(null);
  done = $state<string | null>(null);

  /** Messages for one field, or undefined when it is fine. */
  errorFor(field: string): string | undefined {
    const messages = this.issues.filter((i) => i.path === field).map((i) => i.message);
    return messages.length ? messages.join('; ') : undefined;
  }

  /** Runs `send`, refreshes every page showing sources, and reports `confirm(result)`; true on success. */
  async submit<T>(send: () => Promise<T>, confirm: (result: T) => string): Promise<boolean> {
    if (this.saving) return false;
    this.saving = true;
    this.issues = [];
    this.failure = null;
    this.done = null;
    try {
      const result = await send();
      await invalidate(SOURCES_DEPENDENCY);
      this.done = confirm(result);
      return true;
    } catch (e) {
      if (e instanceof ApiError) this.issues = e.issues;
      this.failure =
        e instanceof TypeError
          ? 'The server could not be reached; nothing was saved.'
          : e instanceof Error
            ? e.message
            : String(e);
      return false;
    } finally {
      this.saving = false;
    }
  }
}
