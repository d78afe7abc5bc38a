// The MCP face: one tool per operation, named by its key. Generic: it never names an endpoint.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { SendGridApi } from '../lib/client';
import { InputError, SendGridError } from '../lib/errors';
import type { Access, AnyOperation } from '../lib/operation';
import { parseInput } from '../lib/validate';
import { agentSchema } from './agent-schema';
import { DryRun } from './dry-run';

/**
 * Hints from the access class, stated only where they differ from MCP's defaults (readOnlyHint false,
 * destructiveHint true, idempotentHint false, openWorldHint true): every tool calls SendGrid (open
 * world), and an agent pays for each byte of tools/list. destructiveHint is stated for destructive
 * tools all the same, so that no tool leaves its most important hint implicit.
 */
const HINTS: Record<Access, Tool['annotations']> = {
  read: { readOnlyHint: true },
  write: { destructiveHint: false },
  destructive: { destructiveHint: true },
};

/** A tool's definition. No `title`: the name already says it, and every byte of tools/list costs the agent. */
export const toolFor = (operation: AnyOperation): Tool => ({
  name: operation.key,
  description: operation.description,
  inputSchema: agentSchema(operation.input) as Tool['inputSchema'],
  annotations: HINTS[operation.access],
});

/** What one result may hand an agent: a bigger one is truncated, with a note on how to narrow it. */
export const MAX_RESULT_BYTES = 1024 * 1024;

/** Unknown tools are answered like any failure an agent can act on, not as a protocol error. */
export const unknownTool = (name: string, count: number, hint?: string): CallToolResult => ({
  isError: true,
  content: [{ type: 'text', text: `There is no tool named ${JSON.stringify(name)}; tools/list shows the ${count} this server offers${hint ? ` (${hint})` : ''}.` }],
});

/** Runs an operation for an agent: its summary and data on success, an isError result it can act on otherwise. */
export async function callTool(operation: AnyOperation, api: SendGridApi, args: unknown): Promise<CallToolResult> {
  try {
    const input = parseInput(operation.input, args);
    const result = await operation.perform(api, input);
    // structuredContent must be an object; lists travel as { items }.
    const structured = fit(Array.isArray(result) ? { items: result } : (result as Record<string, unknown>) ?? {});
    const note = structured.truncated ? ` ${(structured.truncated as { note: string }).note}` : '';
    return {
      content: [
        { type: 'text', text: operation.summary(result, input) + note },
        { type: 'text', text: JSON.stringify(structured) },
      ],
      structuredContent: structured,
    };
  } catch (error) {
    if (error instanceof DryRun) {
      const structured = error.toResult();
      return { content: [{ type: 'text', text: `${error.message} Nothing was changed in SendGrid.` }, { type: 'text', text: JSON.stringify(structured) }], structuredContent: structured };
    }
    // Our errors explain themselves and carry details (SendGrid's field errors, who a split send reached).
    const details = (error as { toJSON?: () => Record<string, unknown> }).toJSON;
    if (error instanceof SendGridError || error instanceof InputError || typeof details === 'function')
      return { isError: true, content: [{ type: 'text', text: (error as Error).message }], structuredContent: { error: details!.call(error) } };
    return { isError: true, content: [{ type: 'text', text: `${operation.key} failed: ${(error as Error).message}` }] };
  }
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? '');

/**
 * Keeps a result within MAX_RESULT_BYTES: the longest list in it is cut to the items that fit (a
 * binary search on their size), and `truncated` says how many there were and how to get the rest.
 */
function fit(result: Record<string, unknown>): Record<string, unknown> {
  if (bytes(result) <= MAX_RESULT_BYTES) return result;
  const lists = Object.entries(result).filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
  const [key, items] = lists.sort((a, b) => bytes(b[1]) - bytes(a[1]))[0] ?? [];
  if (!key || !items) return { truncated: { note: `The result was over ${MAX_RESULT_BYTES / 1024} KB and was left out; narrow the request.` } };
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytes({ ...result, [key]: items.slice(0, mid) }) <= MAX_RESULT_BYTES - 512) low = mid;
    else high = mid - 1;
  }
  const note = `Only the first ${low} of ${items.length} ${key} fit in one result (${MAX_RESULT_BYTES / 1024} KB); use the tool's filters or paging to get the rest.`;
  return { ...result, [key]: items.slice(0, low), truncated: { field: key, returned: low, total: items.length, note } };
}
