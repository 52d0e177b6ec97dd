import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth-plugin.js';
import { composeDigest, UNSUBSCRIBE_PLACEHOLDER, type DigestSpark } from '../analysis/digest.js';
import type { DigestRow } from '../db/digest-repository.js';
import { sparklinePng } from '../mail/sparkline-png.js';
import { Delivery, DigestDetail, DigestPreview, DigestSummary, ErrorBody, Subscription, SubscriptionInput, UserIdParams } from '../schemas/index.js';
import { htmlResponse, redirectResponse } from '../schemas/text-responses.js';
import { digestInput } from '../services/digest-input.js';

const IdParams = z.object({ id: z.coerce.number({ error: 'must be a digest id' }).int().positive() });

/** A digest's HTML as the app shows it: images inline (no mail attachments here), settings instead of unsubscribe. */
function forBrowser(html: string, sparks: DigestSpark[], appUrl: string): string {
  let out = html.replaceAll(UNSUBSCRIBE_PLACEHOLDER, `${appUrl}/settings`);
  for (const s of sparks) out = out.replaceAll(`cid:${s.cid}`, `data:image/png;base64,${sparklinePng(s.values).toString('base64')}`);
  return out;
}

/** The digest archive, preview, subscriptions, and the public unsubscribe link. */
export const digestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { digests, audit } = app.store;
  const appUrl = app.publicUrl;
  const subscriptionManagers = { roles: ['manager', 'admin'] as const };
  const summary = (d: DigestRow) => {
    const { html: _h, text: _t, sparksJson: _s, ...rest } = d;
    return { ...rest, deliveries: digests.deliveryCounts(d.id) };
  };
  const html = (reply: { type: (t: string) => unknown }, body: string) => {
    reply.type('text/html; charset=utf-8');
    return body;
  };
  const preview = () => {
    const last = digests.lastSent();
    const coversTo = app.clock().toISOString();
    return { coversFrom: last?.coversTo ?? null, coversTo, ...composeDigest(digestInput(app.store, { coversFrom: last?.coversTo ?? null, coversTo, appUrl })) };
  };

  app.get('/digests', { schema: { response: { 200: z.array(DigestSummary) } } }, async () => digests.list().map(summary));

  app.get('/digests/preview', { schema: { response: { 200: DigestPreview } } }, async () => {
    const { subject, text, coversFrom, coversTo, quiet } = preview();
    return { subject, text, coversFrom, coversTo, quiet };
  });

  app.get('/digests/preview/html', { schema: { response: { 200: htmlResponse('the next digest as its HTML mail part, images inline') } } }, async (_req, reply) => {
    const p = preview();
    return html(reply, forBrowser(p.html, p.sparks, appUrl));
  });

  app.get('/digests/failures', { config: { roles: ['admin'] }, schema: { response: { 200: z.array(Delivery) } } }, async () => digests.failures());

  app.get('/digests/:id', { schema: { params: IdParams, response: { 200: DigestDetail, 404: ErrorBody } } }, async (req, reply) => {
    const d = digests.get(req.params.id);
    if (!d) return reply.notFound(`no digest #${req.params.id}`);
    // Addresses are personal data: watch officers see who received a digest, not where.
    const showAddresses = req.session!.role === 'manager' || req.session!.role === 'admin';
    const recipients = digests.deliveries(d.id).map(({ email, ...rest }) =>
      // A mail server's refusal often quotes the address: hide it there too.
      showAddresses ? { ...rest, email } : { ...rest, lastError: rest.lastError?.replaceAll(email, '(address hidden)') ?? null }
    );
    return { ...summary(d), text: d.text.replaceAll(UNSUBSCRIBE_PLACEHOLDER, `${appUrl}/settings`), recipients };
  });

  app.get('/digests/:id/html', { schema: { params: IdParams, response: { 200: htmlResponse('the digest as sent, its HTML part'), 404: ErrorBody } } }, async (req, reply) => {
    const d = digests.get(req.params.id);
    if (!d) return reply.notFound(`no digest #${req.params.id}`);
    return html(reply, forBrowser(d.html, JSON.parse(d.sparksJson), appUrl));
  });

  app.get('/digest/subscriptions', { config: subscriptionManagers, schema: { response: { 200: z.array(Subscription) } } }, async () => digests.subscriptions());

  app.put(
    '/digest/subscriptions/:id',
    { config: subscriptionManagers, schema: { params: UserIdParams, body: SubscriptionInput, response: { 200: z.array(Subscription), 404: ErrorBody } } },
    async (req, reply) => {
      if (!digests.setSubscribed(req.params.id, req.body.subscribed)) return reply.notFound(`no user #${req.params.id}`);
      audit.append({ actor: actorOf(req).actor, action: 'digest.subscription', entity: 'user', entityId: req.params.id, after: req.body }, app.clock());
      return digests.subscriptions();
    }
  );

  /** Anyone signed in may read and choose their own subscription. */
  app.get('/digest/subscription', { schema: { response: { 200: Subscription } } }, async (req) =>
    digests.subscriptions().find((s) => s.userId === req.session!.userId)!
  );

  app.put('/digest/subscription', { schema: { body: SubscriptionInput, response: { 200: Subscription } } }, async (req) => {
    const { userId } = req.session!;
    digests.setSubscribed(userId, req.body.subscribed);
    audit.append({ actor: actorOf(req).actor, action: 'digest.subscription', entity: 'user', entityId: userId, after: req.body }, app.clock());
    return digests.subscriptions().find((s) => s.userId === userId)!;
  });

  await app.register(unsubscribeRoutes);
};

const TokenQuery = z.object({ token: z.string().min(10, 'is not a valid unsubscribe token').max(100, 'is not a valid unsubscribe token') });
const OneClickBody = z.object({ 'List-Unsubscribe': z.literal('One-Click', { error: 'must be One-Click' }) }).optional();
const Unsubscribed = z.object({ username: z.string(), subscribed: z.literal(false) });

/**
 * Unsubscribing by the mail's token: the token alone identifies the reader (no session, no CSRF
 * token: it is the credential). Opening the link (GET, and a mail scanner's HEAD) changes nothing:
 * it leads to a page whose button POSTs, as does a mail client's one-click (RFC 8058) request.
 */
const unsubscribeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { digests, audit } = app.store;
  // RFC 8058's one-click POST is a form body; only this route reads forms.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_req, body, done) =>
    done(null, Object.fromEntries(new URLSearchParams(body as string)))
  );

  app.get('/digest/unsubscribe', { config: { public: true }, schema: { querystring: TokenQuery, response: { 303: redirectResponse('to the unsubscribe page, whose button unsubscribes') } } }, async (req, reply) =>
    reply.redirect(`/unsubscribe?token=${encodeURIComponent(req.query.token)}`, 303)
  );

  app.post(
    '/digest/unsubscribe',
    { config: { public: true }, schema: { querystring: TokenQuery, body: OneClickBody, response: { 200: Unsubscribed, 404: ErrorBody } } },
    async (req, reply) => {
      const user = digests.userByToken(req.query.token);
      if (!user) return reply.code(404).send({ message: 'This unsubscribe link is not valid.' });
      digests.setSubscribed(user.id, false);
      audit.append({ actor: user.username, action: 'digest.unsubscribe', entity: 'user', entityId: user.id }, app.clock());
      return { username: user.username, subscribed: false as const };
    }
  );
};
