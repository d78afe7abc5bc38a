// Outside checkers against the built server: the official MCP conformance suite and the MCP Inspector's CLI.
// Both need Node >= 22, so they run on the `node` dev dependency's binary, with HOME and the working
// directory in a temporary folder, and with every non-loopback request sent to a closed proxy port:
// they must pass offline, against 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import operations from '../../operations';
import { SEED } from '../../sandbox/seed-ids';
import { BIN, cleanEnv, killAll, requireBuild, ROOT, spawnCli } from './processes';

jest.setTimeout(30_000);

const BIN_DIR = join(ROOT, 'node_modules', '.bin');
const NODE22 = join(BIN_DIR, 'node');
const CONFORMANCE = join(ROOT, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
// `npx @modelcontextprotocol/inspector --cli …`: this launcher starts the CLI with the `node` found on PATH.
const INSPECTOR = join(ROOT, 'node_modules', '@modelcontextprotocol', 'inspector', 'cli', 'build', 'cli.js');

let scratch: string;
let work: string;
let url: string;
const groups = new Set<number>();

/**
 * No SENDGRID_* variables, a throwaway HOME, Node 22 first on PATH, and a proxy on a closed port for
 * anything but loopback (Node 22's fetch and http honour it with NODE_USE_ENV_PROXY; axios reads it too).
 */
function toolEnv(): Record<string, string> {
  const closed = 'http://127.0.0.1:9';
  return cleanEnv({
    HOME: scratch,
    USERPROFILE: scratch,
    PATH: `${BIN_DIR}${delimiter}${process.env.PATH ?? ''}`,
    NODE_USE_ENV_PROXY: '1',
    HTTP_PROXY: closed,
    HTTPS_PROXY: closed,
    http_proxy: closed,
    https_proxy: closed,
    NO_PROXY: '127.0.0.1,localhost',
    no_proxy: '127.0.0.1,localhost',
    npm_config_offline: 'true',
    NODE_NO_WARNINGS: '1',
  });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs Node 22 on a script in its own process group (so a timeout ends everything it started). */
function run(args: string[], timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE22, args, { cwd: work, env: toolEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    groups.add(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      killGroup(child.pid!);
      reject(new Error(`timed out after ${timeoutMs} ms: ${args.join(' ')}\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function killGroup(pgid: number) {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
  groups.delete(pgid);
}

beforeAll(async () => {
  requireBuild();
  scratch = mkdtempSync(join(tmpdir(), 'sendgrid-mcp-conformance-'));
  // The inspector reads `../package.json` relative to its working directory: keep the parent empty.
  work = join(scratch, 'work');
  mkdirSync(work);
  const server = spawnCli(['--http', '--port', '0', '--sandbox', '--allow-destructive']);
  const [, found] = await server.stdout.until(/^SendGrid MCP server: (\S+)\n/);
  url = found!;
});

afterAll(async () => {
  for (const pgid of [...groups]) killGroup(pgid);
  await killAll();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the offline guard', () => {
  it('refuses a request to any host but loopback from the tools\' environment', async () => {
    const probe = `fetch('http://example.com/').then(() => console.log('reached'), (e) => console.log(e.cause?.code ?? e.message))`;
    const result = await run(['-e', probe]);
    expect(result.stdout.trim()).toBe('ECONNREFUSED');
  });
});

// ---------------------------------------------------------------------------------------------------------
// The conformance suite. Its server mode speaks Streamable HTTP only (`server --url`), so there is no stdio
// run. Scenarios that apply to a stateless, tools-only server; the others need resources, prompts, logging,
// completions, SSE streams or the suite's own fixture tools (tools-call-simple-text calls `test_simple_text`
// and "passes" on the unknown-tool error's text, so it proves nothing here and is left out).
// ---------------------------------------------------------------------------------------------------------
const SCENARIOS = ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection'] as const;

interface Check {
  id: string;
  name: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
  details?: Record<string, unknown>;
}

/** One scenario with --verbose: the checks come as a JSON array on stdout; any failure throws the whole report. */
async function scenario(name: string): Promise<Check[]> {
  const result = await run([CONFORMANCE, 'server', '--url', url, '--scenario', name, '--verbose']);
  const report = `conformance scenario ${name} against ${url} (exit ${result.code}):\n${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  const json = result.stdout.match(/^\[\n[\s\S]*?\n\]$/m);
  if (!json) throw new Error(`no checks in the output of ${report}`);
  const checks = JSON.parse(json[0]) as Check[];
  const failed = checks.filter((c) => c.status === 'FAILURE' || c.status === 'WARNING');
  if (result.code !== 0 || failed.length > 0 || checks.length === 0) throw new Error(report);
  return checks;
}

describe('MCP conformance suite (Streamable HTTP)', () => {
  it('still offers every scenario this file runs', async () => {
    const listed = await run([CONFORMANCE, 'list', '--server']);
    expect(listed.code).toBe(0);
    const names = [...listed.stdout.matchAll(/^\s+- (\S+)/gm)].map((m) => m[1]);
    expect(names).toEqual(expect.arrayContaining([...SCENARIOS]));
  });

  it('server-initialize: a valid initialize result', async () => {
    const checks = await scenario('server-initialize');
    expect(checks.map((c) => c.status)).toEqual(['SUCCESS']);
  });

  it('ping: answered', async () => {
    const checks = await scenario('ping');
    expect(checks.map((c) => c.status)).toEqual(['SUCCESS']);
  });

  it('tools-list: every tool has a name, a description and an input schema', async () => {
    const [check, ...rest] = await scenario('tools-list');
    expect(rest).toEqual([]);
    // Not a vacuous pass: the suite saw the whole catalog.
    expect(check!.details).toMatchObject({ toolCount: operations.length, tools: expect.arrayContaining(['send_email', 'list_lists']) });
  });

  it('dns-rebinding-protection: a foreign Host/Origin is refused, a loopback one served', async () => {
    const checks = await scenario('dns-rebinding-protection');
    expect(Object.fromEntries(checks.map((c) => [c.id, c.status]))).toEqual({
      'localhost-host-rebinding-rejected': 'SUCCESS',
      'localhost-host-valid-accepted': 'SUCCESS',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// The MCP Inspector's CLI mode, over stdio (it spawns the server) and over Streamable HTTP.
// ---------------------------------------------------------------------------------------------------------
const targets = {
  stdio: () => [process.execPath, BIN, '--sandbox', '--allow-destructive'],
  http: () => [url, '--transport', 'http'],
};

/** `mcp-inspector --cli <target> --method …`: exit 0 and a JSON result on stdout, or it throws its output. */
async function inspector(target: string[], ...method: string[]): Promise<unknown> {
  const result = await run([INSPECTOR, '--cli', ...target, ...method]);
  const report = `inspector --cli ${[...target, ...method].join(' ')} (exit ${result.code}):\n${result.stdout}\n${result.stderr}`;
  if (result.code !== 0) throw new Error(report);
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON: ${report}`);
  }
}

const listName = `Inspector list ${process.pid}-${Date.now()}`;

describe.each(Object.entries(targets))('MCP Inspector CLI over %s', (transport, target) => {
  it('tools/list: exactly the operations, each with an object input schema', async () => {
    const { tools } = (await inspector(target(), '--method', 'tools/list')) as { tools: Tool[] };
    expect(tools.map((t) => t.name).sort()).toEqual(operations.map((op) => op.key).sort());
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['send_email', 'list_lists']));
    expect(tools.filter((t) => t.inputSchema?.type !== 'object').map((t) => t.name)).toEqual([]);
  });

  it('tools/call list_lists: the seeded lists as structured content', async () => {
    const result = (await inspector(target(), '--method', 'tools/call', '--tool-name', 'list_lists')) as CallToolResult;
    expect(result.isError).toBeFalsy();
    const items = (result.structuredContent as { items: { id: string }[] }).items;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([SEED.listId, SEED.secondListId]));
    expect(result.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/contact list/) });
  });

  it('tools/call create_list with a name: the created list, named in the text', async () => {
    const name = `${listName} ${transport}`;
    const result = (await inspector(target(), '--method', 'tools/call', '--tool-name', 'create_list', '--tool-arg', `name=${name}`)) as CallToolResult;
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ name, id: expect.any(String) });
    expect(result.content[0]).toMatchObject({ type: 'text', text: expect.stringContaining(name) });
    if (transport === 'http') {
      // The HTTP server's sandbox outlives the request: a second inspector run sees the new list.
      const listed = (await inspector(target(), '--method', 'tools/call', '--tool-name', 'list_lists')) as CallToolResult;
      expect((listed.structuredContent as { items: { name: string }[] }).items).toContainEqual(expect.objectContaining({ name }));
    }
  });
});
