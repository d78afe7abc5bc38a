// Checks both transports share: the catalog an agent sees, and a write followed by a read of it.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import operations from '../../operations';

/** A raw initialize request, for tests that speak HTTP without the SDK client. */
export const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1.0.0' } },
});
export const mcpHeaders = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** A tool's hints with MCP's defaults filled in, as a client reads them. */
export const hintsOf = (annotations: { readOnlyHint?: boolean; destructiveHint?: boolean } | undefined) => ({
  readOnly: annotations?.readOnlyHint ?? false,
  // Meaningful only for a tool that writes; a read-only tool destroys nothing.
  destructive: (annotations?.readOnlyHint ?? false) ? false : (annotations?.destructiveHint ?? true),
});

export const call = (client: Client, name: string, args: Record<string, unknown>) =>
  client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

export const textOf = (result: CallToolResult) => result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

/** The tools are exactly the source's operations (the build is not stale), with hints from each access class. */
export async function expectCatalog(client: Client) {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(operations.map((op) => op.key).sort());
  for (const op of operations) {
    const tool = tools.find((t) => t.name === op.key)!;
    expect({ tool: tool.name, ...hintsOf(tool.annotations) }).toEqual({
      tool: op.key,
      readOnly: op.access === 'read',
      destructive: op.access === 'destructive',
    });
  }
  return tools;
}

type ListItem = { id: string; name: string };

/** create_list, then list_lists must return the new list: state survives between calls to the sandbox. */
export async function expectCreatedListIsListed(client: Client) {
  const name = `Test list ${process.pid}-${Date.now()}`;
  const created = await call(client, 'create_list', { name });
  expect(created.isError).toBeFalsy();
  const list = created.structuredContent as ListItem;
  expect(list).toMatchObject({ name, id: expect.any(String) });
  expect(textOf(created)).toContain(name);

  const listed = await call(client, 'list_lists', {});
  expect(listed.isError).toBeFalsy();
  const items = (listed.structuredContent as { items: ListItem[] }).items;
  expect(items).toContainEqual(expect.objectContaining({ id: list.id, name }));
}
