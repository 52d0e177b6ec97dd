import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DemoAccounts } from '../schemas/index.js';
import { usableDemoAccounts } from '../services/demo-accounts.js';

/** The demonstration accounts, for the sign-in page: public, and empty without demonstration data. */
export const demoAccountRoutes: FastifyPluginAsyncZod<{ demoShown: boolean }> = async (app, options) => {
  app.get(
    '/auth/demo-accounts',
    { config: { public: true }, schema: { response: { 200: DemoAccounts } } },
    async () => ({
      accounts: await usableDemoAccounts(app.store, options.demoShown)
    })
  );
};
