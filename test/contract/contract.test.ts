// Every contract case, through the real compiled Zapier app and the real built MCP server, against
// Prism serving Twilio's official spec: each request either face makes must be one the spec accepts.
// Needs `npm run build` first (dist/index.js, dist/mcp.js).
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import operations from '../../operations';
import { skippedZapierChecks, unexpectedViolations } from './allow-list';
import { cases, type ContractCase } from './cases';
import { startRecorder, type RecordedRequest, type Recorder } from './recorder';

const KEY = 'SG.contract-key';
const authData = { api_key: KEY, region: 'us' };
const TIMEOUT = 30_000;

// The compiled app, as Zapier loads it; typed here only as far as these tests reach into it.
type Perform = (z: ZObject, bundle: Bundle) => Promise<unknown>;
type Steps = Record<string, { operation: { perform: Perform } }>;
interface CompiledApp {
  authentication: { test: Perform };
  creates: Steps;
  searches: Steps;
  triggers: Steps;
}
const app = require('../../index.js') as CompiledApp;
const appTester = createAppTester(app);

type Outcome = { ok: true } | { ok: false; error: string };
const failed = (error: unknown): Outcome => ({ ok: false, error: error instanceof Error ? error.message : String(error) });

let recorder: Recorder;
let mcp: Client;
let serverLog = '';

beforeAll(async () => {
  recorder = await startRecorder();
  // The app reads it at request time, so it applies to the appTester runs below.
  process.env.SENDGRID_API_BASE_URL = recorder.url;
  const transport = new StdioClientTransport({
    command: process.execPath,
    // Every operation is checked, destructive ones included, whatever permissions Prism's example key has.
    args: [join(__dirname, '../../bin/sendgrid-mcp.js'), '--allow-destructive', '--ignore-scopes'],
    env: { SENDGRID_API_KEY: KEY, SENDGRID_API_BASE_URL: recorder.url },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => void (serverLog += chunk.toString()));
  mcp = new Client({ name: 'contract-tests', version: '1.0.0' });
  await mcp.connect(transport);
}, TIMEOUT);

afterAll(async () => {
  delete process.env.SENDGRID_API_BASE_URL;
  await mcp?.close();
  await recorder?.close();
});

/** Runs one call on a fresh record: no unexpected violation, the call succeeded, and it reached SendGrid (Prism). */
async function expectClean(run: () => Promise<Outcome>): Promise<RecordedRequest[]> {
  recorder.reset();
  const outcome = await run();
  const requests = [...recorder.records];
  // Violations first: when the spec refuses a request, the failed call is its consequence.
  expect(unexpectedViolations(requests)).toEqual([]);
  expect(outcome).toEqual({ ok: true });
  expect(requests.length).toBeGreaterThan(0);
  return requests;
}

/** The step of the compiled app with this key, as Zapier would run it. */
async function runOnZapier(key: string, inputData: Record<string, unknown>): Promise<Outcome> {
  const kind = (['creates', 'searches', 'triggers'] as const).find((k) => app[k][key]);
  if (!kind) return failed(`${key} is not a step of the compiled Zapier app`);
  // createAppTester leaves bundle.meta empty; a trigger's first poll asks for page 0.
  const meta = kind === 'triggers' ? { page: 0 } : {};
  const bundle = { authData, inputData, meta, skipChecks: skippedZapierChecks[key] ?? [] };
  return appTester(app[kind][key]!.operation.perform, bundle).then(() => ({ ok: true }) as const, failed);
}

async function runOnMcp(name: string, args: Record<string, unknown>): Promise<Outcome> {
  try {
    const result = (await mcp.callTool({ name, arguments: args })) as CallToolResult;
    if (!result.isError) return { ok: true };
    return failed(result.content.map((c) => (c.type === 'text' ? c.text : c.type)).join('\n'));
  } catch (error) {
    return failed(`${(error as Error).message}\nserver stderr:\n${serverLog}`);
  }
}

const table = Object.entries(cases).flatMap(([key, list]) => list.map((c) => [`${key}: ${c.name}`, key, c] as [string, string, ContractCase]));

it('has a contract case for every operation, and none for an operation that does not exist', () => {
  const keys = operations.map((op) => op.key);
  expect(keys.filter((key) => !cases[key]?.length)).toEqual([]);
  expect(Object.keys(cases).filter((key) => !keys.includes(key))).toEqual([]);
});

describe('Zapier face (compiled app)', () => {
  it.each(table)('%s', async (_title, key, c) => {
    await expectClean(() => runOnZapier(key, c.zapier ?? c.input));
  }, TIMEOUT);

  it('authentication test calls GET /v3/scopes as the spec wants', async () => {
    const requests = await expectClean(() => appTester(app.authentication.test, { authData }).then(() => ({ ok: true }) as const, failed));
    expect(requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /v3/scopes');
  }, TIMEOUT);
});

describe('MCP face (built server over stdio)', () => {
  it.each(table)('%s', async (_title, key, c) => {
    await expectClean(() => runOnMcp(key, c.input));
  }, TIMEOUT);
});

// Proof that this tier can fail: malformed requests through the same recorder and allow-list are caught.
describe('negative controls', () => {
  const mailWithoutFrom = { personalizations: [{ to: [{ email: 'ada@example.com' }] }], subject: 'Hi', content: [{ type: 'text/plain', value: 'Hi' }] };
  const fromNowhere = [expect.stringContaining("required property 'from'")];

  // Through the faces themselves, so a face's malformed request is shown to reach the check.
  it.each([
    ['Zapier', runOnZapier],
    ['MCP', runOnMcp],
  ])('catches a mail send without from, made through the %s face (sl-violations header)', async (_face, run) => {
    recorder.reset();
    const outcome = await run('api_request', { method: 'POST', path: '/v3/mail/send', body: JSON.stringify(mailWithoutFrom) });
    expect(unexpectedViolations(recorder.records)).toEqual(fromNowhere);
    expect(outcome.ok).toBe(false);
  }, TIMEOUT);

  it.each([
    ['Zapier', runOnZapier],
    ['MCP', runOnMcp],
  ])('catches a body property the spec does not declare, made through the %s face, although Prism lets it through', async (_face, run) => {
    recorder.reset();
    const outcome = await run('api_request', { method: 'POST', path: '/v3/marketing/lists', body: JSON.stringify({ name: 'Webinar', nmae: 'typo' }) });
    expect(outcome).toEqual({ ok: true });
    expect(unexpectedViolations(recorder.records)).toEqual([expect.stringContaining("[body.nmae] undeclared: property 'nmae'")]);
  }, TIMEOUT);

  const send = async (path: string, { auth = true } = {}) => {
    recorder.reset();
    await fetch(recorder.url + path, { headers: auth ? { authorization: `Bearer ${KEY}` } : {} });
    return unexpectedViolations(recorder.records);
  };

  it('catches a page_size that is not a number (422 problem+json body)', async () => {
    expect(await send('/v3/marketing/lists?page_size=many')).toEqual([expect.stringContaining('page_size must be number')]);
  });

  it('catches a request without the API key (401 with sl-violations)', async () => {
    expect(await send('/v3/scopes', { auth: false })).toEqual([expect.stringContaining('401: [request] 401')]);
  });
});
