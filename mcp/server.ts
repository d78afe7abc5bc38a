// The MCP server: the tool catalog is prepared once; a server object is cheap and made per connection
// (or, over stateless HTTP, per request).
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ListToolsRequestSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { createApi } from '../lib/client';
import { axiosTransport, type Credentials } from '../lib/http-axios';
import type { AnyOperation } from '../lib/operation';
import { version } from '../package.json';
import { callTool, toolFor, unknownTool } from './tools';

const INSTRUCTIONS =
  'Tools act on the SendGrid account of the configured API key. send_email delivers real email to real people; ' +
  'list_* tools only read. Errors say what to fix (a field, a missing key permission, an unverified sender).';

/** One tool call, retries and waits included, ends by then: MCP clients give up at 60 s by default. */
export const CALL_DEADLINE_MS = 45_000;

export interface Catalog {
  operations: Map<string, AnyOperation>;
  tools: Tool[];
}

export function catalogOf(operations: AnyOperation[]): Catalog {
  return { operations: new Map(operations.map((op) => [op.key, op])), tools: operations.map(toolFor) };
}

export function createServer(catalog: Catalog, credentials: Credentials, { deadlineMs = CALL_DEADLINE_MS } = {}): Server {
  const server = new Server({ name: 'sendgrid', title: 'SendGrid', version }, { capabilities: { tools: {} }, instructions: INSTRUCTIONS });
  const transport = axiosTransport(credentials);
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: catalog.tools }));
  server.setRequestHandler(CallToolRequestSchema, async ({ params }, extra) => {
    const operation = catalog.operations.get(params.name);
    if (!operation) return unknownTool(params.name, catalog.tools.length);
    const progressToken = params._meta?.progressToken;
    const api = createApi(transport, {
      baseUrl: credentials.baseUrl,
      scopes: operation.scopes,
      secrets: [credentials.apiKey],
      // Agents wait for a short rate-limit reset rather than fail; Zapier instead retries the whole step later.
      throttleRetries: 2,
      maxThrottleWaitSeconds: 20,
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
    return callTool(operation, api, params.arguments ?? {});
  });
  return server;
}
