// A minimal MCP client over stdio for the benchmarks: spawn a server, initialize, ask tools/list once.
import { spawn } from 'node:child_process';

/** The first tools/list of a freshly spawned server: its tools and the milliseconds from spawn to answer. */
export const firstToolsList = (script, args = [], env = process.env) =>
  new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [script, ...args], { env, stdio: ['pipe', 'pipe', 'ignore'] });
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
          child.kill();
          if (!message.result?.tools?.length) reject(new Error(`${script}: tools/list returned no tools`));
          else resolve({ tools: message.result.tools, ms });
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } } });
  });
