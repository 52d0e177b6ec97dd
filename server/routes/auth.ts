import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/auth-plugin.js';
import { ErrorBody, LoginInput, Me } from '../schemas/index.js';
import { signIn } from '../services/sign-in.js';

/** Sign in, sign out, and who am I. Only login is public. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { users, sessions, audit } = app.store;

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { body: LoginInput, response: { 200: Me, 401: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => {
      const { ip: address, cookies } = req;
      const context = { address, now: app.clock(), demo: app.includeDemo, policy: app.sessionPolicy };
      const result = await signIn(app.store, { ...req.body, ...context, earlierToken: cookies[SESSION_COOKIE] });
      if (result.kind === 'locked') {
        const message = `too many failed sign-ins: try again in ${result.seconds} seconds`;
        return reply.code(429).header('retry-after', String(result.seconds)).send({ message });
      }
      if (result.kind === 'refused') return reply.code(401).send({ message: 'wrong username or password' });
      setSessionCookie(reply, result.token, result.expiresAt, req.protocol === 'https');
      return result.me;
    }
  );

  app.post('/auth/logout', { schema: { response: { 204: z.null() } } }, async (req, reply) => {
    const session = req.session!;
    sessions.revoke(session.tokenHash, app.clock());
    audit.append(
      { actor: session.username, action: 'auth.logout', entity: 'user', entityId: session.userId },
      app.clock()
    );
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  app.get('/auth/me', { schema: { response: { 200: Me, 401: ErrorBody } } }, async (req) => ({
    user: users.get(req.session!.userId),
    csrfToken: req.session!.csrfToken
  }));
};

/** The session's cookie: script-proof, same-site only, and Secure when the client reached us over TLS. */
function setSessionCookie(reply: FastifyReply, token: string, expiresAt: string, overTls: boolean) {
  // overTls: directly, or per a trusted proxy's X-Forwarded-Proto.
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: overTls,
    expires: new Date(expiresAt)
  });
}
