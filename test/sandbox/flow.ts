// What the end-to-end flows share: a fresh sandbox and MCP client per test, and a call that must succeed.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { mcpClient, textOf } from '../unit/helpers';

export interface Flow {
  readonly sandbox: Sandbox;
  readonly client: Awaited<ReturnType<typeof mcpClient>>;
  /** A tool call that must succeed: its summary line and its data. Fails with the tool's own words otherwise. */
  ok(name: string, args: Record<string, unknown>): Promise<{ text: string; data: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Registers the set-up and tear-down of each test; the returned flow reads the current test's sandbox and client. */
export function useFlow(options: SandboxOptions = {}): Flow {
  let sandbox: Sandbox;
  let client: Flow['client'];
  beforeEach(async () => {
    sandbox = await startSandbox({ jobDelayMs: 0, webhookDelivery: false, ...options });
    client = await mcpClient(sandbox.url);
  });
  afterEach(async () => {
    await client.close();
    await sandbox.close();
  });
  return {
    get sandbox() {
      return sandbox;
    },
    get client() {
      return client;
    },
    async ok(name, args) {
      const result: CallToolResult = await client.call(name, args);
      expect({ tool: name, isError: result.isError ?? false, error: result.isError ? textOf(result) : '' }).toEqual({ tool: name, isError: false, error: '' });
      const first = result.content[0];
      return { text: first?.type === 'text' ? first.text : '', data: result.structuredContent };
    },
  };
}
