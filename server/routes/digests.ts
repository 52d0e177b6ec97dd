import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import {
  Delivery,
  DigestDetail,
  DigestPreview,
  DigestSummary,
  ErrorBody,
  Subscription,
  SubscriptionInput,
  UserIdParams
} from '../schemas/index.js';
import { htmlResponse, redirectResponse } from '../schemas/text-responses.js';
import {
  archivedHtml,
  digestDetail,
  digestPreview,
  digestSummary,
  htmlForBrowser,
  setSubscription,
  subscriptionOf,
  unsubscribeByToken
} from '../services/digest-archive.js';

const IdParams = z.object({ id: z.coerce.number({ error: 'must be a digest id' }).int().positive() });
const HTML = 'text/html; charset=utf-8';

/** The digest archive, preview, subscriptions, and the public unsubscribe link. */
export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store, publicUrl: appUrl } = app;
  const subscriptionManagers = { roles: ['manager', 'admin'] as const };

  app.get('/digests', { schema: { response: { 200: z.array(DigestSummary) } } }, async () =>
    store.digests.list().map((d) => digestSummary(store, d))
  );

  app.get('/digests/preview', { schema: { response: { 200: DigestPreview } } }, async () => {
    const { subject, text, coversFrom, coversTo, quiet } = digestPreview(store, app.clock(), appUrl);
    return { subject, text, coversFrom, coversTo, quiet };
  });

  const previewHtml = htmlResponse('the next digest as its HTML mail part, images inline');
  app.get('/digests/preview/html', { schema: { response: { 200: previewHtml } } }, async (_req, reply) => {
    const { html, sparks } = digestPreview(store, app.clock(), appUrl);
    return reply.type(HTML).send(htmlForBrowser(html, sparks, appUrl));
  });

  app.get(
    '/digests/failures',
    { config: { roles: ['admin'] }, schema: { response: { 200: z.array(Delivery) } } },
    async () => store.digests.failures()
  );

  app.get(
    '/digests/:id',
    { schema: { params: IdParams, response: { 200: DigestDetail, 404: ErrorBody } } },
    async (req, reply) =>
      digestDetail(store, req.params.id, req.session!.role, appUrl) ?? reply.notFound(`no digest #${req.params.id}`)
  );

  const archived = htmlResponse('the digest as sent, its HTML part');
  app.get(
    '/digests/:id/html',
    { schema: { params: IdParams, response: { 200: archived, 404: ErrorBody } } },
    async (req, reply) => {
      const html = archivedHtml(store, req.params.id, appUrl);
      return html === null ? reply.notFound(`no digest #${req.params.id}`) : reply.type(HTML).send(html);
    }
  );

  app.get(
    '/digest/subscriptions',
    { config: subscriptionManagers, schema: { response: { 200: z.array(Subscription) } } },
    async () => store.digests.subscriptions()
  );

  app.put(
    '/digest/subscriptions/:id',
    {
      config: subscriptionManagers,
      schema: {
        params: UserIdParams,
        body: SubscriptionInput,
        response: { 200: z.array(Subscription), 404: ErrorBody }
      }
    },
    async (req, reply) => {
      if (!setSubscription(store, req.params.id, req.body.subscribed, actorOf(req)))
        return reply.notFound(`no user #${req.params.id}`);
      return store.digests.subscriptions();
    }
  );

  /** Anyone signed in may read and choose their own subscription. */
  app.get('/digest/subscription', { schema: { response: { 200: Subscription } } }, async (req) =>
    subscriptionOf(store, req.session!.userId)!
  );

  app.put(
    '/digest/subscription',
    { schema: { body: SubscriptionInput, response: { 200: Subscription } } },
    async (req) => {
      setSubscription(store, req.session!.userId, req.body.subscribed, actorOf(req));
      return subscriptionOf(store, req.session!.userId)!;
    }
  );

  await app.register(unsubscribeRoutes);
};

const TokenQuery = z.object({
  token: z.string().min(10, 'is not a valid unsubscribe token').max(100, 'is not a valid unsubscribe token')
});
const OneClickBody = z
  .object({ 'List-Unsubscribe': z.literal('One-Click', { error: 'must be One-Click' }) })
  .optional();
const Unsubscribed = z.object({ username: z.string(), subscribed: z.literal(false) });

/**
 * Unsubscribing by the mail's token: the token alone identifies the reader (no session, no CSRF
 * token: it is the credential). Opening the link (GET, and a mail scanner's HEAD) changes nothing:
 * it leads to the SPA's unsubscribe page, whose button POSTs, as does a mail client's one-click
 * (RFC 8058) request.
 */
const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  // RFC 8058's one-click POST is a form body; only this route reads forms.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 1024 },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string)))
  );

  const toPage = redirectResponse('to the unsubscribe page, whose button unsubscribes');
  app.get(
    '/digest/unsubscribe',
    { config: { public: true }, schema: { querystring: TokenQuery, response: { 303: toPage } } },
    async (req, reply) => reply.redirect(`/unsubscribe?token=${encodeURIComponent(req.query.token)}`, 303)
  );

  app.post(
    '/digest/unsubscribe',
    {
      config: { public: true },
      schema: { querystring: TokenQuery, body: OneClickBody, response: { 200: Unsubscribed, 404: ErrorBody } }
    },
    async (req, reply) =>
      unsubscribeByToken(app.store, req.query.token, app.clock()) ??
      reply.code(404).send({ message: 'This unsubscribe link is not valid.' })
  );
};
