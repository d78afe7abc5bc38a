// `sendgrid-mcp`: the MCP server over stdio (default) or Streamable HTTP (--http).
import { join } from 'node:path';
import { Pacer } from '../lib/pacer';
import { ConfigError, configOf, USAGE, type Config } from './config';
import { AuditLog } from './audit';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { axiosTransport, type Credentials } from '../lib/http-axios';
import { prebuiltCatalog, type Catalog } from './catalog';
import { keyScopes, watchScopes } from './scopes';
import { applyPolicy } from './policy';
import type { Agent } from './policy-file';
import { createServer, type ServerOptions } from './server';
import { LineTransport } from './stdio';

/** This project's own entry point, by absolute path: a config never names a package someone else owns. */
const BIN = join(__dirname, '..', 'bin', 'sendgrid-mcp.js');

async function main() {
  if (process.argv[2] === 'agents') return void (process.exitCode = await (await import('./agents')).agentsCommand(process.argv.slice(3)));
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
  const full = prebuiltCatalog(join(__dirname, 'catalog.json'), async () => (await import('../operations')).default);
  const allowed = applyPolicy(full, config.policy);
  if (!allowed.tools.length && !config.agents) {
    console.error(`sendgrid-mcp: the filters (--methods, --read-only, --tags, and destructive tools being off without --allow-destructive) leave no tool.\n\n${USAGE}`);
    process.exit(2);
  }
  const catalog: Catalog = { ...allowed };
  const servers = new Set<Server>();
  // The embedded sandbox's key has every permission: nothing to ask.
  if (!sandbox && !config.ignoreScopes && !config.agents)
    void watchScopes(allowed, catalog, () => keyScopes(axiosTransport(credentials), credentials.baseUrl, [credentials.apiKey]), {
      changed: () => servers.forEach((server) => void server.sendToolListChanged().catch(() => undefined)),
    });
  // One rate-limit memory for the whole process: over HTTP every request has its own server.
  const serverOptions: ServerOptions = {
    retry429: config.retry429,
    pacer: new Pacer(),
    discovery: config.discovery,
    expiresAt: config.policy.expiresAt,
    audit: config.auditLog ? new AuditLog(config.auditLog, [credentials.apiKey, ...(config.agents ?? []).flatMap((agent) => (agent.apiKey ? [agent.apiKey] : []))]) : undefined,
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
  if (config.agents) return serveAgents(config, config.agents, full, credentials, serverOptions, backend, Boolean(sandbox));
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

/**
 * Several agents on one HTTP server (--policy): each agent's catalog is built once from its policy
 * (then narrowed by its key's permissions), and each request's server is made from the catalog,
 * credentials and end time of the agent its secret names.
 */
async function serveAgents(config: Config, agents: readonly Agent[], full: Catalog, credentials: Credentials, options: ServerOptions, backend: string, sandbox: boolean) {
  const { findAgent } = await import('./policy-file');
  const { serveHttp } = await import('./http');
  // One permission check per key (and subuser), however many agents share it.
  const scopeReads = new Map<string, () => Promise<string[] | undefined>>();
  const served = new Map(
    agents.map((agent) => {
      const catalog = applyPolicy(full, agent.policy);
      if (!catalog.tools.length) {
        console.error(`sendgrid-mcp: the policy of agent "${agent.name}" (methods, tags, allow_destructive) leaves it no tool.\n\n${USAGE}`);
        process.exit(2);
      }
      if (agent.policy.expiresAt && agent.policy.expiresAt.getTime() <= Date.now())
        console.error(`sendgrid-mcp: agent "${agent.name}" expired at ${agent.policy.expiresAt.toISOString()}; its requests are refused.`);
      const own: Credentials = agent.apiKey
        ? { apiKey: agent.apiKey, baseUrl: credentials.baseUrl, onBehalfOf: agent.onBehalfOf }
        : { ...credentials, onBehalfOf: agent.onBehalfOf ?? credentials.onBehalfOf };
      const live: Catalog = { ...catalog };
      if (!sandbox && !config.ignoreScopes) {
        const id = `${own.apiKey}\n${own.onBehalfOf ?? ''}`;
        if (!scopeReads.has(id)) {
          let last: { at: number; scopes: Promise<string[] | undefined> } | undefined;
          scopeReads.set(id, () => {
            if (!last || Date.now() - last.at > 60_000) last = { at: Date.now(), scopes: keyScopes(axiosTransport(own), own.baseUrl, [own.apiKey]) };
            return last.scopes;
          });
        }
        void watchScopes(catalog, live, scopeReads.get(id)!, { report: (line) => console.error(line.replace(/^sendgrid-mcp: /, `sendgrid-mcp: agent "${agent.name}": `)) });
      }
      return [agent.name, { catalog: live, credentials: own, expiresAt: agent.policy.expiresAt }] as const;
    }),
  );
  const { url } = await serveHttp({
    host: config.http!.host,
    port: config.http!.port,
    agentOf: (secret) => findAgent(agents, secret)?.name,
    makeServer: (name, secret) => {
      const agent = served.get(name!)!;
      return createServer(agent.catalog, agent.credentials, { ...options, expiresAt: agent.expiresAt, agent: name, secrets: secret ? [secret] : [] });
    },
  });
  console.log(`SendGrid MCP server: ${url}`);
  console.log(`Backed by ${backend}; ${served.size} agent(s): ${[...served].map(([name, agent]) => `${name} (${agent.catalog.tools.length} tools)`).join(', ')}.`);
  console.log(`Each agent connects with its own token: ${url}/<token> (clients that cannot send headers, such as ChatGPT connectors), or ${url} with "Authorization: Bearer <token>".`);
  console.log('Add an agent or renew its token: sendgrid-mcp agents add NAME --policy FILE (the token is shown once).');
}
