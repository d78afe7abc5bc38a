// The server's settings from flags and environment, checked before anything starts: a setting that
// is wrong is a start-up error naming it, never a crash on the first request or a silent default.
import { parseArgs } from 'node:util';
import { checkBaseUrl, regionOf } from '../lib/region';
import type { Credentials } from '../lib/http-axios';
import { isLoopback } from './http';
import { ISO_TIME, METHODS, TAGS, type Method, type Policy } from './policy';
import { loadPolicyFile, PolicyFileError, type Agent } from './policy-file';

export const USAGE = `Usage: sendgrid-mcp [--http [--host 127.0.0.1] [--port 3000] [--auth-token TOKEN | --policy FILE]] [--sandbox | --sandbox-if-no-key [--sandbox-state FILE]]
       sendgrid-mcp agents add NAME --policy FILE [--methods LIST] [--tags LIST] [--allow-destructive] [--expires-at TIME] [--on-behalf-of SUBUSER]

  (default)            MCP over stdio
  --http               Streamable HTTP at http://HOST:PORT/mcp
  --host, --port       where to listen (default 127.0.0.1:3000; port 0 picks a free one)
  --auth-token TOKEN   require "Authorization: Bearer TOKEN" (or set MCP_AUTH_TOKEN); required off loopback
  --policy FILE        several agents, each with its own token and policy (JSON; see \`agents add\`): a
                       request names its agent by /mcp/<token> or "Authorization: Bearer <token>"
  --sandbox            use the embedded SendGrid sandbox: no email leaves this machine
  --sandbox-if-no-key  use the sandbox only when SENDGRID_API_KEY is not set
  --sandbox-state FILE keep the sandbox's account in FILE (JSON), reloaded at the next start
  --discovery          offer 3 tools (search_tools, describe_tool, call_tool) instead of the whole catalog
  --retry-429 N        on a SendGrid 429, wait for the reset (at most 20 s) and retry, up to N times (0-5;
                       default 0: the tool reports the 429 and when to retry)
  --methods LIST       only tools that read, write or are custom (the raw request): e.g. read,write
  --read-only          the same as --methods read
  --tags LIST          only tools of these areas: ${TAGS.join(', ')}
  --allow-destructive  also offer destructive tools (deletes, the raw request); off by default
  --expires-at TIME    refuse every call after this ISO-8601 time (and answer 401 over HTTP)
  --audit-log FILE     append one JSON line per call to FILE (and a readable line to stderr)
  --dry-run            writes are validated and shown (method, path, body), never sent; reads go out
  --ignore-scopes      offer every tool, even those the key's permissions (GET /v3/scopes) do not allow

Environment: SENDGRID_API_KEY (the key), SENDGRID_REGION (us or eu), SENDGRID_ON_BEHALF_OF (a subuser),
SENDGRID_API_BASE_URL (overrides the API base), MCP_AUTH_TOKEN (as --auth-token).`;

/** A setting that stops the server from starting; the CLI prints it with the usage. */
export class ConfigError extends Error {}

export interface Config {
  help: boolean;
  http?: { host: string; port: number; authToken?: string };
  /** Use the embedded sandbox; otherwise `credentials` reach SendGrid. */
  sandbox: boolean;
  /** Where the sandbox keeps its state across restarts. */
  sandboxState?: string;
  /** How many times to wait out a 429 and retry. */
  retry429: number;
  /** Three discovery tools instead of the catalog. */
  discovery: boolean;
  /** What agents may do. */
  policy: Policy;
  /** Several agents, each with its own secret and policy (--policy FILE; HTTP only). */
  agents?: Agent[];
  /** Where each call is recorded. */
  auditLog?: string;
  /** Writes are shown, not sent. */
  dryRun: boolean;
  /** Offer tools whatever the key's permissions. */
  ignoreScopes: boolean;
  credentials?: Credentials;
}

export function configOf(args: string[], env: NodeJS.ProcessEnv): Config {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        http: { type: 'boolean', default: false },
        host: { type: 'string' },
        port: { type: 'string' },
        'auth-token': { type: 'string' },
        policy: { type: 'string' },
        sandbox: { type: 'boolean', default: false },
        'sandbox-if-no-key': { type: 'boolean', default: false },
        'sandbox-state': { type: 'string' },
        'retry-429': { type: 'string' },
        discovery: { type: 'boolean', default: false },
        methods: { type: 'string' },
        'read-only': { type: 'boolean', default: false },
        tags: { type: 'string' },
        'allow-destructive': { type: 'boolean', default: false },
        'expires-at': { type: 'string' },
        'audit-log': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'ignore-scopes': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (values.help) return { help: true, sandbox: false, retry429: 0, discovery: false, policy: { allowDestructive: false }, dryRun: false, ignoreScopes: false };

  const retryText = values['retry-429'] ?? '0';
  if (!/^[0-5]$/.test(retryText)) throw new ConfigError(`--retry-429 must be a whole number from 0 to 5, not ${JSON.stringify(retryText)}.`);
  const retry429 = Number(retryText);
  const discovery = values.discovery;
  const policy = policyOf(values);
  const auditLog = values['audit-log'];
  if (auditLog !== undefined && !auditLog.trim()) throw new ConfigError('--audit-log must name a file.');

  if (values.policy !== undefined && !values.http)
    throw new ConfigError('--policy applies to --http only: over stdio the server has one client, so use --methods, --tags, --allow-destructive and --expires-at instead.');
  for (const flag of ['host', 'port', 'auth-token'] as const)
    if (values[flag] !== undefined && !values.http) throw new ConfigError(`--${flag} applies to --http only; add --http or leave it out.`);

  const sandboxState = values['sandbox-state'];
  if (sandboxState !== undefined && !values.sandbox && !values['sandbox-if-no-key'])
    throw new ConfigError('--sandbox-state applies to the sandbox only; add --sandbox or --sandbox-if-no-key.');
  if (sandboxState !== undefined && !sandboxState.trim()) throw new ConfigError('--sandbox-state must name a file.');

  const key = env.SENDGRID_API_KEY;
  if (key !== undefined && key !== '' && (!key.trim() || /\s/.test(key.trim())))
    throw new ConfigError('SENDGRID_API_KEY is blank or contains spaces or line breaks: set it to the whole key, as SendGrid showed it.');
  const sandbox = values.sandbox || (values['sandbox-if-no-key'] && !key);
  if (!sandbox && !key) throw new ConfigError('SENDGRID_API_KEY is not set. Set it to a SendGrid API key, or pass --sandbox to try the tools safely.');

  let credentials: Credentials | undefined;
  try {
    // Checked even when the sandbox is used, so a typo shows now and not on the day the key is set.
    const region = regionOf(env.SENDGRID_REGION, 'SENDGRID_REGION');
    const baseUrl = env.SENDGRID_API_BASE_URL ? checkBaseUrl(env.SENDGRID_API_BASE_URL) : region === 'eu' ? 'https://api.eu.sendgrid.com' : 'https://api.sendgrid.com';
    if (!sandbox) credentials = { apiKey: key!.trim(), baseUrl, onBehalfOf: env.SENDGRID_ON_BEHALF_OF?.trim() || undefined };
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }

  let agents: Agent[] | undefined;
  if (values.policy !== undefined) {
    for (const flag of ['methods', 'read-only', 'tags', 'allow-destructive', 'expires-at'] as const)
      if (values[flag] !== undefined && values[flag] !== false)
        throw new ConfigError(`--${flag} does not apply with --policy: each agent's policy file entry says what it may do.`);
    if (values['auth-token'] !== undefined || env.MCP_AUTH_TOKEN)
      throw new ConfigError('--policy and --auth-token (or MCP_AUTH_TOKEN) both say who may connect: choose one.');
    try {
      agents = loadPolicyFile(values.policy);
    } catch (error) {
      if (error instanceof PolicyFileError) throw new ConfigError(error.message);
      throw error;
    }
  }

  const settings = { help: false, agents, sandbox, sandboxState, retry429, discovery, policy, auditLog, dryRun: values['dry-run'], ignoreScopes: values['ignore-scopes'], credentials };
  if (!values.http) return settings;

  const portText = values.port ?? '3000';
  if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) throw new ConfigError(`--port must be a whole number from 0 to 65535, not ${JSON.stringify(portText)}.`);
  const host = values.host ?? '127.0.0.1';
  if (!host.trim()) throw new ConfigError('--host must name an address, such as 127.0.0.1.');
  const authToken = values['auth-token'] ?? (env.MCP_AUTH_TOKEN || undefined);
  if (authToken !== undefined && authToken.length < 16) throw new ConfigError('The auth token must be at least 16 characters; make one with `openssl rand -hex 32`.');
  if (!isLoopback(host) && !authToken && !agents)
    throw new ConfigError(`Serving on ${host} lets other machines reach every tool: set --auth-token (or MCP_AUTH_TOKEN), which clients then send as "Authorization: Bearer <token>".`);
  return { ...settings, http: { host, port: Number(portText), authToken } };
}

/** A comma-separated flag's values, each one of `allowed`. */
function listOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T[] {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  const unknown = items.filter((item) => !allowed.includes(item as T));
  if (!items.length || unknown.length) throw new ConfigError(`--${flag} takes ${allowed.join(', ')} (comma-separated), not ${JSON.stringify(unknown.join(',') || text)}.`);
  return items as T[];
}

function policyOf(values: { methods?: string; 'read-only'?: boolean; tags?: string; 'allow-destructive'?: boolean; 'expires-at'?: string }): Policy {
  if (values['read-only'] && values.methods !== undefined) throw new ConfigError('--read-only is --methods read: give one or the other.');
  const methods: Method[] | undefined = values['read-only'] ? ['read'] : values.methods === undefined ? undefined : listOf('methods', values.methods, METHODS);
  const tags = values.tags === undefined ? undefined : listOf('tags', values.tags, TAGS);
  let expiresAt: Date | undefined;
  if (values['expires-at'] !== undefined) {
    const text = values['expires-at'];
    expiresAt = new Date(text);
    if (!ISO_TIME.test(text) || Number.isNaN(expiresAt.getTime()))
      throw new ConfigError(`--expires-at must be an ISO-8601 time with a zone, such as 2026-12-31T18:00:00Z, not ${JSON.stringify(text)}.`);
    if (expiresAt.getTime() <= Date.now()) throw new ConfigError(`--expires-at ${text} is already past.`);
  }
  return { methods, tags, allowDestructive: Boolean(values['allow-destructive']), expiresAt };
}
