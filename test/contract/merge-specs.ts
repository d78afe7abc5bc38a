// Prism serves one document per process, so the official spec files are merged into one. Their
// component names clash (Metadata, Status, OnBehalfOf…), so each file's components get its own prefix.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applySpecQuirks } from './spec-quirks';

type Json = Record<string, unknown>;

export const SPEC_DIR = join(__dirname, '../../spec/sendgrid-oai');

const rewriteRefs = (node: unknown, prefix: string): unknown => {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, prefix));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    const ref = key === '$ref' && typeof value === 'string' ? /^#\/components\/([^/]+)\/(.+)$/.exec(value) : null;
    out[key] = ref && ref[1] !== 'securitySchemes' ? `#/components/${ref[1]}/${prefix}${ref[2]}` : rewriteRefs(value, prefix);
  }
  return out;
};

// ── supplements ─────────────────────────────────────────────────────────────────────────────────
// Endpoints the current spec files lack, taken from Twilio's older single-file bundle (see the README
// beside the spec files). That bundle's paths have no /v3 prefix (its server URL ends in /v3), and its
// component names would clash with the current files', so each operation is copied with every $ref
// inlined, under its /v3 path. Only what an operation of the connector calls is taken.

export const LEGACY_BUNDLE = join(SPEC_DIR, 'legacy-bundle', 'oai_v3_stoplight.json');

/** [path in the bundle, method, path served]: the Designs API (design_id dropdown of Single Sends). */
const SUPPLEMENTS: [string, string, string][] = [['/designs', 'get', '/v3/designs']];

/** A copy of `node` with every local $ref replaced by what it points at (a cycle is an error). */
function inlineRefs(node: unknown, doc: Json, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, doc, seen));
  if (!node || typeof node !== 'object') return node;
  const { $ref: ref, ...rest } = node as Json;
  if (typeof ref === 'string') {
    if (!ref.startsWith('#/')) throw new Error(`${ref}: only local $refs can be inlined`);
    if (seen.includes(ref)) throw new Error(`${ref} refers to itself`);
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (at as Json | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
    if (target === undefined) throw new Error(`${ref} points at nothing`);
    // Siblings of a $ref (such as a description) are kept beside what it points at.
    return { ...(inlineRefs(target, doc, [...seen, ref]) as Json), ...(inlineRefs(rest, doc, seen) as Json) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, inlineRefs(value, doc, seen)]));
}

function addSupplements(merged: { paths: Json }, bundleFile = LEGACY_BUNDLE) {
  const bundle = JSON.parse(readFileSync(bundleFile, 'utf8')) as Json;
  for (const [from, method, to] of SUPPLEMENTS) {
    const operation = ((bundle.paths as Json)[from] as Json | undefined)?.[method] as Json | undefined;
    if (!operation) throw new Error(`${method.toUpperCase()} ${from} is not in the legacy bundle`);
    const existing = merged.paths[to] as Json | undefined;
    if (existing?.[method]) throw new Error(`${method.toUpperCase()} ${to} is in the current spec already: drop the supplement`);
    // The bundle's own security scheme (Authorization) is not in the merged spec; its global BearerAuth applies.
    const { security: _security, 'x-stoplight': _stoplight, ...copy } = inlineRefs(operation, bundle) as Json;
    merged.paths[to] = { ...existing, [method]: copy };
  }
}

export function mergeSpecs(dir = SPEC_DIR): Json {
  const merged = {
    openapi: '3.1.0',
    info: { title: 'Twilio SendGrid v3 API (merged official spec files)', version: '1.0.0' },
    servers: [{ url: 'https://api.sendgrid.com' }],
    security: [{ BearerAuth: [] }],
    paths: {} as Json,
    components: { securitySchemes: {} } as Record<string, Json>,
  };
  for (const file of readdirSync(dir).filter((name) => /^tsg_.*\.json$/.test(name)).sort()) {
    const prefix = `${file.replace(/^tsg_|_v3\.json$/g, '').replace(/\W/g, '_')}__`;
    const doc = rewriteRefs(JSON.parse(readFileSync(join(dir, file), 'utf8')), prefix) as Json;
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      if (path in merged.paths) throw new Error(`${path} is in two spec files`);
      merged.paths[path] = item;
    }
    for (const [section, entries] of Object.entries((doc.components ?? {}) as Record<string, Json>)) {
      const target = (merged.components[section] ??= {});
      for (const [name, value] of Object.entries(entries)) target[section === 'securitySchemes' ? name : prefix + name] = value;
    }
  }
  addSupplements(merged, join(dir, 'legacy-bundle', 'oai_v3_stoplight.json'));
  applySpecQuirks(merged);
  return merged;
}
