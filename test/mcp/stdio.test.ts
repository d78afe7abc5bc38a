// The built server over stdio, as an MCP client such as Claude Desktop spawns it, backed by the sandbox.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { call, expectCatalog, expectCreatedListIsListed, textOf } from './flows';
import { BIN, cleanEnv, isAlive, Output, requireBuild } from './processes';

jest.setTimeout(20_000);

let client: Client;
let transport: StdioClientTransport;
let stderr: Output;

beforeAll(async () => {
  requireBuild();
  transport = new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', '--allow-destructive'], env: cleanEnv(), stderr: 'pipe' });
  // With stderr 'pipe' the transport hands out a PassThrough before start, so the startup line is not missed.
  stderr = new Output(transport.stderr as NodeJS.ReadableStream | null);
  client = new Client({ name: 'mcp-e2e', version: '1.0.0' });
  await client.connect(transport);
});

afterAll(async () => {
  const pid = transport.pid;
  await client.close();
  // Closing the client ends the child (stdin closes, then SIGTERM); nothing may outlive the suite.
  if (pid) expect(isAlive(pid)).toBe(false);
});

const ada = 'Ada Lovelace <ada@example.com>';
const from = 'orders@example.com';

describe('stdio server (--sandbox)', () => {
  it('says on stderr, not stdout (which carries the protocol), that it uses the sandbox', async () => {
    const [line] = await stderr.until(/sendgrid-mcp: \d+ tools over stdio, backed by .*$/m);
    expect(line).toMatch(/sandbox/);
  });

  it('lists exactly the operations, with read-only and destructive hints from their access', async () => {
    await expectCatalog(client);
  });

  it('gives send_email a lean input schema: no $schema line, no regex beside format email', async () => {
    const { tools } = await client.listTools();
    const schema = tools.find((t) => t.name === 'send_email')!.inputSchema;
    const nodes: Record<string, unknown>[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      nodes.push(node as Record<string, unknown>);
      Object.values(node).forEach(walk);
    };
    walk(schema);
    expect(nodes.filter((n) => '$schema' in n)).toEqual([]);
    // from_email is z.email(): the format must stay, the ~150-character pattern must go.
    const emails = nodes.filter((n) => n.format === 'email');
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.filter((n) => 'pattern' in n)).toEqual([]);
    expect(schema.required).toEqual(expect.arrayContaining(['to', 'from_email']));
  });

  it('creates a list that list_lists then returns', async () => {
    await expectCreatedListIsListed(client);
  });

  it('sends an email and returns its message id as structured content', async () => {
    const result = await call(client, 'send_email', { to: [ada], from_email: from, subject: 'Shipped', text: 'Your order has shipped.' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      message_id: expect.stringMatching(/^\S{8,}$/),
      status: 'accepted',
      recipient_count: 1,
    });
    expect(textOf(result)).toContain((result.structuredContent as { message_id: string }).message_id);
  });

  it('refuses a malformed address with an error naming the field', async () => {
    const result = await call(client, 'send_email', { to: ['not-an-address'], from_email: from, subject: 'Hi', text: 'Hi' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/\bto\[0\]/);
    expect(result.structuredContent).toMatchObject({ error: { errors: [expect.objectContaining({ field: 'to[0]' })] } });
  });

  it('refuses a missing subject when no template is chosen, naming subject', async () => {
    const result = await call(client, 'send_email', { to: [ada], from_email: from, text: 'Hi' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/\bsubject\b/);
    expect(result.structuredContent).toMatchObject({ error: { errors: [expect.objectContaining({ field: 'subject' })] } });
  });

  it('survives malformed requests to the sandbox: each is a SendGrid-style 400, and the server keeps serving', async () => {
    for (const body of ['{"personalizations":[null]}', '{"personalizations":[{"to":[null]}],"from":null}', '[1,2,3]', '"text"']) {
      const result = await call(client, 'api_request', { method: 'POST', path: '/v3/mail/send', body });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/SendGrid rejected POST \/v3\/mail\/send \(400\)/);
    }
    const after = await call(client, 'list_lists', {});
    expect(after.isError).toBeFalsy();
  });

  it('answers an unknown tool with an isError result naming it, said once', async () => {
    const result = await call(client, 'no_such_tool', {});
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^There is no tool named "no_such_tool"; tools\/list shows the \d+ this server offers\.$/);
  });
});
