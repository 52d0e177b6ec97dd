import { z } from 'zod';
import { Role } from './account.js';

/** A demonstration account as the sign-in page lists it (its password is published in the README). */
export const DemoAccount = z.object({ username: z.string(), password: z.string(), role: Role });
export const DemoAccounts = z.object({ accounts: z.array(DemoAccount) });

export type DemoAccount = z.infer<typeof DemoAccount>;
export type DemoAccounts = z.infer<typeof DemoAccounts>;
