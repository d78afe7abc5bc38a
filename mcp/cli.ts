// `sendgrid-mcp`: the MCP server over stdio (default) or Streamable HTTP (--http).
import { join } from 'node:path';
import { Pacer } from '../lib/pacer';
import { ConfigError, configOf, USAGE, type Config } from './config';
import { AuditLog } from './audit';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { axiosTransport } from '../lib/http-axios';
import { prebuiltCatalog, type Catalog } from './catalog';
import { keyScopes, watchScopes } from './scopes';
import { applyPolicy } from './policy';
import { createServer } from './server';
import { LineTransport } from './stdio';

/** This project's own entry point, by absolute path: a config never names a package someone else owns. */
const BIN = join(__dirname, '..', 'bin', 'sendgrid-mcp.js');

async function main() {
  let config: Config;
  try {
    config = configOf(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`sendgrid-mcp: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) return void console.log(USAGE);

  // The sandbox and the HTTP transport load only when asked for: start-up is what an MCP client waits on.
  const sandbox = config.sandbox ? await (await import('../sandbox/server')).startSandbox({ statePath: config.sandboxState }) : undefined;
  const credentials = sandbox ? { apiKey: 'SG.sandbox', baseUrl: sandbox.url } : config.credentials!;
  const backend = sandbox ? `the embedded SendGrid sandbox at ${sandbox.url} (no email leaves this machine)` : `SendGrid at ${credentials.baseUrl}`;
  // Prepared at build time; the operations load on the first tool call. The policy decides what agents
  // see; the key's permissions then narrow it (checked beside start-up, see watchScopes).
  const allowed = applyPolicy(
    prebuiltCatalog(join(__dirname, 'catalog.json'), async () => (await import('../operations')).default),
    config.policy,
  );
  if (!allowed.tools.length) {
    console.error(`sendgrid-mcp: the filters (--methods, --read-only, --tags, and destructive tools being off without --allow-destructive) leave no tool.\n\n${USAGE}`);
    process.exit(2);
  }
  const catalog: Catalog = { ...allowed };
  const servers = new Set<Server>();
  // The embedded sandbox's key has every permission: nothing to ask.
  if (!sandbox && !config.ignoreScopes)
    void watchScopes(allowed, catalog, () => keyScopes(axiosTransport(credentials), credentials.baseUrl, [credentials.apiKey]), {
      changed: () => servers.forEach((server) => void server.sendToolListChanged().catch(() => undefined)),
    });
  // One rate-limit memory for the whole process: over HTTP every request has its own server.
  const serverOptions = {
    retry429: config.retry429,
    pacer: new Pacer(),
    discovery: config.discovery,
    expiresAt: config.policy.expiresAt,
    audit: config.auditLog ? new AuditLog(config.auditLog, [credentials.apiKey]) : undefined,
    dryRun: config.dryRun,
  };
  const toolCount = config.discovery ? `3 discovery tools for ${catalog.tools.length} operations` : `${catalog.tools.length} tools`;

  if (!config.http) {
    const server = createServer(catalog, credentials, serverOptions);
    servers.add(server);
    server.onerror = (error) => console.error(`sendgrid-mcp: ${error.message}`);
    // The client closing stdin is the end of the session: the sandbox would otherwise keep an
    // orphan process alive.
    server.onclose = () => process.exit(0);
    await server.connect(new LineTransport());
    console.error(`sendgrid-mcp: ${toolCount} over stdio, backed by ${backend}.`);
    return;
  }

  const { host, port, authToken } = config.http;
  const { serveHttp } = await import('./http');
  const { url } = await serveHttp({ host, port, authToken, expiresAt: config.policy.expiresAt, makeServer: () => createServer(catalog, credentials, serverOptions) });
  const headers = authToken ? { headers: { Authorization: 'Bearer <your token>' } } : {};
  console.log(`SendGrid MCP server: ${url}`);
  console.log(`Backed by ${backend}; ${toolCount}.`);
  console.log('Client config (Cursor, VS Code and other clients that take a URL):');
  console.log(JSON.stringify({ mcpServers: { sendgrid: { type: 'http', url, ...headers } } }, null, 2));
  console.log(`Claude Code: claude mcp add --transport http sendgrid ${url}${authToken ? ' --header "Authorization: Bearer <your token>"' : ''}`);
  console.log('Over stdio instead (Claude Desktop; this project\'s own code, by path):');
  console.log(JSON.stringify({ mcpServers: { sendgrid: { command: process.execPath, args: [BIN], env: { SENDGRID_API_KEY: 'SG.…' } } } }, null, 2));
}

main().catch((error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `sendgrid-mcp: that port is in use; pass --port to choose another.` : `sendgrid-mcp: ${error.message}`);
  process.exit(1);
});
