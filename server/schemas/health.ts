import { z } from 'zod';

/**
 * `ok`: reads and writes work. `degraded`: reads work but writes are refused (503) because the
 * database is full or read-only; `message` says which. Both answer 200: the server still serves.
 */
export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  writable: z.boolean(),
  message: z.string().optional()
});
export type Health = z.infer<typeof Health>;
