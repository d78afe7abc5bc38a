// Discovery mode (--discovery): three tools instead of the whole catalog, for clients that cannot
// afford a hundred tool definitions in their context. An agent searches the catalog, reads the one
// definition it needs, and calls it by name. They see and call only what the server's catalog holds,
// so every filter applied to the catalog applies here too.
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/mini';
import type { SendGridApi } from '../lib/client';
import { InputError } from '../lib/errors';
import { TAGS } from '../lib/operation';
import { parseInput } from '../lib/validate';
import { agentSchema } from './agent-schema';
import { callTool, unknownTool } from './tools';
import type { Catalog } from './catalog';

const searchInput = z.strictObject({
  query: z.optional(z.string().check(z.maxLength(200), z.describe('Words, such as "add contacts to a list".'))),
  tag: z.optional(z.enum(TAGS)),
  access: z.optional(z.enum(['read', 'write', 'destructive'])),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(50), z.describe('Default 10.'))),
});
const describeInput = z.strictObject({ name: z.string().check(z.minLength(1), z.maxLength(45), z.describe('From search_tools.')) });
const callInput = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(45), z.describe('From search_tools.')),
  arguments: z.optional(z.record(z.string(), z.unknown()).check(z.describe('As its input schema says.'))),
});

export const DISCOVERY_TOOLS: Tool[] = [
  {
    name: 'search_tools',
    description: 'Finds SendGrid tools by words, area or access. describe_tool gives one\'s input schema; call_tool runs it.',
    inputSchema: agentSchema(searchInput) as Tool['inputSchema'],
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'describe_tool',
    description: 'Returns a SendGrid tool\'s definition: description, input schema, hints.',
    inputSchema: agentSchema(describeInput) as Tool['inputSchema'],
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'call_tool',
    description: 'Runs a SendGrid tool by name. It may send email or delete data, as that tool does: check its hints first.',
    inputSchema: agentSchema(callInput) as Tool['inputSchema'],
    // MCP's defaults (not read-only, not idempotent, open world) all hold; the one that matters is said.
    annotations: { destructiveHint: true },
  },
];

const STOP_WORDS = new Set(['an', 'the', 'to', 'of', 'in', 'on', 'for', 'and', 'or', 'by', 'with', 'from', 'my', 'all', 'into', 'is', 'it']);

const firstSentence = (text: string) => /^.*?[.!?](\s|$)/.exec(text)?.[0].trim() ?? text;

/** Tools whose name, label, tags or description hold the query's words, best matches first. */
function search(catalog: Catalog, { query, tag, access, limit = 10 }: z.output<typeof searchInput>) {
  const words = (query ?? '').toLowerCase().split(/[^a-z0-9_]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  // Legacy tools serve old accounts: they come after the current ones unless legacy is asked for.
  const wantsLegacy = tag === 'legacy' || words.includes('legacy');
  const scored = catalog.tools
    .map((tool) => ({ tool, meta: catalog.meta[tool.name]! }))
    .filter(({ meta }) => (!tag || meta.tags.includes(tag)) && (!access || meta.access === access))
    .map(({ tool, meta }) => {
      const name = tool.name.replace(/_/g, ' ');
      const label = meta.label.toLowerCase();
      const description = (tool.description ?? '').toLowerCase();
      const score = words.reduce(
        (sum, w) => sum + (name.includes(w) ? 3 : 0) + (label.includes(w) ? 2 : 0) + (meta.tags.some((t) => t.includes(w)) ? 2 : 0) + (description.includes(w) ? 1 : 0),
        0,
      );
      return { tool, meta, score: meta.tags.includes('legacy') && !wantsLegacy ? score / 2 : score };
    })
    .filter(({ score }) => !words.length || score > 0)
    .sort((a, b) => b.score - a.score || a.tool.name.localeCompare(b.tool.name));
  return {
    total: scored.length,
    tools: scored
      .slice(0, limit)
      .map(({ tool, meta }) => ({ name: tool.name, label: meta.label, access: meta.access, tags: [...meta.tags], summary: firstSentence(tool.description ?? '') })),
  };
}

const result = (text: string, structured: Record<string, unknown>): CallToolResult => ({
  content: [
    { type: 'text', text },
    { type: 'text', text: JSON.stringify(structured) },
  ],
  structuredContent: structured,
});

/** Answers a call to one of the discovery tools. */
export async function callDiscoveryTool(catalog: Catalog, api: (name: string) => SendGridApi, name: string, args: unknown): Promise<CallToolResult> {
  try {
    if (name === 'search_tools') {
      const found = search(catalog, parseInput(searchInput, args));
      return result(`Found ${found.total} tool(s)${found.total > found.tools.length ? `; showing ${found.tools.length}` : ''}.`, found);
    }
    if (name === 'describe_tool') {
      const { name: wanted } = parseInput(describeInput, args);
      const tool = catalog.tools.find((t) => t.name === wanted);
      if (!tool) return unknownTool(wanted, catalog.tools.length);
      return result(`${tool.name}: ${catalog.meta[tool.name]!.label}.`, { tool });
    }
    const { name: wanted, arguments: toolArgs } = parseInput(callInput, args);
    const operation = await catalog.operation(wanted);
    if (!operation) return unknownTool(wanted, catalog.tools.length);
    return callTool(operation, api(wanted), toolArgs ?? {});
  } catch (error) {
    if (error instanceof InputError) return { isError: true, content: [{ type: 'text', text: error.message }], structuredContent: { error: error.toJSON() } };
    throw error;
  }
}
