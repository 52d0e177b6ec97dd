import type { ImportRefused, ImportReport } from '$shared/index.js';
import { ApiError, getCsrfToken } from './http.js';

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; report: ImportRefused };

/** What the server checks a file as: JSON by its name or type, CSV otherwise. */
export const importContentType = (file: File) =>
  file.name.toLowerCase().endsWith('.json') || file.type === 'application/json' ? 'application/json' : 'text/csv';

/**
 * Sends a file to POST /api/import/observations, reporting upload progress (0–1). XMLHttpRequest
 * because fetch cannot report upload progress. A refused file resolves with its report; any other
 * failure throws ApiError.
 */
export function uploadImport(file: File, dryRun: boolean, onProgress: (sent: number) => void): Promise<ImportOutcome> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/import/observations${dryRun ? '?dryRun=true' : ''}`);
    xhr.setRequestHeader('content-type', importContentType(file));
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'The Watchfloor server did not answer. Is it running?'));
    xhr.onload = () => {
      let body: { message?: string; issues?: { path: string; message: string }[]; rejected?: unknown } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the status line says enough.
      }
      if (xhr.status === 200 || xhr.status === 201) resolve({ ok: true, report: body as ImportReport });
      else if (xhr.status === 400 && Array.isArray(body.rejected))
        resolve({ ok: false, report: body as ImportRefused });
      else reject(new ApiError(xhr.status, body.message ?? `${xhr.status} ${xhr.statusText}`, body.issues ?? []));
    };
    xhr.send(file);
  });
}
