// What tools/list costs an agent's context: the bytes of the tool definitions the built server lists,
// in full mode, in discovery mode (--discovery), and for the read tools alone. Asked of the real
// server over stdio, so it measures exactly what a client receives.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('dist/mcp.js')) throw new Error('Run `npm run build` first: the server runs from dist/.');

const BUDGET = 400;

function listTools(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/sendgrid-mcp.js', '--sandbox', ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
    const send = (message) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      for (let newline; (newline = buffer.indexOf('\n')) >= 0; ) {
        const message = JSON.parse(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        if (message.id === 1) {
          send({ method: 'notifications/initialized' });
          send({ id: 2, method: 'tools/list' });
        } else if (message.id === 2) {
          child.kill();
          resolve(message.result.tools);
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  });
}

function report(name, tools) {
  const sizes = tools.map((tool) => [tool.name, Buffer.byteLength(JSON.stringify(tool))]).sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((sum, [, size]) => sum + size, 0);
  const mean = total / sizes.length;
  console.log(`  ${name}: ${sizes.length} tools, ${total} bytes, mean ${mean.toFixed(0)} bytes per tool (budget ${BUDGET}: ${mean <= BUDGET ? 'met' : 'MISSED'}), largest ${sizes[0][0]} ${sizes[0][1]} bytes`);
}

const full = await listTools([]);
const discovery = await listTools(['--discovery']);
console.log('tools/list size (bytes of JSON per tool definition)');
report('full catalogue', full);
report('read tools only', full.filter((tool) => tool.annotations?.readOnlyHint === true));
report('discovery mode', discovery);
