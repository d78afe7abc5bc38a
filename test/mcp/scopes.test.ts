// Scope awareness: the server asks which permissions its key has and leaves out the tools it could
// not call, saying which and why; when the permissions change, the list changes and clients are told.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { catalogOf } from '../../mcp/catalog';
import { applyScopes, watchScopes } from '../../mcp/scopes';
import operations from '../../operations';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { call, textOf } from './flows';
import { BIN, cleanEnv, Output, requireBuild } from './processes';

jest.setTimeout(30_000);
beforeAll(requireBuild);

const KEY = 'SG.limited-key.0123456789';
// A key for sending and templates, without the Marketing Campaigns permissions.
const SCOPES = ['mail.send', 'templates.read', 'asm.groups.read', 'whitelabel.read'];

let sandbox: Sandbox;
beforeAll(async () => (sandbox = await startSandbox({ keys: { [KEY]: SCOPES }, webhookDelivery: false })));
afterAll(() => sandbox.close());

const expected = () => operations.filter((op) => op.access !== 'destructive' && op.scopes.every((s) => SCOPES.includes(s))).map((op) => op.key).sort();

it('leaves out, listed and called, the tools a key without the marketing scopes could not call, and says why', async () => {
  const transport = new StdioClientTransport({ command: process.execPath, args: [BIN], env: cleanEnv({ SENDGRID_API_KEY: KEY, SENDGRID_API_BASE_URL: sandbox.url }), stderr: 'pipe' });
  const stderr = new Output(transport.stderr as NodeJS.ReadableStream | null);
  const client = new Client({ name: 'scopes-test', version: '1.0.0' });
  let changed = 0;
  client.setNotificationHandler(ToolListChangedNotificationSchema, async () => void changed++);
  await client.connect(transport);
  try {
    await stderr.until(/lacks permissions for \d+ tool\(s\), left out: .*create_list \(needs marketing\.read\)/);
    const names = (await client.listTools()).tools.map((t) => t.name).sort();
    expect(names).toEqual(expected());
    expect(names).toContain('send_email');
    expect(names).not.toContain('list_lists');
    expect(textOf(await call(client, 'list_lists', {}))).toMatch(/There is no tool named "list_lists"/);
    expect(changed).toBeGreaterThanOrEqual(1);
  } finally {
    await client.close();
  }
});

it('updates the list and tells clients when a later check finds the permissions changed', async () => {
  const full = catalogOf(operations);
  const live = { ...full };
  let scopes = ['mail.send'];
  let changes = 0;
  const lines: string[] = [];
  const stop = await watchScopes(full, live, async () => scopes, { everyMs: 50, report: (line) => void lines.push(line), changed: () => void changes++ });
  expect(live.tools.map((t) => t.name)).toEqual(applyScopes(full, ['mail.send']).tools.map((t) => t.name));
  scopes = ['mail.send', 'marketing.read'];
  await new Promise((done) => setTimeout(done, 200));
  stop();
  expect(live.tools.map((t) => t.name)).toContain('create_list');
  expect(await live.operation('create_list')).toBeDefined();
  expect(changes).toBe(2);
  expect(lines[0]).toMatch(/left out: .*create_list \(needs marketing\.read\)/);
});
