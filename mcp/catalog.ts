// The tool catalog. The server lists tools from a catalog prepared at build time (dist/catalog.json),
// so start-up does not grow with the number of operations; the operations themselves (their zod
// schemas, their code) load on the first call.
import { readFileSync } from 'node:fs';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Access, AnyOperation, Tag } from '../lib/operation';
import { toolFor } from './tools';

/** What discovery filters on, beside the tool definition itself. */
export interface ToolMeta {
  /** The operation's label ("Add or Update Contacts"): words search_tools matches, kept out of tools/list. */
  label: string;
  tags: readonly Tag[];
  access: Access;
  scopes: readonly string[];
}

/** The serializable part: what the build writes. */
export interface CatalogData {
  tools: Tool[];
  meta: Record<string, ToolMeta>;
}

export interface Catalog extends CatalogData {
  /** The operation behind a tool, loaded on first use. */
  operation(name: string): Promise<AnyOperation | undefined>;
}

export const catalogData = (operations: readonly AnyOperation[]): CatalogData => ({
  tools: operations.map(toolFor),
  meta: Object.fromEntries(operations.map((op) => [op.key, { label: op.label, tags: op.tags, access: op.access, scopes: op.scopes }])),
});

/** A catalog built now from operations at hand (tests, scripts). */
export function catalogOf(operations: readonly AnyOperation[]): Catalog {
  const byKey = new Map(operations.map((op) => [op.key, op]));
  return { ...catalogData(operations), operation: async (name) => byKey.get(name) };
}

/** The catalog the build wrote, with the operations loaded once a tool is called. */
export function prebuiltCatalog(file: string, load: () => Promise<readonly AnyOperation[]>): Catalog {
  const data = JSON.parse(readFileSync(file, 'utf8')) as CatalogData;
  let byKey: Promise<Map<string, AnyOperation>> | undefined;
  return {
    ...data,
    operation: async (name) => {
      byKey ??= load().then((operations) => new Map(operations.map((op) => [op.key, op])));
      return (await byKey).get(name);
    },
  };
}

/** The catalog with only the tools `keep` accepts, listed and callable alike. */
export function narrow(catalog: Catalog, keep: (meta: ToolMeta) => boolean): Catalog {
  const allowed = new Set(catalog.tools.filter((tool) => keep(catalog.meta[tool.name]!)).map((tool) => tool.name));
  return {
    tools: catalog.tools.filter((tool) => allowed.has(tool.name)),
    meta: Object.fromEntries(Object.entries(catalog.meta).filter(([name]) => allowed.has(name))),
    operation: async (name) => (allowed.has(name) ? catalog.operation(name) : undefined),
  };
}
