// Every operation, once: the same key on the Zapier face and as an MCP tool, with consistent metadata.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import app from '../../index';
import type { SendGridApi } from '../../lib/client';
import creates from '../../creates';
import dropdowns from '../../dynamic-fields';
import operations from '../../operations';
import searches from '../../searches';
import triggers from '../../triggers';
import { hintsOf } from '../mcp/flows';
import { mcpClient } from './helpers';

const TAGS = ['mail', 'contacts', 'lists', 'segments', 'custom_fields', 'templates', 'suppressions', 'stats', 'single_sends', 'senders', 'webhooks', 'legacy', 'advanced'];

describe('one operation, two faces', () => {
  it('puts every operation on Zapier under its key, in the step type of its folder', () => {
    expect(Object.keys(app.creates).sort()).toEqual(creates.map((op) => op.key).sort());
    expect(Object.keys(app.searches).sort()).toEqual(searches.map((op) => op.key).sort());
    expect(Object.keys(app.triggers).sort()).toEqual([...triggers, ...dropdowns].map((op) => op.key).sort());
    for (const op of dropdowns) expect(app.triggers[op.key]!.display.hidden).toBe(true);
  });

  it('lists one MCP tool per operation, named by the same key, with hints from its access', async () => {
    const mcp = await mcpClient();
    const { tools } = await mcp.client.listTools();
    await mcp.close();
    expect(tools.map((t) => t.name).sort()).toEqual(operations.map((op) => op.key).sort());
    for (const op of operations) {
      const tool = tools.find((t) => t.name === op.key)!;
      expect(hintsOf(tool.annotations)).toEqual({ readOnly: op.access === 'read', destructive: op.access === 'destructive' });
      expect(tool.description).toBe(op.description);
      expect(tool.inputSchema.type).toBe('object');
    }
  });

  it.each(operations.map((op) => [op.key, op] as const))('%s declares what the model needs', (key, op) => {
    expect(key).toMatch(/^[a-z][a-z0-9_]{0,44}$/);
    expect(op.tags.length).toBeGreaterThan(0);
    for (const tag of op.tags) expect(TAGS).toContain(tag);
    if (op.tags.includes('legacy')) expect(key.startsWith('legacy_')).toBe(true);
    // Every operation but the raw request names the key permissions it needs.
    if (!op.tags.includes('advanced')) expect(op.scopes.length).toBeGreaterThan(0);
    expect(op.description.length).toBeLessThanOrEqual(1000);
    expect(typeof op.summary).toBe('function');
    if (app.triggers[key]) expect(op.triggersWhen).toBeTruthy();
  });

  it('the README lists every operation in its table, and nothing else', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([a-z0-9_]+)` \|/gm)].map((m) => m[1]);
    expect(listed.sort()).toEqual(operations.map((op) => op.key).sort());
  });

  it.each([...triggers, ...dropdowns].map((op) => [op.key, op] as const))('%s says it is paged exactly when it pages', async (_key, op) => {
    const called: string[] = [];
    const api = new Proxy({} as SendGridApi, { get: (_t, name) => async () => (called.push(String(name)), []) });
    await op.perform(api, op.input.parse({}));
    expect(called.includes('paginate')).toBe(Boolean(op.paged));
  });

  it('keys are unique across all operations', () => {
    const keys = operations.map((op) => op.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
