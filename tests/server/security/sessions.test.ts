import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SESSIONS } from '../../../server/app.js';
import { SESSION_COOKIE } from '../../../server/auth/auth-plugin.js';
import { ACCOUNT_POLICY } from '../../../server/auth/lockout.js';
import { signIn, TEST_PASSWORD } from '../../support/sign-in.js';
import { testApp } from '../../support/test-app.js';

describe('sign-in and sessions', () => {
  let now: Date;
  let t: Awaited<ReturnType<typeof testApp>>;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  beforeEach(async () => {
    now = new Date('2024-02-01T09:00:00Z');
    t = await testApp({ clock: () => now });
  });
  afterEach(() => t.close());
  const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

  it('sets an HttpOnly, SameSite=Strict session cookie and answers who signed in with a CSRF token', async () => {
    await signIn(t.app, 'manager', 'mara');
    const res = await login('mara', TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ user: { username: 'mara', role: 'manager' }, csrfToken: expect.any(String) });
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { [SESSION_COOKIE]: cookie.value } });
    expect(me.json().user.username).toBe('mara');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    await signIn(t.app, 'manager', 'mara');
    const wrong = await login('mara', 'not-the-password-at-all');
    const unknown = await login('nobody', 'not-the-password-at-all');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks an account after repeated failures, with back-off, then lets the right password in again', async () => {
    await signIn(t.app, 'watch_officer', 'olga');
    for (let i = 0; i < ACCOUNT_POLICY.freeFailures; i++)
      expect((await login('olga', `wrong-password-${i}`)).statusCode).toBe(401);
    // The 5th failure locked the account for 30 s: even the right password waits.
    const locked = await login('olga', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(30);
    later(31);
    expect((await login('olga', 'wrong-again-password')).statusCode).toBe(401); // locks again, twice as long
    later(31);
    expect((await login('olga', TEST_PASSWORD)).statusCode).toBe(429);
    later(30);
    expect((await login('olga', TEST_PASSWORD)).statusCode).toBe(200);
    expect(t.app.store.sessions.throttle('user:olga')).toBeNull(); // success clears the count
  });

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < 21; i++) await login(`guess-${i}`, 'not-the-password-at-all', '10.9.9.9');
    expect((await login('anyone', 'whatever-password', '10.9.9.9')).statusCode).toBe(429);
    expect((await login('anyone', 'whatever-password', '10.9.9.8')).statusCode).toBe(401);
  });

  it('expires a session after the idle limit and after the absolute limit, even when in use', async () => {
    const user = await signIn(t.app, 'manager', 'ivan');
    const me = () => user.inject({ method: 'GET', url: '/api/auth/me' });
    later(DEFAULT_SESSIONS.idleMinutes * 60 - 5);
    expect((await me()).statusCode).toBe(200); // use resets the idle clock
    later(DEFAULT_SESSIONS.idleMinutes * 60 + 1);
    expect((await me()).statusCode).toBe(401);

    const busy = await signIn(t.app, 'manager', 'busy');
    for (let hours = 0; hours < DEFAULT_SESSIONS.maxHours; hours++) {
      expect((await busy.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
      later(3600);
    }
    expect((await busy.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('logout revokes the session on the server', async () => {
    const user = await signIn(t.app, 'manager', 'lou');
    expect((await user.inject({ method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await user.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('disabling an account or changing its role ends its sessions', async () => {
    const admin = await signIn(t.app, 'admin', 'ada');
    const victim = await signIn(t.app, 'watch_officer', 'vic');
    const id = t.app.store.users.byUsername('vic')!.id;
    await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { role: 'manager' } });
    expect((await victim.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    const again = await signIn(t.app, 'manager', 'vic');
    await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { disabled: true } });
    expect((await again.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
    expect((await login('vic', TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses weak passwords when an admin creates an account, naming the field', async () => {
    const admin = await signIn(t.app, 'admin', 'ada');
    for (const [password, problem] of [
      ['short-one', 'at least 12'],
      ['password1234', 'commonly used'],
      ['newuser-secret-x', 'username']
    ]) {
      const res = await admin.inject({
        method: 'POST',
        url: '/api/users',
        payload: { username: 'newuser', displayName: 'N', role: 'manager', password }
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().issues[0]).toMatchObject({ path: 'password', message: expect.stringContaining(problem) });
    }
  });
});
