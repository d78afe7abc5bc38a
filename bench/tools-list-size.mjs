// What tools/list costs an agent's context: the bytes of the tool definitions the built server lists,
// for the whole catalogue, by default, read-only, and in discovery mode. Asked of the real
// server over stdio, so it measures exactly what a client receives.
import { existsSync } from 'node:fs';
import { firstToolsList } from './mcp-session.mjs';

if (!existsSync('dist/mcp.js')) throw new Error('Run `npm run build` first: the server runs from dist/.');

const BUDGET = 400;

const listTools = async (args) => (await firstToolsList('bin/sendgrid-mcp.js', ['--sandbox', ...args])).tools;

function report(name, tools) {
  const sizes = tools.map((tool) => [tool.name, Buffer.byteLength(JSON.stringify(tool))]).sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const mean = total / sizes.length;
  console.log(`  ${name}: ${sizes.length} tools, ${total} bytes, mean ${mean.toFixed(0)} bytes per tool (budget ${BUDGET}: ${mean <= BUDGET ? 'met' : 'MISSED'}), largest ${sizes[0][0]} ${sizes[0][1]} bytes`);
}

/** The tool without any description, its own or its fields': what names, strict schemas and annotations cost alone. */
const withoutWords = (node) =>
  Array.isArray(node)
    ? node.map(withoutWords)
    : node && typeof node === 'object'
      ? Object.fromEntries(Object.entries(node).filter(([key, value]) => key !== 'description' || typeof value !== 'string').map(([key, value]) => [key, key === 'properties' || key === '$defs' ? Object.fromEntries(Object.entries(value).map(([name, field]) => [name, withoutWords(field)])) : withoutWords(value)]))
      : node;

console.log('tools/list size (bytes of JSON per tool definition)');
const full = await listTools(['--allow-destructive']);
report('full catalogue (--allow-destructive)', full);
report('  the same without any description (schemas, names, annotations)', full.map(withoutWords));
report('default (no destructive tools)', await listTools([]));
report('read-only (--read-only)', await listTools(['--read-only']));
report('discovery mode (--discovery)', await listTools(['--discovery']));
