// The MCP face: one tool per operation, named by its key. Generic: it never names an endpoint.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/mini';
import type { SendGridApi } from '../lib/client';
import { InputError, SendGridError } from '../lib/errors';
import type { Access, AnyOperation } from '../lib/operation';
import { parseInput } from '../lib/validate';

const HINTS: Record<Access, Tool['annotations']> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  write: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
};

type JsonSchema = Record<string, unknown>;

/** Keywords zod emits that cost an agent context and tell it nothing. */
const isNoise = (key: string, value: unknown, schema: JsonSchema) =>
  key === '$schema' ||
  (key === 'pattern' && schema.format === 'email') || // zod's ~150-character email regex
  ((key === 'minimum' || key === 'maximum') && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER) || // z.int()'s ±2^53
  (key === 'propertyNames' && (value as JsonSchema)?.type === 'string'); // every JSON key is a string

/** The JSON Schema an agent reads, without the noise above. Calls are still checked against the full zod schema. */
export function agentSchema(schema: z.ZodMiniType): JsonSchema {
  const prune = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(prune);
    if (!node || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node as JsonSchema)) {
      // Under `properties` the keys are field names, not keywords: a field may be called `pattern`.
      if (key === 'properties' && value && typeof value === 'object')
        out[key] = Object.fromEntries(Object.entries(value).map(([name, field]) => [name, prune(field)]));
      else if (!isNoise(key, value, node as JsonSchema)) out[key] = prune(value);
    }
    return out;
  };
  return prune(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })) as JsonSchema;
}

export const toolFor = (operation: AnyOperation): Tool => ({
  name: operation.key,
  title: operation.label,
  description: operation.description,
  inputSchema: agentSchema(operation.input) as Tool['inputSchema'],
  annotations: { title: operation.label, ...HINTS[operation.access] },
});

/** Runs an operation for an agent: its summary and data on success, an isError result it can act on otherwise. */
export async function callTool(operation: AnyOperation, api: SendGridApi, args: unknown): Promise<CallToolResult> {
  try {
    const input = parseInput(operation.input, args);
    const result = await operation.perform(api, input);
    // structuredContent must be an object; lists travel as { items }.
    const structured = (Array.isArray(result) ? { items: result } : result) as Record<string, unknown>;
    return {
      content: [
        { type: 'text', text: operation.summary(result, input) },
        { type: 'text', text: JSON.stringify(structured) },
      ],
      structuredContent: structured,
    };
  } catch (error) {
    if (error instanceof SendGridError || error instanceof InputError)
      return { isError: true, content: [{ type: 'text', text: error.message }], structuredContent: { error: error.toJSON() } };
    return { isError: true, content: [{ type: 'text', text: `${operation.key} failed: ${(error as Error).message}` }] };
  }
}
