// How the built CLI chooses its backend: a real key, the sandbox, or a clear refusal.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { call } from './flows';
import { BIN, cleanEnv, killAll, requireBuild, spawnCli } from './processes';

jest.setTimeout(20_000);

beforeAll(requireBuild);
afterAll(killAll);

const STARTED = /^sendgrid-mcp: \d+ tools over stdio, backed by (.*)$/m;

describe('choosing a backend', () => {
  it('exits with code 2, naming SENDGRID_API_KEY, when there is no key and no --sandbox', async () => {
    const run = spawnCli([]);
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toContain('SENDGRID_API_KEY is not set');
    expect(run.stdout.text).toBe('');
  });

  it('uses the sandbox with --sandbox-if-no-key and no key, and exits when stdin closes', async () => {
    const run = spawnCli(['--sandbox-if-no-key']);
    const [, backend] = await run.stderr.until(STARTED);
    expect(backend).toMatch(/sandbox/);
    // The client closing stdin ends the session; the sandbox's listener must not keep the process up.
    run.child.stdin!.end();
    expect(await run.exited).toBe(0);
  });

  // The control for the case above: with a key, --sandbox-if-no-key must use SendGrid (no request is made at start).
  it('uses SendGrid, not the sandbox, with --sandbox-if-no-key when a key is set', async () => {
    const run = spawnCli(['--sandbox-if-no-key'], cleanEnv({ SENDGRID_API_KEY: 'SG.not-a-real-key.for-a-startup-test' }));
    const [, backend] = await run.stderr.until(STARTED);
    expect(backend).toMatch(/^SendGrid at https:\/\/api\.sendgrid\.com/);
    expect(backend).not.toMatch(/sandbox/);
  });

  it('offers three discovery tools with --discovery, which reach the whole catalog', async () => {
    const client = new Client({ name: 'discovery-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', '--discovery'], env: cleanEnv() }));
    const { tools } = await client.listTools();
    const created = await call(client, 'call_tool', { name: 'create_list', arguments: { name: 'Found by discovery' } });
    const listed = await call(client, 'call_tool', { name: 'list_lists', arguments: {} });
    await client.close();
    expect(tools.map((t) => t.name)).toEqual(['search_tools', 'describe_tool', 'call_tool']);
    expect(created.isError).toBeFalsy();
    expect((listed.structuredContent as { items: { name: string }[] }).items.map((l) => l.name)).toContain('Found by discovery');
  });

  it('keeps the sandbox account in --sandbox-state across a restart', async () => {
    const state = join(mkdtempSync(join(tmpdir(), 'sendgrid-mcp-')), 'sandbox.json');
    const session = async () => {
      const client = new Client({ name: 'state-test', version: '1.0.0' });
      await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, '--sandbox', '--sandbox-state', state], env: cleanEnv() }));
      return client;
    };
    const first = await session();
    expect((await call(first, 'create_list', { name: 'Kept across restarts' })).isError).toBeFalsy();
    await first.close();
    const second = await session();
    const listed = await call(second, 'list_lists', {});
    await second.close();
    expect((listed.structuredContent as { items: { name: string }[] }).items.map((l) => l.name)).toContain('Kept across restarts');
  });
});
