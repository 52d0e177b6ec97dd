import { z } from 'zod';
import { Warning } from './warnings.js';

/** Why a warning was acknowledged, in the acknowledger's words. */
const Note = z.string().trim().min(1, 'say why, in a few words').max(1000, 'at most 1000 characters');

export const AcknowledgeBody = z.object({ note: Note.optional() }).strict();

export const BulkAcknowledgeBody = z
  .object({
    ids: z
      .array(z.number().int().positive(), { error: 'must be a list of warning ids' })
      .min(1, 'choose at least one warning')
      .max(500, 'at most 500 warnings at a time'),
    note: Note
  })
  .strict();

export const BulkAcknowledgeResult = z.object({
  acknowledged: z.array(Warning),
  /** Ids that were acknowledged before: they keep their original who, when and why. */
  alreadyAcknowledged: z.array(z.number().int())
});

export type AcknowledgeBody = z.infer<typeof AcknowledgeBody>;
export type BulkAcknowledgeBody = z.infer<typeof BulkAcknowledgeBody>;
export type BulkAcknowledgeResult = z.infer<typeof BulkAcknowledgeResult>;
