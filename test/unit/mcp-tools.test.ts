import operations from '../../operations';
import { agentSchema, plainSchema } from '../../mcp/agent-schema';
import { MAX_RESULT_BYTES, toolFor } from '../../mcp/tools';
import { mcpClient, sendgrid, textOf } from './helpers';

describe('MCP tools', () => {
  it('publish lean schemas: no $schema line, no email regex, no ±2^53 integer bounds', () => {
    for (const op of operations) {
      const json = JSON.stringify(toolFor(op).inputSchema);
      expect(json).not.toContain('$schema');
      expect(json).not.toContain('9007199254740991');
      // Beside a format, zod's own regex (~150 characters for an email) says nothing more.
      expect(json).not.toMatch(/"format":"[a-z-]+","pattern"/);
    }
    expect(JSON.stringify(agentSchema(operations.find((op) => op.key === 'send_email')!.input))).toContain('"format":"email"');
  });

  it('report SendGrid errors as isError results with structured details', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    sendgrid().post('/v3/marketing/lists').reply(400, { errors: [{ field: 'name', message: 'name already exists' }] }, { 'X-RateLimit-Reset': String(reset) });
    const mcp = await mcpClient();
    const result = await mcp.call('create_list', { name: 'Dup' });
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toEqual({
      error: {
        status: 400,
        message: expect.stringMatching(/name: name already exists/),
        errors: [{ field: 'name', message: 'name already exists' }],
        ratelimit: { 'ratelimit-reset': expect.any(Number) },
      },
    });
    const seconds = (result.structuredContent as { error: { ratelimit: Record<string, number> } }).error.ratelimit['ratelimit-reset']!;
    expect(seconds).toBeGreaterThan(3590);
    expect(seconds).toBeLessThanOrEqual(3600);
  });

  it('report a 429 with the IETF rate-limit fields and when to retry, without waiting (no --retry-429)', async () => {
    const reset = Math.floor(Date.now() / 1000) + 7;
    sendgrid()
      .post('/v3/marketing/lists')
      .reply(429, { errors: [{ field: null, message: 'too many requests' }] }, { 'X-RateLimit-Limit': '600', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(reset) });
    const mcp = await mcpClient();
    const began = Date.now();
    const result = await mcp.call('create_list', { name: 'Busy' });
    await mcp.close();
    expect(Date.now() - began).toBeLessThan(2000);
    expect(result.isError).toBe(true);
    const { ratelimit } = (result.structuredContent as { error: { ratelimit: Record<string, unknown> } }).error;
    expect(ratelimit).toMatchObject({ 'ratelimit-limit': 600, 'ratelimit-remaining': 0, retry_at: expect.any(String) });
    expect(ratelimit['ratelimit-reset']).toBeGreaterThanOrEqual(6);
    expect(ratelimit['ratelimit-reset']).toBeLessThanOrEqual(7);
  });

  it('answer an unknown tool with an isError result, its message said once', async () => {
    const mcp = await mcpClient();
    const result = await mcp.call('drop_everything', {});
    await mcp.close();
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^There is no tool named "drop_everything"; tools\/list shows the \d+ this server offers\.$/);
  });

  it('publish closed schemas: every object that names its properties refuses others', () => {
    const open: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}.${key}`);
    };
    for (const op of operations) walk(toolFor(op).inputSchema, op.key);
    expect(open).toEqual([]);
  });

  it('cut a result over 1 MB to the items that fit, saying how many there were and how to get the rest', async () => {
    const lists = Array.from({ length: 5000 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `List ${i} ${'x'.repeat(300)}`, contact_count: i }));
    sendgrid().get('/v3/marketing/lists').query(true).reply(200, { result: lists, _metadata: {} });
    const mcp = await mcpClient();
    const result = await mcp.call('list_lists', {});
    await mcp.close();
    const structured = result.structuredContent as { items: unknown[]; truncated: { returned: number; total: number; note: string } };
    expect(Buffer.byteLength(JSON.stringify(structured))).toBeLessThanOrEqual(MAX_RESULT_BYTES);
    expect(structured.truncated).toMatchObject({ field: 'items', total: 5000, returned: structured.items.length });
    expect(structured.items.length).toBeGreaterThan(1000);
    expect(structured.items.length).toBeLessThan(5000);
    expect(textOf(result)).toMatch(/Only the first \d+ of 5000 items fit in one result/);
  });
});

describe('agentSchema', () => {
  it('keeps fields whose names happen to be JSON Schema keywords', async () => {
    const z = await import('zod/mini');
    const json = agentSchema(z.object({ pattern: z.string(), $schema: z.optional(z.string()), to: z.email() }));
    expect(Object.keys(json.properties as object)).toEqual(['pattern', '$schema', 'to']);
    expect((json.properties as Record<string, object>).to).toEqual({ type: 'string', format: 'email' });
    expect(json).not.toHaveProperty('$schema');
  });

  type Json = Record<string, unknown>;
  /** Writes each `$ref` out again, its own description kept: what the agent's schema means, spelled out. */
  const inline = (schema: Json): Json => {
    const defs = (schema.$defs ?? {}) as Record<string, Json>;
    const walk = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(walk);
      if (!node || typeof node !== 'object') return node;
      const { $ref, $defs: _, ...rest } = node as Json;
      const target = typeof $ref === 'string' ? defs[$ref.replace('#/$defs/', '')] : undefined;
      if ($ref !== undefined && !target) throw new Error(`${String($ref)} points at nothing`);
      const own = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, walk(value)]));
      return target ? { ...(walk(target) as Json), ...own } : own;
    };
    return walk(schema) as Json;
  };
  const sameKeys = (value: unknown): unknown =>
    Array.isArray(value) ? value.map(sameKeys) : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sameKeys(v)])) : value;

  it('defines a repeated piece once and means exactly the plain schema (every tool)', () => {
    let shared = 0;
    for (const op of operations) {
      const schema = agentSchema(op.input);
      if (schema.$defs) shared++;
      expect(sameKeys(inline(schema))).toEqual(sameKeys(plainSchema(op.input)));
      expect(JSON.stringify(schema).length).toBeLessThanOrEqual(JSON.stringify(plainSchema(op.input)).length);
    }
    expect(shared).toBeGreaterThanOrEqual(3);
  });

  it("writes send_email's address rule once, for To, Cc, Bcc and Reply-To alike", () => {
    const schema = agentSchema(operations.find((op) => op.key === 'send_email')!.input);
    expect(JSON.stringify(schema).split('"pattern":"^ *((').length - 1).toBe(1);
    const addressRule = JSON.stringify(inline(schema).properties && (inline(schema).properties as Record<string, Json>).reply_to);
    expect(addressRule).toContain('"pattern":"^ *((');
    expect((schema.properties as Record<string, Json>).reply_to).toEqual({ $ref: '#/$defs/address' });
  });

  it('names shared pieces as lib/schema-names says: the and/or tree of search_contacts reads as conditions and groups', () => {
    const defs = agentSchema(operations.find((op) => op.key === 'search_contacts')!.input).$defs as Record<string, Json>;
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['condition', 'group', 'inner_group']));
    expect(JSON.stringify(defs.inner_group)).toContain('"items":{"$ref":"#/$defs/condition"}');
  });

  it('leaves out the type beside an enum, which the enum already fixes', async () => {
    const z = await import('zod/mini');
    expect(agentSchema(z.object({ kind: z.enum(['a', 'b']) })).properties).toEqual({ kind: { enum: ['a', 'b'] } });
  });
});
