import { z } from 'zod';

export const DeliveryStatus = z.enum(['pending', 'sent', 'failed']);

export const Delivery = z.object({
  id: z.number().int(),
  digestId: z.number().int(),
  userId: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable()
});

export const DigestSummary = z.object({
  id: z.number().int(),
  scheduledFor: z.string().nullable(),
  coversFrom: z.string().nullable(),
  coversTo: z.string(),
  createdAt: z.string(),
  subject: z.string(),
  status: z.enum(['sending', 'sent', 'failed', 'stored']),
  finishedAt: z.string().nullable(),
  deliveries: z.object({ sent: z.number().int(), pending: z.number().int(), failed: z.number().int() })
});

/** A digest's recipient as the archive shows it: the address only for managers and administrators. */
export const Recipient = Delivery.extend({ email: z.string().optional() });

export const DigestDetail = DigestSummary.extend({ text: z.string(), recipients: z.array(Recipient) });

export const DigestPreview = z.object({
  subject: z.string(),
  text: z.string(),
  coversFrom: z.string().nullable(),
  coversTo: z.string(),
  quiet: z.boolean()
});

export const Subscription = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.string(),
  disabled: z.boolean(),
  subscribed: z.boolean(),
  /** True while the user has not chosen: the role's default applies (managers receive it). */
  byDefault: z.boolean()
});

export const SubscriptionInput = z.object({ subscribed: z.boolean({ error: 'must be true or false' }) });

export type Delivery = z.infer<typeof Delivery>;
export type Recipient = z.infer<typeof Recipient>;
export type DigestSummary = z.infer<typeof DigestSummary>;
export type DigestDetail = z.infer<typeof DigestDetail>;
export type DigestPreview = z.infer<typeof DigestPreview>;
export type Subscription = z.infer<typeof Subscription>;
