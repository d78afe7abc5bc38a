// Several agents on one HTTP server (--policy FILE), through the built server: `agents add` writes
// only a token's hash, each agent sees and may call only what its policy grants, secrets work by URL
// path or bearer, unknown and expired secrets all get the same answer, and the audit log names the agent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import operations from '../../operations';
import { tokenHash } from '../../mcp/policy-file';
import { call, initialize, mcpHeaders, textOf } from './flows';
import { cleanEnv, killAll, requireBuild, spawnCli, type Spawned } from './processes';

jest.setTimeout(30_000);
beforeAll(requireBuild);
afterAll(killAll);

const clients: Client[] = [];
afterEach(async () => void (await Promise.all(clients.splice(0).map((c) => c.close()))));

const folder = () => mkdtempSync(join(tmpdir(), 'sendgrid-agents-'));

/** `agents add`, returning its exit code, its output and the token it printed. */
async function add(file: string, name: string, flags: string[] = []) {
  const run = spawnCli(['agents', 'add', name, '--policy', file, ...flags]);
  const code = await run.exited;
  const token = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(run.stdout.text)?.[1];
  return { code, stdout: run.stdout.text, stderr: run.stderr.text, token: token! };
}

async function serve(args: string[]): Promise<{ server: Spawned; url: string }> {
  const server = spawnCli(['--http', '--port', '0', '--sandbox', ...args]);
  const [, url] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
  return { server, url: url! };
}

async function connect(url: string, headers: Record<string, string> = {}) {
  const client = new Client({ name: 'agents-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  clients.push(client);
  return client;
}

const post = async (url: string, headers: Record<string, string> = {}) => {
  const answer = await fetch(url, { method: 'POST', headers: { ...mcpHeaders, ...headers }, body: initialize });
  return { status: answer.status, body: await answer.text(), authenticate: answer.headers.get('www-authenticate') };
};

const keys = (filter: (op: (typeof operations)[number]) => boolean) => operations.filter(filter).map((op) => op.key).sort();
const listed = async (client: Client) => (await client.listTools()).tools.map((t) => t.name).sort();
const isCustom = (op: (typeof operations)[number]) => op.tags.includes('advanced');

describe('agents add', () => {
  it('prints a new token once, writes only its hash (mode 0600), and a second add replaces the token', async () => {
    const file = join(folder(), 'policy.json');
    const first = await add(file, 'reporting', ['--methods', 'read', '--tags', 'stats,lists', '--expires-at', '2099-01-01T00:00:00Z']);
    expect(first.code).toBe(0);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.stdout).toContain(`/mcp/${first.token}`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(first.token);
    expect(JSON.parse(text)).toEqual({
      agents: [{ name: 'reporting', token_sha256: tokenHash(first.token), methods: ['read'], tags: ['stats', 'lists'], allow_destructive: false, expires_at: '2099-01-01T00:00:00Z' }],
    });

    const again = await add(file, 'reporting', ['--methods', 'read,write']);
    expect(again.token).not.toBe(first.token);
    const { agents } = JSON.parse(readFileSync(file, 'utf8'));
    expect(agents).toEqual([{ name: 'reporting', token_sha256: tokenHash(again.token), methods: ['read', 'write'], allow_destructive: false }]);
  });

  it.each([
    [['--methods', 'delete'], /--methods takes read, write, custom/],
    [['--expires-at', '2020-01-01T00:00:00Z'], /--expires-at must be a future ISO-8601 time/],
  ])('%j is refused and writes nothing', async (flags, reason) => {
    const file = join(folder(), 'policy.json');
    const run = await add(file, 'x', flags);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(reason);
    expect(() => statSync(file)).toThrow();
  });
});

describe('two agents on one server', () => {
  let url: string;
  let server: Spawned;
  let reader: string;
  let writer: string;
  let audit: string;
  const expired = 'expired-token-0123456789abcdefghijklmnopq';

  beforeAll(async () => {
    const dir = folder();
    const file = join(dir, 'policy.json');
    audit = join(dir, 'audit.jsonl');
    reader = (await add(file, 'reader', ['--methods', 'read'])).token;
    writer = (await add(file, 'writer', ['--methods', 'read,write', '--allow-destructive'])).token;
    // An agent whose access has ended: kept in the file, refused like an unknown secret.
    const policy = JSON.parse(readFileSync(file, 'utf8'));
    policy.agents.push({ name: 'gone', token_sha256: tokenHash(expired), methods: ['read'], expires_at: '2020-01-01T00:00:00Z' });
    writeFileSync(file, JSON.stringify(policy));
    ({ server, url } = await serve(['--policy', file, '--audit-log', audit]));
  });

  it('each sees only what its policy grants, and is refused the rest at call time', async () => {
    const byPath = await connect(`${url}/${reader}`);
    expect(await listed(byPath)).toEqual(keys((op) => op.access === 'read' && !isCustom(op)));
    expect((await call(byPath, 'list_lists', {})).isError).toBeFalsy();
    const refused = await call(byPath, 'create_list', { name: 'Not for readers' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/There is no tool named "create_list"/);

    const byBearer = await connect(url, { Authorization: `Bearer ${writer}` });
    expect(await listed(byBearer)).toEqual(keys((op) => !isCustom(op)));
    const created = await call(byBearer, 'create_list', { name: 'Written by the writer' });
    expect(created.isError).toBeFalsy();
    const { id } = created.structuredContent as { id: string };
    expect((await call(byBearer, 'delete_list', { id })).isError).toBeFalsy();
    expect(textOf(await call(byBearer, 'api_request', { method: 'GET', path: '/v3/marketing/lists' }))).toMatch(/There is no tool named "api_request"/);
  });

  it('missing, wrong and expired secrets get 401 by header and 404 by path, each with one body', async () => {
    const byHeader = [await post(url), await post(url, { Authorization: 'Bearer wrong-token-0123456789abcdefghijklmnopqrs' }), await post(url, { Authorization: `Bearer ${expired}` })];
    for (const answer of byHeader) expect(answer).toEqual({ ...byHeader[0], status: 401, authenticate: 'Bearer' });
    expect(byHeader[0]!.body).not.toMatch(/reader|writer|gone|expired/i);

    const byPath = [await post(`${url}/wrong-token-0123456789abcdefghijklmnopqrs`), await post(`${url}/${expired}`), await post(`${url.replace(/\/mcp$/, '')}/elsewhere`)];
    for (const answer of byPath) expect(answer).toEqual({ ...byPath[0], status: 404 });
    // The secret path works by path alone; a bearer does not make a wrong path right.
    expect((await post(`${url}/${writer.slice(0, -1)}x`, { Authorization: `Bearer ${writer}` })).status).toBe(404);
    expect((await post(`${url}/${reader}`)).status).toBe(200);
  });

  it('the audit log names the agent of each call and never holds a token', async () => {
    const client = await connect(url, { Authorization: `Bearer ${writer}` });
    // A token passed as an argument is still left out.
    await call(client, 'create_list', { name: writer });
    const readerClient = await connect(`${url}/${reader}`);
    await call(readerClient, 'list_lists', {});
    const text = readFileSync(audit, 'utf8');
    const lines = text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(['reader', 'writer']).toContain(line.agent);
    expect(lines).toContainEqual(expect.objectContaining({ agent: 'writer', tool: 'create_list', arguments: { name: '[redacted]' } }));
    expect(lines.at(-1)).toMatchObject({ agent: 'reader', tool: 'list_lists', outcome: 'ok' });
    expect(text).not.toContain(writer);
    expect(text).not.toContain(reader);
    await server.stderr.until(/^audit: \S+ reader list_lists ok in \d+ ms$/m);
    expect(server.stdout.text + server.stderr.text).not.toContain(reader);
  });
});

describe('credentials', () => {
  it('an agent calls SendGrid with its own key or subuser, else the server\'s', async () => {
    const seen: { authorization?: string; onBehalfOf?: string | string[] }[] = [];
    const sendgrid = createServer((request, response) => {
      if (request.url?.startsWith('/v3/marketing/lists')) seen.push({ authorization: request.headers.authorization, onBehalfOf: request.headers['on-behalf-of'] });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ result: [], _metadata: { count: 0 } }));
    });
    await new Promise<void>((done) => sendgrid.listen(0, '127.0.0.1', done));
    try {
      const file = join(folder(), 'policy.json');
      const token = (name: string) => `${name}-token-0123456789abcdefghijklmnop`;
      const agent = (name: string, extra: Record<string, unknown>) => ({ name, token_sha256: tokenHash(token(name)), methods: ['read'], ...extra });
      writeFileSync(file, JSON.stringify({ agents: [agent('own', { api_key: 'SG.agent-own-key' }), agent('sub', { on_behalf_of: 'subuser-7' }), agent('plain', {})] }));
      const base = `http://127.0.0.1:${(sendgrid.address() as AddressInfo).port}`;
      const server = spawnCli(['--http', '--port', '0', '--ignore-scopes', '--policy', file], cleanEnv({ SENDGRID_API_KEY: 'SG.server-key', SENDGRID_API_BASE_URL: base }));
      const [, url] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
      for (const name of ['own', 'sub', 'plain']) expect((await call(await connect(`${url}/${token(name)}`), 'list_lists', {})).isError).toBeFalsy();
      expect(seen).toEqual([
        { authorization: 'Bearer SG.agent-own-key', onBehalfOf: undefined },
        { authorization: 'Bearer SG.server-key', onBehalfOf: 'subuser-7' },
        { authorization: 'Bearer SG.server-key', onBehalfOf: undefined },
      ]);
    } finally {
      sendgrid.close();
    }
  });
});

describe('start-up', () => {
  const policyWith = (agent: Record<string, unknown>) => {
    const file = join(folder(), 'policy.json');
    writeFileSync(file, JSON.stringify({ agents: [{ name: 'ops', token_sha256: tokenHash('t'.repeat(43)), methods: ['read'], ...agent }] }));
    return file;
  };

  it.each([
    [() => ['--sandbox', '--policy', policyWith({})], /--policy applies to --http only/],
    [() => ['--http', '--sandbox', '--auth-token', 'x'.repeat(20), '--policy', policyWith({})], /--policy and --auth-token .* choose one/],
    [() => ['--http', '--sandbox', '--read-only', '--policy', policyWith({})], /--read-only does not apply with --policy/],
    [() => ['--http', '--sandbox', '--policy', policyWith({ metods: ['read'] })], /agent "ops": unknown field\(s\) "metods"/],
    [() => ['--http', '--sandbox', '--policy', policyWith({ methods: ['delete'] })], /agent "ops": "methods" must list/],
    [() => ['--http', '--sandbox', '--policy', policyWith({ expires_at: 'soon' })], /agent "ops": "expires_at" must be an ISO-8601 time/],
    [() => ['--http', '--sandbox', '--policy', policyWith({ token_sha256: 'secret' })], /agent "ops": "token_sha256" must be the SHA-256/],
    [() => ['--http', '--sandbox', '--policy', policyWith({ methods: ['custom'] })], /agent "ops" .* leaves it no tool/],
  ])('%#: a wrong setting or policy file stops the server with the reason', async (args, reason) => {
    const run = spawnCli(args());
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(reason);
  });

  it('serves off loopback without --auth-token: every request needs an agent\'s secret', async () => {
    const file = policyWith({ on_behalf_of: 'subuser-1', api_key: 'SG.own-key' });
    const run = spawnCli(['--http', '--host', '0.0.0.0', '--port', '0', '--sandbox', '--policy', file]);
    await run.stdout.until(/^SendGrid MCP server: /m);
    // The agents line follows the URL line, perhaps in a later chunk of output.
    await run.stdout.until(/1 agent\(s\): ops \(\d+ tools\)/);
  });
});
