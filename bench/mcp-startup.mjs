// MCP start-up: from spawning the server to the answer of its first tools/list, for this server and
// for a bare SDK server with one tool. Both speak stdio; the key is a dummy, since listing makes no request.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { compare, report } from './stats.mjs';

if (!existsSync('dist/mcp.js')) throw new Error('Run `npm run build` first: the server runs from dist/.');
const runs = Number(process.env.RUNS ?? 15);

const startup = (script) => () =>
  new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [script], { env: { ...process.env, SENDGRID_API_KEY: 'SG.bench' }, stdio: ['pipe', 'pipe', 'ignore'] });
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
          const ms = Number(process.hrtime.bigint() - start) / 1e6;
          if (!message.result?.tools?.length) reject(new Error(`${script}: tools/list returned no tools`));
          child.kill();
          resolve(ms);
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  });

const result = await compare({
  runs,
  baseline: { measure: startup('bench/bare-mcp-server.mjs') },
  candidate: { measure: startup('bin/sendgrid-mcp.js') },
});
report({
  title: `MCP start-up, spawn to first tools/list (Node ${process.versions.node})`,
  baselineName: 'bare SDK server, one tool',
  candidateName: 'sendgrid-mcp',
  target: 1.25,
  result,
  runs,
});
