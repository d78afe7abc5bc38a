// What an agent may do through the built server: destructive tools off by default, filters by method
// and area, an end time, and an audit line per call — listed and enforced at call time alike.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import operations from '../../operations';
import { call, initialize, mcpHeaders, textOf } from './flows';
import { BIN, cleanEnv, killAll, Output, requireBuild, spawnCli } from './processes';

jest.setTimeout(30_000);
beforeAll(requireBuild);
afterAll(killAll);

const clients: Client[] = [];
afterEach(async () => void (await Promise.all(clients.splice(0).map((c) => c.close()))));

async function connect(args: string[], env = cleanEnv()) {
  const client = new Client({ name: 'policy-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', ...args], env }));
  clients.push(client);
  return client;
}

/** The built server against a sandbox of the test's own, whose state the test can read. */
async function connectTo(baseUrl: string, args: string[]) {
  const client = new Client({ name: 'policy-test', version: '1.0.0' });
  const env = cleanEnv({ SENDGRID_API_KEY: 'SG.policy-test-key.0123', SENDGRID_API_BASE_URL: baseUrl });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, ...args], env }));
  clients.push(client);
  return client;
}

const keys = (filter: (op: (typeof operations)[number]) => boolean) => operations.filter(filter).map((op) => op.key).sort();
const listed = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();

describe('filters and gates', () => {
  it('leaves destructive tools out by default, listed and called', async () => {
    const client = await connect([]);
    expect(await listed(client)).toEqual(keys((op) => op.access !== 'destructive'));
    const refused = await call(client, 'delete_list', { id: '00000000-0000-4000-8000-000000000001' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/There is no tool named "delete_list"/);
  });

  it('offers them with --allow-destructive', async () => {
    const client = await connect(['--allow-destructive']);
    expect(await listed(client)).toEqual(keys(() => true));
  });

  it('--read-only lists and runs reads only', async () => {
    const client = await connect(['--read-only']);
    expect(await listed(client)).toEqual(keys((op) => op.access === 'read'));
    expect(textOf(await call(client, 'create_list', { name: 'Nope' }))).toMatch(/There is no tool named "create_list"/);
    expect((await call(client, 'list_lists', {})).isError).toBeFalsy();
  });

  it('--methods custom with --allow-destructive is the raw request alone; --tags narrows to areas', async () => {
    const custom = await connect(['--methods', 'custom', '--allow-destructive']);
    expect(await listed(custom)).toEqual(['api_request']);
    const lists = await connect(['--tags', 'lists,segments']);
    expect(await listed(lists)).toEqual(keys((op) => op.access !== 'destructive' && op.tags.some((t) => t === 'lists' || t === 'segments')));
  });

  it.each([
    [['--methods', 'custom'], /leave no tool/],
    [['--methods', 'reed'], /--methods takes read, write, custom/],
    [['--tags', 'mail,nothing'], /--tags takes .*not "nothing"/],
    [['--read-only', '--methods', 'write'], /--read-only is --methods read/],
    [['--expires-at', '2020-01-01T00:00:00Z'], /is already past/],
    [['--expires-at', 'tomorrow'], /--expires-at must be an ISO-8601 time/],
  ])('%j stops the server at start with the reason', async (args, reason) => {
    const run = spawnCli(['--sandbox', ...args]);
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(reason);
  });
});

describe('--expires-at', () => {
  it('refuses every call after the end time, and the HTTP server answers 401', async () => {
    const end = new Date(Date.now() + 4000).toISOString();
    const client = await connect(['--expires-at', end]);
    expect((await call(client, 'list_lists', {})).isError).toBeFalsy();
    const server = spawnCli(['--http', '--port', '0', '--sandbox', '--expires-at', end]);
    const [, url] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
    await new Promise((done) => setTimeout(done, Date.parse(end) - Date.now() + 200));
    const late = await call(client, 'list_lists', {});
    expect(late.isError).toBe(true);
    expect(textOf(late)).toMatch(/access ended at .*every call is refused/);
    const answer = await fetch(url!, { method: 'POST', headers: mcpHeaders, body: initialize });
    expect(answer.status).toBe(401);
  });
});

describe('--dry-run', () => {
  it('over stdio, returns the mail it would send and the sandbox receives no write', async () => {
    const { startSandbox } = await import('../../sandbox/server');
    const sandbox = await startSandbox({ webhookDelivery: false });
    try {
      const client = await connectTo(sandbox.url, ['--dry-run']);
      const shown = await call(client, 'send_email', { to: ['ada@example.com'], from_email: 'orders@example.com', subject: 'Hi', text: 'Hello' });
      const list = await call(client, 'create_list', { name: 'Not made' });
      expect(shown.structuredContent).toMatchObject({ dry_run: true, sent: false, request: { method: 'POST' } });
      expect(list.structuredContent).toMatchObject({ dry_run: true, request: { method: 'POST', body: { name: 'Not made' } } });
      expect(sandbox.state.mail).toHaveLength(0);
      expect(sandbox.state.lists.map((l) => l.name)).not.toContain('Not made');
    } finally {
      await sandbox.close();
    }
  });
});

describe('--audit-log', () => {
  it('writes one line per call, bodies and the key left out, and a readable line on stderr', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sendgrid-audit-')), 'audit.jsonl');
    const client = new Client({ name: 'audit-test', version: '1.0.0' });
    const transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', '--audit-log', file], env: cleanEnv(), stderr: 'pipe' });
    const stderr = new Output(transport.stderr as NodeJS.ReadableStream | null);
    await client.connect(transport);
    clients.push(client);
    await call(client, 'send_email', { to: ['ada@example.com'], from_email: 'orders@example.com', subject: 'Secret plans', text: 'The body nobody should log.' });
    await call(client, 'create_list', { name: 'x'.repeat(101) });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ agent: null, tool: 'send_email', outcome: 'ok', sendgrid_id: expect.any(String), duration_ms: expect.any(Number) });
    expect(lines[0].arguments).toMatchObject({ to: ['ada@example.com'], subject: expect.stringMatching(/^\[left out: \d+ characters\]$/), text: expect.stringMatching(/^\[left out/) });
    expect(JSON.stringify(lines)).not.toMatch(/Secret plans|nobody should log/);
    expect(lines[1]).toMatchObject({ tool: 'create_list', outcome: 'error' });
    await stderr.until(/^audit: \S+ owner send_email ok in \d+ ms$/m);
    await stderr.until(/^audit: \S+ owner create_list error in \d+ ms$/m);
  });
});
