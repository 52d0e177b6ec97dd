import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/auth-plugin.js';
import { ACCOUNT_POLICY, ADDRESS_POLICY, afterFailure, lockedFor } from '../auth/lockout.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import { ErrorBody, LoginInput, Me } from '../schemas/index.js';

/** Sign in, sign out, and who am I. Only login is public. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users, sessions, audit } = app.store;

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { body: LoginInput, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      const now = app.clock();
      const keys = [
        { key: `user:${req.body.username.toLowerCase()}`, policy: ACCOUNT_POLICY },
        { key: `address:${req.ip}`, policy: ADDRESS_POLICY }
      ];
      const wait = Math.max(...keys.map((k) => lockedFor(sessions.throttle(k.key), now)));
      if (wait > 0) {
        return reply.code(429).header('retry-after', String(wait)).send({ message: `too many failed sign-ins: try again in ${wait} seconds` });
      }
      const row = users.forLogin(req.body.username);
      // Verify even for unknown accounts, so the answer takes as long either way.
      const valid = await verifyPassword(row?.passwordHash ?? DUMMY_HASH, req.body.password);
      if (!row || !valid || row.disabledAt) {
        for (const k of keys) sessions.saveThrottle(k.key, afterFailure(sessions.throttle(k.key), now, k.policy), now);
        audit.append({ actor: 'anonymous', action: 'auth.login_failed', entity: 'user', entityId: req.body.username, after: { address: req.ip } }, now);
        return reply.code(401).send({ message: 'wrong username or password' });
      }
      sessions.clearThrottle(keys[0].key);
      const opened = sessions.open(row.id, now, app.sessionPolicy, req.ip);
      reply.setCookie(SESSION_COOKIE, opened.token, {
        path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto', expires: new Date(opened.expiresAt)
      });
      audit.append({ actor: row.username, action: 'auth.login', entity: 'user', entityId: row.id, after: { address: req.ip } }, now);
      return { user: users.get(row.id), csrfToken: opened.csrfToken };
    }
  );

  app.post('/auth/logout', { schema: { response: { 204: z.null() } } }, async (req, reply) => {
    const session = req.session!;
    sessions.revoke(session.tokenHash, app.clock());
    audit.append({ actor: session.username, action: 'auth.logout', entity: 'user', entityId: session.userId }, app.clock());
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { response: { 200: Me, 401: ErrorBody } } }, async (req) => ({
    user: users.get(req.session!.userId),
    csrfToken: req.session!.csrfToken
  }));
};
