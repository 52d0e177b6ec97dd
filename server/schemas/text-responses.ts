import { z } from 'zod';

/**
 * Responses that are not JSON, declared per content type so the OpenAPI document says what comes
 * back; Fastify sends such string bodies as they are.
 */
export const csvResponse = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });
export const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } }
});
/** A redirect: no body worth describing, only where it leads. */
export const redirectResponse = (description: string) => ({
  description,
  content: { 'text/plain': { schema: z.string() } }
});
