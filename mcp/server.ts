// The MCP server: the tool catalog is prepared once; a server object is cheap and made per connection
// (or, over stateless HTTP, per request).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { createApi } from '../lib/client';
import { axiosTransport, type Credentials } from '../lib/http-axios';
import type { Pacer } from '../lib/pacer';
import { version } from '../package.json';
import { callDiscoveryTool, DISCOVERY_TOOLS } from './discovery';
import type { AuditLog } from './audit';
import { dryRunTransport } from './dry-run';
import type { Catalog } from './catalog';
import { callTool, unknownTool } from './tools';

const INSTRUCTIONS =
  'Tools act on the SendGrid account of the configured API key. send_email delivers real email to real people; ' +
  'list_* tools only read. Errors say what to fix (a field, a missing key permission, an unverified sender).';

/** One tool call, retries and waits included, ends by then: MCP clients give up at 60 s by default. */
export const CALL_DEADLINE_MS = 45_000;

export interface ServerOptions {
  deadlineMs?: number;
  /** Wait out a 429 and retry, up to this many times (--retry-429); by default a 429 is an isError result. */
  retry429?: number;
  /** Rate-limit state shared by every call of this process (over HTTP, by every per-request server). */
  pacer?: Pacer;
  /** Offer three tools (search, describe, call) instead of the whole catalog. */
  discovery?: boolean;
  /** After this moment every call is refused. */
  expiresAt?: Date;
  /** Where each call is recorded. */
  audit?: AuditLog;
  /** Writes are shown, not sent. */
  dryRun?: boolean;
  /** The agent this server acts for, named in the audit log (--policy). */
  agent?: string;
  /** Secrets of this connection (an agent's token), never written to the audit log. */
  secrets?: readonly string[];
}

export function createServer(
  catalog: Catalog,
  credentials: Credentials,
  { deadlineMs = CALL_DEADLINE_MS, retry429 = 0, pacer, discovery = false, expiresAt, audit, dryRun = false, agent, secrets = [] }: ServerOptions = {},
): Server {
  const server = new Server({ name: 'sendgrid', title: 'SendGrid', version }, { capabilities: { tools: { listChanged: true } }, instructions: INSTRUCTIONS });
  const transport = dryRun ? dryRunTransport(axiosTransport(credentials)) : axiosTransport(credentials);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: discovery ? DISCOVERY_TOOLS : catalog.tools }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }, extra) => {
    const progressToken = params._meta?.progressToken;
    const apiFor = (name: string) =>
      createApi(transport, {
        baseUrl: credentials.baseUrl,
        scopes: catalog.meta[name]?.scopes,
        secrets: [credentials.apiKey],
        // A 429 is reported with when to retry, unless the owner asked the server to wait (a 429 means
        // nothing was done, so a retry cannot send a mail twice); waits never pass the call's deadline.
        throttleRetries: retry429,
        maxThrottleWaitSeconds: 20,
        pacer,
        deadlineMs,
        // A client that cancels (or, over HTTP, disconnects) stops waits and retries; no request starts after.
        signal: extra.signal,
        onProgress:
          progressToken === undefined
            ? undefined
            : (progress, total, message) =>
                void extra
                  .sendNotification({ method: 'notifications/progress', params: { progressToken, progress, ...(total === undefined ? {} : { total }), ...(message ? { message } : {}) } })
                  .catch(() => undefined),
      });
    const run = async (): Promise<CallToolResult> => {
      if (expiresAt && Date.now() >= expiresAt.getTime())
        return { isError: true, content: [{ type: 'text', text: `This server's access ended at ${expiresAt.toISOString()}: every call is refused. Ask its owner for a new one.` }] };
      if (discovery) {
        if (DISCOVERY_TOOLS.some((tool) => tool.name === params.name)) return callDiscoveryTool(catalog, apiFor, params.name, params.arguments ?? {});
        return unknownTool(params.name, DISCOVERY_TOOLS.length, 'in discovery mode, run it through call_tool');
      }
      const operation = await catalog.operation(params.name);
      if (!operation) return unknownTool(params.name, catalog.tools.length);
      return callTool(operation, apiFor(params.name), params.arguments ?? {});
    };
    const began = Date.now();
    const result = await run();
    // Recorded before the result goes back, so a crash right after loses nothing.
    audit?.record({ time: new Date(began).toISOString(), agent: agent ?? null, tool: params.name, arguments: params.arguments ?? {}, duration_ms: Date.now() - began, ...outcomeOf(result) }, secrets);
    return result;
  });
  return server;
}

/** What the audit log keeps of a result: ok or error, SendGrid's status, and the id SendGrid gave. */
function outcomeOf(result: CallToolResult) {
  const data = (result.structuredContent ?? {}) as { error?: { status?: number }; message_id?: unknown; job_id?: unknown; id?: unknown };
  const id = [data.message_id, data.job_id, data.id].find((value) => typeof value === 'string') as string | undefined;
  return {
    outcome: result.isError ? ('error' as const) : ('ok' as const),
    ...(result.isError && data.error?.status ? { status: data.error.status } : {}),
    ...(!result.isError && id ? { sendgrid_id: id } : {}),
  };
}
