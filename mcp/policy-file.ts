// Several agents on one HTTP server (--policy FILE): each agent has a name, a secret (kept in the file
// only as its SHA-256), what it may do, until when, and optionally its own SendGrid key or subuser.
// The file is checked whole at start; an error names the agent and the field.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Tag } from '../lib/operation';
import { ISO_TIME, METHODS, TAGS, type Method, type Policy } from './policy';

/** One agent's entry as the file holds it. */
export interface AgentEntry {
  name: string;
  token_sha256: string;
  methods: Method[];
  tags?: Tag[];
  allow_destructive?: boolean;
  expires_at?: string;
  api_key?: string;
  on_behalf_of?: string;
}

export interface PolicyFile {
  agents: AgentEntry[];
}

/** An agent as the server uses it. */
export interface Agent {
  name: string;
  /** SHA-256 of its secret. */
  hash: Buffer;
  policy: Policy;
  apiKey?: string;
  onBehalfOf?: string;
}

export class PolicyFileError extends Error {}

const FIELDS = ['name', 'token_sha256', 'methods', 'tags', 'allow_destructive', 'expires_at', 'api_key', 'on_behalf_of'];
export const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The file's text, checked: every error names the agent and the field. */
export function parsePolicyFile(text: string, file: string): PolicyFile {
  const fail = (message: string): never => {
    throw new PolicyFileError(`${file}: ${message}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return fail(`not valid JSON (${(error as Error).message}).`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return fail('must be a JSON object with an "agents" array.');
  const unknownTop = Object.keys(data).filter((key) => key !== 'agents');
  if (unknownTop.length) fail(`unknown field(s) ${unknownTop.map((k) => JSON.stringify(k)).join(', ')}; the file holds only "agents".`);
  const agents = (data as { agents?: unknown }).agents;
  if (!Array.isArray(agents)) return fail('"agents" must be an array of agents.');
  const names = new Set<string>();
  const hashes = new Set<string>();
  agents.forEach((entry: unknown, index) => {
    const raw = entry as Record<string, unknown>;
    const who = raw && typeof raw === 'object' && typeof raw.name === 'string' ? `agent "${raw.name}"` : `agent #${index + 1}`;
    const bad = (field: string, rule: string) => fail(`${who}: "${field}" ${rule}.`);
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return fail(`${who}: must be an object.`);
    const unknown = Object.keys(raw).filter((key) => !FIELDS.includes(key));
    if (unknown.length) fail(`${who}: unknown field(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${FIELDS.join(', ')}.`);
    if (typeof raw.name !== 'string' || !NAME.test(raw.name)) bad('name', 'must be 1-64 letters, digits, "_", "." or "-", starting with a letter or digit');
    if (names.has(raw.name as string)) bad('name', 'is used by another agent');
    names.add(raw.name as string);
    if (typeof raw.token_sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(raw.token_sha256))
      bad('token_sha256', 'must be the SHA-256 of the agent\'s token, 64 lower-case hex digits (`sendgrid-mcp agents add` writes it)');
    if (hashes.has(raw.token_sha256 as string)) bad('token_sha256', 'is the same as another agent\'s: each agent needs its own token');
    hashes.add(raw.token_sha256 as string);
    if (!Array.isArray(raw.methods) || !raw.methods.length || raw.methods.some((m) => !METHODS.includes(m as Method)))
      bad('methods', `must list at least one of ${METHODS.join(', ')}`);
    if (raw.tags !== undefined && (!Array.isArray(raw.tags) || !raw.tags.length || raw.tags.some((t) => !TAGS.includes(t as Tag))))
      bad('tags', `must list at least one of ${TAGS.join(', ')} (leave it out for every area)`);
    if (raw.allow_destructive !== undefined && typeof raw.allow_destructive !== 'boolean') bad('allow_destructive', 'must be true or false');
    if (raw.expires_at !== undefined && (typeof raw.expires_at !== 'string' || !ISO_TIME.test(raw.expires_at) || Number.isNaN(Date.parse(raw.expires_at))))
      bad('expires_at', 'must be an ISO-8601 time with a zone, such as 2026-12-31T18:00:00Z');
    if (raw.api_key !== undefined && (typeof raw.api_key !== 'string' || !raw.api_key || /\s/.test(raw.api_key)))
      bad('api_key', 'must be a whole SendGrid API key, without spaces or line breaks');
    if (raw.on_behalf_of !== undefined && (typeof raw.on_behalf_of !== 'string' || !raw.on_behalf_of.trim())) bad('on_behalf_of', 'must name a subuser');
  });
  return data as PolicyFile;
}

export const agentOf = (entry: AgentEntry): Agent => ({
  name: entry.name,
  hash: Buffer.from(entry.token_sha256, 'hex'),
  policy: {
    methods: entry.methods,
    tags: entry.tags,
    allowDestructive: entry.allow_destructive ?? false,
    expiresAt: entry.expires_at === undefined ? undefined : new Date(entry.expires_at),
  },
  apiKey: entry.api_key,
  onBehalfOf: entry.on_behalf_of?.trim(),
});

export function loadPolicyFile(file: string): Agent[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PolicyFileError(`cannot read the policy file ${file}: ${(error as Error).message}`);
  }
  const { agents } = parsePolicyFile(text, file);
  if (!agents.length) throw new PolicyFileError(`${file}: "agents" is empty, so no one could connect; add one with \`sendgrid-mcp agents add NAME --policy ${file}\`.`);
  return agents.map(agentOf);
}

/**
 * The agent whose secret this is, unless its access has ended. Every agent's hash is compared, in
 * constant time, whichever matches: the time taken tells nothing of which secrets exist.
 */
export function findAgent(agents: readonly Agent[], secret: string, now = Date.now()): Agent | undefined {
  const given = createHash('sha256').update(secret).digest();
  let found: Agent | undefined;
  for (const agent of agents) if (timingSafeEqual(given, agent.hash) && !found) found = agent;
  if (found?.policy.expiresAt && now >= found.policy.expiresAt.getTime()) return undefined;
  return found;
}
