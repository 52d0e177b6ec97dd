import { listDemoAccounts } from '$lib/api/auth.js';
import type { PageLoad } from './$types.js';

export const load = (async ({ fetch }) => ({ demoAccounts: await listDemoAccounts(fetch) })) satisfies PageLoad;
