// Scope awareness: the server asks SendGrid which permissions its key has (GET /v3/scopes, which any
// key may call) and leaves out the tools the key could not call, saying which and why; a later check
// that finds the permissions changed updates the list and tells connected clients.
import { createApi, type Transport } from '../lib/client';
import { narrow, type Catalog } from './catalog';

/** The tools whose every declared permission the key has (tools that declare none stay). */
export function applyScopes(catalog: Catalog, scopes: readonly string[]): Catalog {
  const has = new Set(scopes);
  return narrow(catalog, (meta) => meta.scopes.every((scope) => has.has(scope)));
}

/** "create_list (needs marketing.read)": what was left out, and why. */
export const leftOut = (all: Catalog, kept: Catalog, scopes: readonly string[]) =>
  all.tools
    .filter((tool) => !kept.meta[tool.name])
    .map((tool) => `${tool.name} (needs ${(all.meta[tool.name]?.scopes ?? []).filter((s) => !scopes.includes(s)).join(', ')})`);

/** The key's permissions, or undefined when SendGrid could not be asked (then nothing is left out). */
export async function keyScopes(transport: Transport, baseUrl: string, secrets: readonly string[]): Promise<string[] | undefined> {
  try {
    const api = createApi(transport, { baseUrl, secrets, deadlineMs: 10_000 });
    const { scopes } = await api.get<{ scopes?: unknown }>('/v3/scopes');
    return Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `live` (the catalog the server serves) in step with the key's permissions: now, then every
 * `everyMs`. It runs beside start-up rather than before it (an MCP client waits on start-up, and the
 * network may be slow); `changed` is called whenever a check changes the tools, to notify clients.
 */
export async function watchScopes(
  full: Catalog,
  live: Catalog,
  read: () => Promise<string[] | undefined>,
  { everyMs = 600_000, report = (line: string) => console.error(line), changed = () => {} } = {},
) {
  let shown = live.tools.map((t) => t.name).join(',');
  const check = async (first: boolean) => {
    const scopes = await read();
    if (!scopes) {
      if (first) report('sendgrid-mcp: could not read the key\'s permissions (GET /v3/scopes); every tool is offered, and SendGrid will refuse what the key may not do.');
      return;
    }
    const kept = applyScopes(full, scopes);
    Object.assign(live, kept);
    const names = kept.tools.map((t) => t.name).join(',');
    const missing = leftOut(full, kept, scopes);
    if (missing.length && (first || names !== shown)) report(`sendgrid-mcp: the API key lacks permissions for ${missing.length} tool(s), left out: ${missing.join('; ')}.`);
    if (names !== shown) changed();
    shown = names;
  };
  await check(true);
  const timer = setInterval(() => void check(false), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
