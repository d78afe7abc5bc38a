import operations from '../../operations';
import { agentSchema, toolFor } from '../../mcp/tools';
import { mcpClient, sendgrid } from './helpers';

describe('MCP tools', () => {
  it('publish lean schemas: no $schema line, no email regex, no ±2^53 integer bounds', () => {
    for (const op of operations) {
      const json = JSON.stringify(toolFor(op).inputSchema);
      expect(json).not.toContain('$schema');
      expect(json).not.toContain('9007199254740991');
      expect(json).not.toMatch(/"format":"email","pattern"|"pattern":"[^"]*@/);
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
        rate_limit: { reset },
      },
    });
  });

  it('answer an unknown tool with a protocol error', async () => {
    const mcp = await mcpClient();
    await expect(mcp.call('drop_everything', {})).rejects.toThrow(/Unknown tool: drop_everything/);
    await mcp.close();
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
});
