// `sendgrid-mcp`: the MCP server over stdio (default) or Streamable HTTP (--http).
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { baseUrlFor } from '../lib/region';
import operations from '../operations';
import { catalogOf, createServer } from './server';

const USAGE = `Usage: sendgrid-mcp [--http [--host 127.0.0.1] [--port 3000]] [--sandbox | --sandbox-if-no-key]

  (default)            MCP over stdio
  --http               Streamable HTTP at http://HOST:PORT/mcp
  --host, --port       where to listen (default 127.0.0.1:3000; port 0 picks a free one)
  --sandbox            use the embedded SendGrid sandbox: no email leaves this machine
  --sandbox-if-no-key  use the sandbox only when SENDGRID_API_KEY is not set

Environment: SENDGRID_API_KEY (the key), SENDGRID_REGION (us or eu), SENDGRID_ON_BEHALF_OF (a subuser),
SENDGRID_API_BASE_URL (overrides the API base).`;

async function main() {
  const { values: flags } = parseArgs({
    options: {
      http: { type: 'boolean', default: false },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '3000' },
      sandbox: { type: 'boolean', default: false },
      'sandbox-if-no-key': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (flags.help) return void console.log(USAGE);

  const env = process.env;
  const useSandbox = flags.sandbox || (flags['sandbox-if-no-key'] && !env.SENDGRID_API_KEY);
  if (!useSandbox && !env.SENDGRID_API_KEY) {
    console.error('SENDGRID_API_KEY is not set. Set it to a SendGrid API key, or pass --sandbox to try the tools safely.\n');
    console.error(USAGE);
    process.exit(2);
  }
  // The sandbox and the HTTP transport load only when asked for: start-up is what an MCP client waits on.
  const sandbox = useSandbox ? await (await import('../sandbox/server')).startSandbox() : undefined;
  const credentials = sandbox
    ? { apiKey: 'SG.sandbox', baseUrl: sandbox.url }
    : { apiKey: env.SENDGRID_API_KEY!, baseUrl: baseUrlFor(env.SENDGRID_REGION), onBehalfOf: env.SENDGRID_ON_BEHALF_OF || undefined };
  const backend = sandbox ? `the embedded SendGrid sandbox at ${sandbox.url} (no email leaves this machine)` : `SendGrid at ${credentials.baseUrl}`;
  const catalog = catalogOf(operations);

  if (!flags.http) {
    await createServer(catalog, credentials).connect(new StdioServerTransport());
    // The client closing stdin is the end of the session; the sandbox would otherwise keep us alive.
    process.stdin.once('end', () => process.exit(0));
    console.error(`sendgrid-mcp: ${catalog.tools.length} tools over stdio, backed by ${backend}.`);
    return;
  }

  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not ${flags.port}`);
  const { serveHttp } = await import('./http');
  const { url } = await serveHttp({ host: flags.host, port, makeServer: () => createServer(catalog, credentials) });
  console.log(`SendGrid MCP server: ${url}`);
  console.log(`Backed by ${backend}; ${catalog.tools.length} tools.`);
  console.log('Client config (Cursor, VS Code and other clients that take a URL):');
  console.log(JSON.stringify({ mcpServers: { sendgrid: { type: 'http', url } } }, null, 2));
  console.log(`Claude Code: claude mcp add --transport http sendgrid ${url}`);
}

main().catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `sendgrid-mcp: that port is in use; pass --port to choose another.` : `sendgrid-mcp: ${error.message}`);
  process.exit(1);
});
