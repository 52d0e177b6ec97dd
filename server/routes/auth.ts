import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/auth-plugin.js';
import { ErrorBody, LoginInput, Me } from '../schemas/index.js';
import { checkSignIn } from '../services/sign-in.js';

/** Sign in, sign out, and who am I. Only login is public. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users, sessions, audit } = app.store;

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { body: LoginInput, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      const now = app.clock();
      const outcome = await checkSignIn(app.store, { ...req.body, address: req.ip, now, demo: app.includeDemo });
      if (outcome.kind === 'locked') {
        return reply.code(429).header('retry-after', String(outcome.seconds)).send({ message: `too many failed sign-ins: try again in ${outcome.seconds} seconds` });
      }
      if (outcome.kind === 'refused') {
        audit.append({ actor: 'anonymous', action: 'auth.login_failed', entity: 'user', entityId: req.body.username, after: { address: req.ip } }, now);
        return reply.code(401).send({ message: 'wrong username or password' });
      }
      // A sign-in replaces whatever session this browser held before (another account's included).
      const earlier = req.cookies[SESSION_COOKIE];
      if (earlier) sessions.revokeToken(earlier, now);
      const opened = sessions.open(outcome.userId, now, app.sessionPolicy, req.ip);
      // Secure when the client reached us over TLS (directly, or per a trusted proxy's X-Forwarded-Proto).
      reply.setCookie(SESSION_COOKIE, opened.token, {
        path: '/', httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https', expires: new Date(opened.expiresAt)
      });
      audit.append({ actor: outcome.username, action: 'auth.login', entity: 'user', entityId: outcome.userId, after: { address: req.ip } }, now);
      return { user: users.get(outcome.userId), csrfToken: opened.csrfToken };
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
