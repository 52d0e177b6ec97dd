import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { App } from '../../server/app.js';
import { SESSION_COOKIE } from '../../server/auth/auth-plugin.js';
import type { Role } from '../../server/schemas/index.js';

export const TEST_PASSWORD = 'long-enough-test-secret';

export interface Client {
  username: string;
  cookie: string;
  csrfToken: string;
  /** inject with this user's session cookie and CSRF header. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

/** Creates `username` with `role` if needed and signs in through the real login route. */
export async function signIn(app: App, role: Role, username = `test-${role.replace('_', '-')}`): Promise<Client> {
  if (!app.store.users.byUsername(username)) {
    await app.accounts.create(
      { username, displayName: username, role, password: TEST_PASSWORD, email: `${username}@example.org` },
      { now: app.clock(), actor: 'test' }
    );
  }
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: TEST_PASSWORD }
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const csrfToken = res.json().csrfToken as string;
  return {
    username,
    cookie,
    csrfToken,
    inject: (options) =>
      app.inject({
        ...options,
        cookies: { [SESSION_COOKIE]: cookie, ...(options.cookies ?? {}) },
        headers: { 'x-csrf-token': csrfToken, ...(options.headers ?? {}) }
      })
  };
}
