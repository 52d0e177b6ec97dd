// Warnings: what the detectors raised (tripwire, recovery, novelty, staleness, shift), and how to ask for them.
import { z } from 'zod';
import { IsoDate } from './common.js';

export const WarningKind = z.enum(['tripwire', 'recovery', 'novelty', 'staleness', 'shift']);
export const WarningState = z.enum(['open', 'acknowledged', 'resolved', 'all'], {
  error: 'must be one of open, acknowledged, resolved, all'
});

export const WarningSeverity = z.enum(['high', 'medium', 'low'], { error: 'must be one of high, medium, low' });

export const WarningsQuery = z.object({
  state: WarningState.default('all'),
  severity: WarningSeverity.optional(),
  since: IsoDate.optional(),
  kind: WarningKind.optional(),
  indicatorId: z.string().max(80).optional()
});

export const Warning = z.object({
  id: z.number().int(),
  kind: WarningKind,
  indicatorId: z.string().nullable(),
  indicatorTitle: z.string().nullable(),
  scenarioId: z.string().nullable(),
  at: z.string(),
  until: z.string().nullable(),
  level: z.number().nullable(),
  cause: z.string(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  /** Who acknowledged it (a username) and why, in their words. */
  acknowledgedBy: z.string().nullable(),
  acknowledgedNote: z.string().nullable(),
  /** Per kind, defined once in server/analysis/warning-severity.ts. */
  severity: WarningSeverity,
  state: WarningState.exclude(['all'])
});

export const WarningList = z.array(Warning);

export type Warning = z.infer<typeof Warning>;
export type WarningKind = z.infer<typeof WarningKind>;
export type WarningSeverity = z.infer<typeof WarningSeverity>;
