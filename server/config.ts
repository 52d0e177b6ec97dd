import { isIP } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'on', 'off', 'yes', 'no'], {
    error: 'must be 1 or 0 (true/false, on/off)'
  })
  .transform((v) => ['1', 'true', 'on', 'yes'].includes(v));

/** A proxy address or network: 10.0.0.5, 10.0.0.0/8, ::1, fd00::/8. */
const isAddressOrCidr = (entry: string) => {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
};

/**
 * WATCHFLOOR_TRUST_PROXY: `0` (default) believes no X-Forwarded-* header; a number N believes the
 * N proxies nearest the server (`1`: one reverse proxy in front); a comma-separated list of
 * addresses or networks believes exactly those proxies. "Trust everyone" is not offered: it would
 * let any client choose the address the lockout counts against.
 */
const trustProxy = z
  .string()
  .trim()
  .refine((v) => /^\d{1,2}$/.test(v) || v.split(',').every((e) => isAddressOrCidr(e.trim())), {
    error:
      'must be 0 (off), a number of proxy hops such as 1, or a comma-separated list of proxy addresses or networks (10.0.0.5,10.1.0.0/16)'
  })
  .transform((v): TrustProxy =>
    /^\d+$/.test(v) ? (Number(v) === 0 ? false : Number(v)) : v.split(',').map((e) => e.trim())
  );

export type TrustProxy = false | number | string[];

/** Environment variables Watchfloor reads, with their defaults (documented in the README). */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  WATCHFLOOR_DB: z.string().min(1).default('data/watchfloor.db'),
  WATCHFLOOR_DEMO: flag.default(true),
  WATCHFLOOR_CATALOGUE: z.string().min(1).default('indicators/isk'),
  WATCHFLOOR_STATIC: z.string().min(1).default('build'),
  WATCHFLOOR_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(120),
  WATCHFLOOR_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  WATCHFLOOR_TZ: z.string().min(1).default('UTC'),
  WATCHFLOOR_WARNINGS_CRON: z
    .string()
    .refine((c) => cron.validate(c), 'is not a valid cron expression')
    .default('0 * * * *'),
  WATCHFLOOR_DIGEST_CRON: z
    .string()
    .refine((c) => cron.validate(c), 'is not a valid cron expression')
    .default('0 7 * * 1'),
  WATCHFLOOR_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// address')
    .optional(),
  WATCHFLOOR_MAIL_FROM: z.string().min(3).default('Watchfloor <watchfloor@localhost>'),
  WATCHFLOOR_PUBLIC_URL: z.url({ error: 'must be an http(s) address' }).optional(),
  WATCHFLOOR_OUTBOX: z.string().min(1).optional(),
  WATCHFLOOR_TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export interface Config {
  port: number;
  host: string;
  dbFile: string;
  demo: boolean;
  catalogueDir: string;
  staticDir: string;
  timezone: string;
  warningsCron: string;
  sessions: { idleMinutes: number; maxHours: number };
  digest: { cron: string; smtpUrl: string | null; from: string; publicUrl: string; outboxDir: string };
  logLevel: string;
  trustProxy: TrustProxy;
}

export class ConfigError extends Error {}

/** Reads the environment once; a bad value stops the start naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const dbFile = e.WATCHFLOOR_DB === ':memory:' ? e.WATCHFLOOR_DB : resolve(e.WATCHFLOOR_DB);
  return {
    port: e.PORT,
    host: e.HOST,
    dbFile,
    demo: e.WATCHFLOOR_DEMO,
    catalogueDir: resolve(e.WATCHFLOOR_CATALOGUE),
    staticDir: resolve(e.WATCHFLOOR_STATIC),
    timezone: e.WATCHFLOOR_TZ,
    warningsCron: e.WATCHFLOOR_WARNINGS_CRON,
    sessions: { idleMinutes: e.WATCHFLOOR_SESSION_IDLE_MINUTES, maxHours: e.WATCHFLOOR_SESSION_MAX_HOURS },
    digest: {
      cron: e.WATCHFLOOR_DIGEST_CRON,
      smtpUrl: e.WATCHFLOOR_SMTP_URL ?? null,
      from: e.WATCHFLOOR_MAIL_FROM,
      // Links in mail must reach the app from the reader's desk, not from the server itself.
      publicUrl: (e.WATCHFLOOR_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
      // Beside the database by default, so one WATCHFLOOR_DB keeps all of an instance's files together.
      outboxDir: e.WATCHFLOOR_OUTBOX
        ? resolve(e.WATCHFLOOR_OUTBOX)
        : join(dbFile === ':memory:' ? resolve('data') : dirname(dbFile), 'outbox')
    },
    logLevel: e.LOG_LEVEL,
    trustProxy: e.WATCHFLOOR_TRUST_PROXY
  };
}
