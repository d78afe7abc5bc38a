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

console.log('tools/list size (bytes of JSON per tool definition)');
report('full catalogue (--allow-destructive)', await listTools(['--allow-destructive']));
report('default (no destructive tools)', await listTools([]));
report('read-only (--read-only)', await listTools(['--read-only']));
report('discovery mode (--discovery)', await listTools(['--discovery']));
