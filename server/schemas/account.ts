import { z } from 'zod';
import { IsoDate } from './common.js';

export const ROLES = ['watch_officer', 'manager', 'admin'] as const;
export const Role = z.enum(ROLES, { error: `must be one of ${ROLES.join(', ')}` });

const username = z
  .string({ error: 'is required' })
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{1,39}$/i, 'must be 2–40 letters, digits, dots, dashes or underscores');
const password = z.string({ error: 'is required' }).min(1, 'is required').max(256, 'must be at most 256 characters');

export const LoginInput = z.object({
  username: z.string({ error: 'is required' }).min(1, 'is required').max(80),
  password
});

export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string()
});

export const Me = z.object({ user: User, csrfToken: z.string() });

export const UserCreate = z.object({
  username,
  displayName: z.string().trim().min(1, 'is required').max(120),
  email: z.email({ error: 'must be an email address' }).max(254).optional(),
  role: Role,
  password
});

export const UserUpdate = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(120).optional(),
    email: z.email({ error: 'must be an email address' }).max(254).nullable().optional(),
    role: Role.optional(),
    disabled: z.boolean().optional()
  })
  .refine((u) => Object.keys(u).length > 0, {
    message: 'nothing to change: give displayName, email, role or disabled'
  });

export const PasswordReset = z.object({ password });

export const UserIdParams = z.object({ id: z.coerce.number({ error: 'must be a user id' }).int().positive() });

export const AuditQuery = z.object({
  actor: z.string().max(80).optional(),
  action: z.string().max(80).optional(),
  entity: z.string().max(80).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(500)
});

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable()
});

export type Role = z.infer<typeof Role>;
export type User = z.infer<typeof User>;
export type Me = z.infer<typeof Me>;
export type UserCreate = z.infer<typeof UserCreate>;
export type UserUpdate = z.infer<typeof UserUpdate>;
export type AuditEntry = z.infer<typeof AuditEntry>;
