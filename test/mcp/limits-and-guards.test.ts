// The built server under abuse: oversized messages on either transport, bad start-up settings,
// tokens, foreign origins, and clients that walk away mid-call.
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initialize, mcpHeaders } from './flows';
import { cleanEnv, killAll, requireBuild, spawnCli, type Spawned } from './processes';

jest.setTimeout(30_000);

beforeAll(requireBuild);
afterAll(killAll);

const MiB = 1024 * 1024;
const TOKEN = 'test-token-0123456789abcdef';


interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers; `abortAfterMs` walks away before the answer. */
function post(url: string, { headers = mcpHeaders as Record<string, string>, body = initialize as string | Buffer, abortAfterMs = 0 } = {}) {
  return new Promise<Answer | 'aborted'>((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers: { connection: 'close', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    // A server may answer (413) and close before the whole body is written: the answer still counts.
    req.on('error', (error) => (abortAfterMs ? resolve('aborted') : reject(error)));
    if (abortAfterMs) setTimeout(() => (req.destroy(), resolve('aborted')), abortAfterMs);
    req.end(body);
  });
}

async function serve(args: string[], env = cleanEnv()): Promise<{ server: Spawned; url: string }> {
  const server = spawnCli(['--http', '--port', '0', ...args], env);
  const [, url] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
  return { server, url: url! };
}

describe('start-up settings', () => {
  it.each([
    [['--http', '--port', '0x50', '--sandbox'], /--port must be a whole number/],
    [['--port', '3000', '--sandbox'], /--port applies to --http only/],
    [['--sandbx'], /Unknown option '--sandbx'/],
    [['--http', '--host', '0.0.0.0', '--sandbox'], /set --auth-token/],
  ])('%j exits with code 2, the reason and the usage', async (args, reason) => {
    const run = spawnCli(args);
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(reason);
    expect(run.stderr.text).toContain('Usage: sendgrid-mcp');
  });

  it('a base URL without a scheme is refused at start, not on the first request', async () => {
    const run = spawnCli(['--http', '--port', '0'], cleanEnv({ SENDGRID_API_KEY: 'SG.x.y', SENDGRID_API_BASE_URL: 'api.sendgrid.com' }));
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toMatch(/SENDGRID_API_BASE_URL must be an http\(s\) URL/);
  });

  it('prints a stdio config that runs this project by absolute path, never npx', async () => {
    const { server } = await serve(['--sandbox']);
    await server.stdout.until(/Over stdio instead[^\n]*\n\{[\s\S]*?\n\}\n/);
    const config = JSON.parse(server.stdout.text.split('Over stdio instead')[1]!.replace(/^[^\n]*\n/, '').trim());
    const { command, args } = config.mcpServers.sendgrid;
    expect(command).toBe(process.execPath);
    expect(args).toEqual([require('node:path').join(__dirname, '..', '..', 'bin', 'sendgrid-mcp.js')]);
    expect(server.stdout.text).not.toMatch(/npx/);
  });
});

describe('stdio', () => {
  it('answers a line over 48 MiB, and one that is not JSON, with errors, and goes on serving', async () => {
    const run = spawnCli(['--sandbox']);
    await run.stderr.until(/tools over stdio/);
    const began = Date.now();
    run.child.stdin!.write(Buffer.alloc(49 * MiB, 'a'));
    run.child.stdin!.write('\n{"jsonrpc": "2.0", "id": 1, "met\n');
    run.child.stdin!.write(`${initialize}\n`);
    await run.stdout.until(/"id":1\}\n/, 20_000);
    expect(Date.now() - began).toBeLessThan(10_000);
    const lines = run.stdout.text.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toMatchObject({ id: null, error: { code: -32600, message: expect.stringMatching(/larger than 48 MiB/) } });
    expect(lines[1]).toMatchObject({ id: null, error: { code: -32700 } });
    expect(lines[2]).toMatchObject({ id: 1, result: { serverInfo: { name: 'sendgrid' } } });
    // Closing stdin ends the session and the process, sandbox and all.
    run.child.stdin!.end();
    expect(await run.exited).toBe(0);
  });
});

describe('HTTP', () => {
  let server: Spawned;
  let url: string;
  beforeAll(async () => ({ server, url } = await serve(['--sandbox', '--auth-token', TOKEN])));

  const authed = { ...mcpHeaders, authorization: `Bearer ${TOKEN}` };

  it('asks for the token: none or a wrong one is 401, the right one is served', async () => {
    expect(await post(url)).toMatchObject({ status: 401, headers: { 'www-authenticate': 'Bearer' } });
    expect(await post(url, { headers: { ...mcpHeaders, authorization: `Bearer ${TOKEN}x` } })).toMatchObject({ status: 401 });
    expect(await post(url, { headers: authed })).toMatchObject({ status: 200 });
  });

  it('compares the whole origin: scheme, host and port', async () => {
    const port = new URL(url).port;
    expect(await post(url, { headers: { ...authed, origin: `http://127.0.0.1:${port}` } })).toMatchObject({ status: 200 });
    expect(await post(url, { headers: { ...authed, origin: `http://127.0.0.1:${Number(port) + 1}` } })).toMatchObject({ status: 403 });
    expect(await post(url, { headers: { ...authed, origin: `https://127.0.0.1:${port}` } })).toMatchObject({ status: 403 });
    expect(await post(url, { headers: { ...authed, origin: 'http://localhost.evil.example' } })).toMatchObject({ status: 403 });
  });

  it('refuses a body over 48 MiB with 413, and malformed JSON with a parse error, then keeps serving', async () => {
    const big = (await post(url, { headers: authed, body: Buffer.alloc(49 * MiB, 'a') })) as Answer;
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body)).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/48 MiB/) } });
    const broken = (await post(url, { headers: authed, body: '{"jsonrpc": "2.0", "id": 1, "method": ' })) as Answer;
    expect(broken.status).toBe(400);
    expect(JSON.parse(broken.body)).toMatchObject({ error: { code: -32700 } });
    expect(await post(url, { headers: authed })).toMatchObject({ status: 200 });
    expect(server.child.exitCode).toBeNull();
  });

  it('serves a small batch, refuses one over 20 messages and a body that is not JSON by type, then keeps serving', async () => {
    const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' });
    const small = (await post(url, { headers: authed, body: JSON.stringify([ping(1), ping(2)]) })) as Answer;
    expect(small.status).toBe(200);
    expect(JSON.parse(small.body)).toEqual([expect.objectContaining({ id: 1, result: {} }), expect.objectContaining({ id: 2, result: {} })]);
    const big = (await post(url, { headers: authed, body: JSON.stringify(Array.from({ length: 21 }, (_, i) => ping(i))) })) as Answer;
    expect(big.status).toBe(400);
    expect(JSON.parse(big.body)).toMatchObject({ error: { code: -32600, message: expect.stringMatching(/at most 20 messages/) } });
    const typed = (await post(url, { headers: { ...authed, 'content-type': 'text/plain' }, body: JSON.stringify(ping(3)) })) as Answer;
    expect(typed.status).toBe(415);
    expect(await post(url, { headers: authed })).toMatchObject({ status: 200 });
  });

  it('off loopback, prints a URL a client can use and serves it with the token', async () => {
    const { url: lan } = await serve(['--sandbox', '--host', '0.0.0.0', '--auth-token', TOKEN]);
    expect(new URL(lan).hostname).not.toBe('0.0.0.0');
    expect(await post(lan, { headers: authed })).toMatchObject({ status: 200 });
  });
});

describe('clients that walk away', () => {
  it('20 clients disconnecting mid-call cause 20 upstream calls, with no retries after they left', async () => {
    let calls = 0;
    // An upstream that drops each connection after 600 ms: a read would normally be retried.
    const upstream = createServer((req) => {
      // The server's own check of its key's permissions (GET /v3/scopes) is not a client's call.
      if (req.url?.startsWith('/v3/marketing/lists')) calls++;
      setTimeout(() => req.socket.destroy(), 600);
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    const { url } = await serve([], cleanEnv({ SENDGRID_API_KEY: 'SG.walk-away-test.0123456789', SENDGRID_API_BASE_URL: base }));
    const call = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'list_lists', arguments: {} } });
    const left = await Promise.all(Array.from({ length: 20 }, () => post(url, { body: call, abortAfterMs: 300 })));
    expect(left.every((outcome) => outcome === 'aborted')).toBe(true);
    await new Promise((done) => setTimeout(done, 3000));
    upstream.closeAllConnections();
    upstream.close();
    expect(calls).toBe(20);
  });
});
