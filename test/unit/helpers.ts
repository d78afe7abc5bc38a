import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import nock from 'nock';
import { createAppTester } from 'zapier-platform-core';
import app from '../../index';
import { catalogOf } from '../../mcp/catalog';
import { createServer, type ServerOptions } from '../../mcp/server';
import operations from '../../operations';

export const API = 'https://api.sendgrid.com';
export const KEY = 'SG.unit-test-key.abcdefghijklmnopqrstuvwxyz0123456789';
export const authData = { api_key: KEY, region: 'us' };

export const appTester = createAppTester(app);

type Step = { operation: { perform: (...args: never[]) => unknown } };

/** Runs a Zapier create/search/trigger by key, as Zapier would. Results are SendGrid's JSON, hence any. */
export function zapier(kind: 'creates' | 'searches' | 'triggers', key: string, inputData: Record<string, unknown>, meta: Record<string, unknown> = {}): Promise<any> {
  const step = (app[kind] as Record<string, Step>)[key]!;
  return appTester(step.operation.perform as never, { authData, inputData, meta } as never);
}

/** SendGrid, as nock, expecting our key. */
export const sendgrid = (origin = API) => nock(origin).matchHeader('authorization', `Bearer ${KEY}`);

/** Counts every request that reaches SendGrid's hosts, whatever its method and path. */
export function countRequests(): () => number {
  let count = 0;
  for (const origin of [API, 'https://api.eu.sendgrid.com']) {
    const scope = nock(origin).persist();
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const)
      scope[method](/.*/).reply(() => {
        count++;
        return [500, {}];
      });
  }
  return () => count;
}

/** A connected MCP client talking to the real server in-process. */
export async function mcpClient(baseUrl = API, options: ServerOptions = {}) {
  const server = createServer(catalogOf(operations), { apiKey: KEY, baseUrl }, options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'unit', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    call: (name: string, args: Record<string, unknown>) => client.callTool({ name, arguments: args }) as Promise<CallToolResult>,
    client,
    close: () => client.close(),
  };
}

export const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

/** One MCP tool call on a fresh in-process server, closed afterwards. */
export async function callMcp(name: string, args: Record<string, unknown>, options: { deadlineMs?: number } = {}) {
  const client = await mcpClient(API, options);
  try {
    return await client.call(name, args);
  } finally {
    await client.close();
  }
}

/** Proves bad input is refused on MCP with `message`, saying nothing was sent, and that no request reached SendGrid. */
export async function refusedOnMcp(name: string, args: Record<string, unknown>, message: RegExp) {
  const count = countRequests();
  const result = await callMcp(name, args);
  expect(result.isError).toBe(true);
  expect(textOf(result)).toMatch(message);
  expect(textOf(result)).toMatch(/Nothing was sent to SendGrid/);
  expect(count()).toBe(0);
}

/** Proves bad input is refused naming the field, on both faces (Zapier's form values may differ), with no request sent. */
export async function refusedOnBothFaces(kind: 'creates' | 'searches', key: string, input: Record<string, unknown>, message: RegExp, zapierInput = input) {
  const count = countRequests();
  await expect(zapier(kind, key, zapierInput)).rejects.toThrow(message);
  await refusedOnMcp(key, input, message);
  expect(count()).toBe(0);
}

/** Zapier's cursor service, which z.cursor calls; a map stands in for it. Delete ZAPIER_DEPLOY_KEY after each test. */
export function cursorService() {
  const stored = new Map<string, string>();
  process.env.ZAPIER_DEPLOY_KEY = 'unit-test-deploy-key';
  nock('https://rpc.zapier.com')
    .persist()
    .post('/cli')
    .reply(200, (_uri, body) => {
      // The RPC body comes without a JSON content type, so nock hands it over as text.
      const { id, method, params, storeKey } = JSON.parse(String(body)) as { id: string; method: string; params: string[]; storeKey: string };
      if (method === 'set_cursor') stored.set(storeKey, params[0]!);
      return { id, result: method === 'get_cursor' ? (stored.get(storeKey) ?? null) : null };
    });
  return stored;
}
