// `npm run users -- <command>`: manage accounts from the shell, on the database WATCHFLOOR_DB names.
//   add <username> --role <role> [--email <address>] [--name <display name>]   (asks for the password)
//   list | set-role <username> <role> | reset-password <username> | disable <username> | enable <username>
// The password is read from the terminal without echo, or from standard input when it is not a terminal.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDb } from '../db/open-db.js';
import { createStore } from '../db/store.js';
import { InputError } from '../errors.js';
import { Role, UserCreate } from '../schemas/index.js';
import { unsafeTextProblem } from '../schemas/safe-text.js';
import { createAccounts } from '../services/accounts.js';

async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0];
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
    if (s.includes(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

const USAGE = `usage: npm run users -- add <username> --role watch_officer|manager|admin [--email <address>] [--name <display name>]
       npm run users -- list | set-role <username> <role> | reset-password <username> | disable <username> | enable <username>`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } }
  });
  const [command, username, extra] = positionals;
  const config = loadConfig();
  const db = openDb(config.dbFile);
  try {
    migrate(db);
    const store = createStore(db, { includeDemo: config.demo });
    const accounts = createAccounts(store, { includeDemo: config.demo });
    const who = { now: new Date(), actor: `cli:${process.env.USER ?? 'shell'}` };
    const user = () => {
      const u = username ? store.users.byUsername(username) : null;
      if (!u) throw new Error(`no user "${username ?? ''}"\n${USAGE}`);
      return u;
    };
    switch (command) {
      case 'list':
        for (const u of store.users.list()) {
          console.log(
            `${u.username.padEnd(20)} ${u.role.padEnd(14)} ${(u.email ?? '-').padEnd(30)} ${u.disabled ? 'disabled' : 'active'}`
          );
        }
        break;
      case 'add': {
        const role = Role.parse(values.role);
        // The same refusal of control and bidirectional characters as the API's.
        for (const [field, value] of Object.entries({ name: values.name, email: values.email })) {
          const problem = value === undefined ? null : unsafeTextProblem(value);
          if (problem) throw new InputError(400, field, problem);
        }
        if (values.email !== undefined && !UserCreate.shape.email.safeParse(values.email).success) {
          throw new InputError(400, 'email', 'must be an email address');
        }
        if (!username) throw new Error(USAGE);
        const password = await readPassword(`Password for ${username}: `);
        const created = await accounts.create(
          { username, role, displayName: values.name ?? username, email: values.email, password },
          who
        );
        console.log(`Created ${created.username} (${created.role}).`);
        break;
      }
      case 'set-role':
        console.log(`${accounts.update(user().id, { role: Role.parse(extra) }, who).username} is now ${extra}.`);
        break;
      case 'reset-password': {
        const u = user();
        await accounts.resetPassword(u.id, await readPassword(`New password for ${u.username}: `), who);
        console.log(`Password reset for ${u.username}; their sessions are revoked.`);
        break;
      }
      case 'disable':
      case 'enable':
        accounts.update(user().id, { disabled: command === 'disable' }, who);
        console.log(`${username} ${command}d.`);
        break;
      default:
        throw new Error(USAGE);
    }
  } finally {
    db.close();
  }
}

main().catch((err) => {
  const message =
    err instanceof InputError
      ? `${err.path}: ${err.message}`
      : err?.issues
        ? `role: ${err.issues[0].message}`
        : err.message;
  console.error(message);
  process.exit(1);
});
