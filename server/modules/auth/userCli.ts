/**
 * `npm run user -- add <username> --role <role> [--agency <agency>] [--disable|--enable]`: creates or
 * updates a user of the running instance (PORT/DATA_DIR, or NEO4J_URI). The password is read from
 * standard input, never from the command line (which other users of the machine can see): type it at
 * the prompt, or pipe it in.
 *
 * `npm run user -- add <username> --disable` (or `--enable`), without `--role`, changes only that of
 * an existing user and asks for no password. Disabling a user, or changing their role, agency or
 * password, ends their sessions within seconds.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { Database } from '../../db/database.js';
import { findRunningLocal } from '../../db/localNeo4j.js';
import { applySchema } from '../../db/schema.js';
import { ROLES, upsertUser } from './users.js';

function fail(message: string): never {
  console.error(`user: ${message}`);
  process.exit(1);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += chunk;
    return text.replace(/\r?\n$/, '');
  }
  // On a terminal: prompt, and do not echo what is typed.
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
  let prompted = false;
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
    if (!prompted) {
      write.call(rl, s);
      prompted = true;
    }
  };
  const answer = await new Promise<string>((resolve) => rl.question('Password: ', resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { role: { type: 'string' }, agency: { type: 'string' }, disable: { type: 'boolean' }, enable: { type: 'boolean' } },
  });
  const [command, username] = positionals;
  if (command !== 'add' || !username) fail(`usage: npm run user -- add <username> (--role <${ROLES.join('|')}> [--agency <agency>] | --disable | --enable)`);
  if (values.disable && values.enable) fail('give --disable or --enable, not both');
  const disabled = values.disable ? true : values.enable ? false : undefined;
  if (!values.role && disabled === undefined) fail(`give --role (${ROLES.join(', ')}), or --disable / --enable for an existing user`);
  const config = loadConfig();
  const target = config.external ?? findRunningLocal(config.dataDir);
  if (!target) fail(`no running instance for DATA_DIR ${config.dataDir}: start it with \`npm start\` first (or set NEO4J_URI).`);
  // Only enabling or disabling: the password stays as it is.
  const password = values.role ? await readPassword() : undefined;
  const db = Database.connect(target.uri, target.user, target.password);
  try {
    await db.waitUntilReady(10_000);
    await applySchema(db);
    const { created, sessionsEnded } = await upsertUser(db, username, { role: values.role, password, agency: values.agency, disabled });
    const what = [values.role && `with role ${values.role}`, disabled === true && 'disabled', disabled === false && 'enabled'].filter(Boolean).join(', ');
    console.log(`${created ? 'Created' : 'Updated'} user ${username.toLowerCase()}${what ? ` ${what}` : ''}.${sessionsEnded ? ' Their sessions end within seconds.' : ''}`);
  } catch (e) {
    fail((e as Error).message);
  } finally {
    await db.close();
  }
}

void main();
