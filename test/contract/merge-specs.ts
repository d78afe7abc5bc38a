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
  applySpecQuirks(merged);
  return merged;
}
