// Discovery mode: three tools that search the catalog, describe one tool and call it by name.
import operations from '../../operations';
import { toolFor } from '../../mcp/tools';
import { countRequests, mcpClient, sendgrid, textOf } from './helpers';

const discovery = () => mcpClient(undefined, { discovery: true });

describe('discovery mode', () => {
  it('lists only search_tools, describe_tool and call_tool, far smaller than the catalog', async () => {
    const mcp = await discovery();
    const { tools } = await mcp.client.listTools();
    await mcp.close();
    expect(tools.map((t) => t.name)).toEqual(['search_tools', 'describe_tool', 'call_tool']);
    expect(tools.find((t) => t.name === 'call_tool')!.annotations).toMatchObject({ destructiveHint: true });
    expect(JSON.stringify(tools).length * 10).toBeLessThan(JSON.stringify(operations.map(toolFor)).length);
  });

  it('finds tools by words, best match first, and by area and access', async () => {
    const mcp = await discovery();
    const byWords = await mcp.call('search_tools', { query: 'add contacts to a list' });
    const names = (byWords.structuredContent as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names.slice(0, 3)).toContain('upsert_contacts');
    expect(names.slice(0, 3).some((name) => name.startsWith('legacy_'))).toBe(false);
    const destructive = await mcp.call('search_tools', { tag: 'suppressions', access: 'destructive', limit: 50 });
    await mcp.close();
    const found = (destructive.structuredContent as { tools: { name: string; access: string; tags: string[] }[]; total: number }).tools;
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((t) => t.access === 'destructive' && t.tags.includes('suppressions'))).toBe(true);
    expect(found.map((t) => t.name).sort()).toEqual(operations.filter((op) => op.access === 'destructive' && op.tags.includes('suppressions')).map((op) => op.key).sort());
  });

  it('describes one tool exactly as the full catalog publishes it', async () => {
    const mcp = await discovery();
    const described = await mcp.call('describe_tool', { name: 'create_list' });
    const missing = await mcp.call('describe_tool', { name: 'no_such_tool' });
    await mcp.close();
    expect((described.structuredContent as { tool: unknown }).tool).toEqual(JSON.parse(JSON.stringify(toolFor(operations.find((op) => op.key === 'create_list')!))));
    expect(missing.isError).toBe(true);
  });

  it('calls a tool by name, validating its arguments as the tool itself does', async () => {
    sendgrid().post('/v3/marketing/lists', { name: 'Newsletter' }).reply(201, { id: '00000000-0000-4000-8000-000000000001', name: 'Newsletter', contact_count: 0 });
    const mcp = await discovery();
    const created = await mcp.call('call_tool', { name: 'create_list', arguments: { name: 'Newsletter' } });
    expect(created.isError).toBeFalsy();
    expect(textOf(created)).toMatch(/Created list "Newsletter"/);
    const count = countRequests();
    const refused = await mcp.call('call_tool', { name: 'create_list', arguments: { name: 'X', nmae: 'typo' } });
    const direct = await mcp.call('create_list', { name: 'Direct' });
    const unknownArg = await mcp.call('search_tools', { qeury: 'lists' });
    await mcp.close();
    expect(textOf(refused)).toMatch(/nmae: is not a known field/);
    expect(textOf(direct)).toMatch(/in discovery mode, run it through call_tool/);
    expect(textOf(unknownArg)).toMatch(/qeury: is not a known field/);
    expect(count()).toBe(0);
  });
});
