// The built server over Streamable HTTP: what it prints at start, the core flows, and its guards.
import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { expectCatalog, expectCreatedListIsListed, initialize, mcpHeaders } from './flows';
import { killAll, requireBuild, spawnCli, type Spawned } from './processes';

jest.setTimeout(20_000);

let server: Spawned;
let url: string;
let client: Client;

beforeAll(async () => {
  requireBuild();
  server = spawnCli(['--http', '--port', '0', '--sandbox', '--allow-destructive']);
  // The first stdout line is the contract: a script can read the URL from it.
  const [, found] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
  url = found!;
  client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
});

afterAll(async () => {
  await client?.close();
  await killAll();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with exactly the headers given (fetch would not let us forge Host). */
function raw(
  target: string,
  { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<RawResponse>((resolve, reject) => {
    const req = httpRequest(target, { method, headers: { connection: 'close', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}


describe('HTTP server (--http --port 0 --sandbox)', () => {
  it('prints its loopback URL on the first line, then a client config naming it', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    expect(Number(new URL(url).port)).toBeGreaterThan(0);
    await server.stdout.until(/^Claude Code: .*$/m);
    expect(server.stdout.text).toMatch(/^Backed by the embedded SendGrid sandbox/m);
    const json = server.stdout.text.match(/^\{\n[\s\S]*?\n\}$/m);
    expect(json).not.toBeNull();
    expect(JSON.parse(json![0])).toEqual({ mcpServers: { sendgrid: { type: 'http', url } } });
  });

  it('lists exactly the operations, with their hints', async () => {
    await expectCatalog(client);
  });

  it('creates a list that list_lists then returns (the sandbox is shared across stateless requests)', async () => {
    await expectCreatedListIsListed(client);
  });

  // The control: the same request with honest headers is served, so the 403s below come from the guard.
  it('serves a well-formed POST from this machine', async () => {
    const response = await raw(url, { headers: mcpHeaders, body: initialize });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ id: 1, result: { serverInfo: { name: 'sendgrid' } } });
  });

  it('refuses a POST whose Host names another site (DNS rebinding)', async () => {
    const response = await raw(url, { headers: { ...mcpHeaders, host: 'evil.example' }, body: initialize });
    expect(response.status).toBe(403);
  });

  it('refuses a POST from a page on another origin', async () => {
    const response = await raw(url, { headers: { ...mcpHeaders, origin: 'https://evil.example' }, body: initialize });
    expect(response.status).toBe(403);
  });

  it('answers GET /mcp with 405 and Allow: POST (it is stateless: no event stream)', async () => {
    const response = await raw(url, { method: 'GET', headers: { accept: 'text/event-stream' } });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('answers any other path with 404', async () => {
    const response = await raw(new URL('/other', url).toString(), { headers: mcpHeaders, body: initialize });
    expect(response.status).toBe(404);
  });
});
