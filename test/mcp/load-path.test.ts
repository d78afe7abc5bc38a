// What the MCP server loads: never zapier-platform-core (≈300 ms of start-up it has no use for), and
// axios only once a tool makes a request. A preload script reports every package the server requires.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { catalogData } from '../../mcp/catalog';
import operations from '../../operations';
import { BIN, cleanEnv, requireBuild } from './processes';

jest.setTimeout(20_000);

const dir = mkdtempSync(join(tmpdir(), 'sendgrid-mcp-load-'));
const log = join(dir, 'loaded.txt');
const preload = join(dir, 'trace.js');
writeFileSync(
  preload,
  `const Module = require('module'); const fs = require('fs');
   const load = Module._load;
   Module._load = function (request, ...rest) { fs.appendFileSync(${JSON.stringify(log)}, request + '\\n'); return load.call(this, request, ...rest); };`,
);

const loaded = () => require('node:fs').readFileSync(log, 'utf8').split('\n') as string[];

let client: Client;
beforeAll(async () => {
  requireBuild();
  const transport = new StdioClientTransport({ command: process.execPath, args: ['--require', preload, BIN, '--sandbox', '--allow-destructive'], env: cleanEnv(), stderr: 'ignore' });
  client = new Client({ name: 'load-path', version: '1.0.0' });
  await client.connect(transport);
});
afterAll(() => client?.close());

it('lists its tools without loading zapier-platform-core or axios', async () => {
  expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  const packages = loaded();
  expect(packages).toContain('@modelcontextprotocol/sdk/server/index.js'); // the trace works
  expect(packages.filter((p) => p.startsWith('zapier-platform-core'))).toEqual([]);
  expect(packages).not.toContain('axios');
});

it('loads axios on its first request, and still not zapier-platform-core', async () => {
  const result = await client.callTool({ name: 'list_lists', arguments: {} });
  expect(result.isError).toBeFalsy();
  const packages = loaded();
  expect(packages).toContain('axios');
  expect(packages.filter((p) => p.startsWith('zapier-platform-core'))).toEqual([]);
});

it('lists the catalog the build prepared, which is exactly what the source builds today (not stale)', async () => {
  const built = JSON.parse(require('node:fs').readFileSync(join(__dirname, '../../dist/catalog.json'), 'utf8'));
  expect(built).toEqual(JSON.parse(JSON.stringify(catalogData(operations))));
  expect((await client.listTools()).tools).toEqual(built.tools);
});
