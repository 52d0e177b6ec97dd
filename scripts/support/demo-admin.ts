// The measuring scripts look at pages as the demonstration administrator sees them.
import type { App } from '../../server/app.js';
import { DEMO_ACCOUNTS } from '../../server/auth/demo-accounts.js';
import { SESSION_COOKIE } from '../../server/auth/auth-plugin.js';

/** Signs the demo administrator in through the real login route; answers the session cookie's value. */
export async function demoAdminSession(app: App): Promise<string> {
  const admin = DEMO_ACCOUNTS.find((a) => a.role === 'admin')!;
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: admin.username, password: admin.password }
  });
  return login.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
}
