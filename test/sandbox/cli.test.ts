// The standalone sandbox as a user runs it (the built bin/sendgrid-sandbox.js; `npm run build` first):
// it prints its URL and a key, serves the API, and keeps its state in --state across a restart.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call } from './helpers';

const BIN = join(__dirname, '../../bin/sendgrid-sandbox.js');

async function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 10 s:\n${out}`)), 10_000);
    const check = setInterval(() => {
      if (/^API key: /m.test(out)) {
        clearTimeout(timer);
        clearInterval(check);
        resolve();
      }
    }, 50);
  });
  const url = /^SendGrid sandbox: (\S+)$/m.exec(out)![1]!;
  const key = /^API key: (\S+)/m.exec(out)![1]!;
  const stop = () => new Promise<number | null>((resolve) => (child.once('exit', resolve), child.kill('SIGTERM')));
  return { url, key, out, stop };
}

it('prints its URL and key, serves the API, and keeps --state across a restart', async () => {
  const state = join(mkdtempSync(join(tmpdir(), 'sandbox-cli-')), 'account.json');
  const first = await run(['--port', '0', '--state', state, '--no-webhooks']);
  expect(first.out).toMatch(/^SendGrid sandbox: http:\/\/127\.0\.0\.1:\d+$/m);
  const created = await call(first.url, 'POST', '/v3/marketing/lists', { name: 'From the CLI' }, { key: first.key });
  expect(created.status).toBe(201);
  expect(await first.stop()).toBe(0);

  const second = await run(['--port', '0', '--state', state]);
  try {
    const lists = await call(second.url, 'GET', '/v3/marketing/lists', undefined, { key: second.key });
    expect(lists.body.result.map((l: { name: string }) => l.name)).toContain('From the CLI');
  } finally {
    await second.stop();
  }
}, 30_000);

it.each([['--port', 'many'], ['--port', '0x50'], ['--port', '1e3'], ['--job-delay', '1.5'], ['--prot', '80']])('refuses %s %s with a clear message and the usage', async (flag, value) => {
  const child = spawn(process.execPath, [BIN, flag, value], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(err).toMatch(flag === '--prot' ? /Unknown option '--prot'/ : new RegExp(`${flag} must be a whole number`));
  expect(err).toContain('Usage: sendgrid-sandbox');
});
