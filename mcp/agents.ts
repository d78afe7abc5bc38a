// `sendgrid-mcp agents add NAME --policy FILE [...]`: creates an agent in the policy file, or updates
// it with a new token. The token is printed once; the file keeps only its SHA-256.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ISO_TIME, METHODS, TAGS, type Method } from './policy';
import { NAME, parsePolicyFile, PolicyFileError, tokenHash, type AgentEntry, type PolicyFile } from './policy-file';
import type { Tag } from '../lib/operation';

const USAGE = `Usage: sendgrid-mcp agents add NAME --policy FILE [--methods LIST] [--tags LIST] [--allow-destructive] [--expires-at TIME] [--on-behalf-of SUBUSER]

  Creates agent NAME in FILE (created, mode 0600, if missing), or updates it, with a new random token.
  The token is printed once; the file keeps only its SHA-256.
  --methods LIST       read, write, custom (comma-separated; default read)
  --tags LIST          only tools of these areas: ${TAGS.join(', ')} (default every area)
  --allow-destructive  also deletes and the raw request
  --expires-at TIME    ISO-8601 time with a zone after which the agent is refused
  --on-behalf-of NAME  act for this subuser
  An agent's own SendGrid key goes in the file by hand, as "api_key".`;

const listOf = <T extends string>(flag: string, text: string, allowed: readonly T[]): T[] => {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  if (!items.length || items.some((item) => !allowed.includes(item as T))) throw new PolicyFileError(`--${flag} takes ${allowed.join(', ')} (comma-separated), not ${JSON.stringify(text)}.`);
  return items as T[];
};

/** Runs the command; returns the exit code. */
export async function agentsCommand(args: string[]): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        methods: { type: 'string' },
        tags: { type: 'string' },
        'allow-destructive': { type: 'boolean', default: false },
        'expires-at': { type: 'string' },
        'on-behalf-of': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) return void console.log(USAGE), 0;
    const [action, name, ...rest] = positionals;
    if (action !== 'add' || !name || rest.length) throw new PolicyFileError('the only command is `agents add NAME`.');
    if (!NAME.test(name)) throw new PolicyFileError(`the name must be 1-64 letters, digits, "_", "." or "-", starting with a letter or digit, not ${JSON.stringify(name)}.`);
    const file = values.policy;
    if (!file?.trim()) throw new PolicyFileError('--policy FILE is required: the file the agent is written to.');
    const expiresAt = values['expires-at'];
    if (expiresAt !== undefined && (!ISO_TIME.test(expiresAt) || Number.isNaN(Date.parse(expiresAt)) || Date.parse(expiresAt) <= Date.now()))
      throw new PolicyFileError(`--expires-at must be a future ISO-8601 time with a zone, such as 2026-12-31T18:00:00Z, not ${JSON.stringify(expiresAt)}.`);

    // An existing file is checked whole first: a broken file is reported, never overwritten.
    const data: PolicyFile = existsSync(file) ? parsePolicyFile(readFileSync(file, 'utf8'), file) : { agents: [] };
    const before = data.agents.find((agent) => agent.name === name);
    const token = randomBytes(32).toString('base64url');
    const entry: AgentEntry = {
      name,
      token_sha256: tokenHash(token),
      methods: values.methods === undefined ? ['read'] : listOf<Method>('methods', values.methods, METHODS),
      ...(values.tags === undefined ? {} : { tags: listOf<Tag>('tags', values.tags, TAGS) }),
      allow_destructive: values['allow-destructive'],
      ...(expiresAt === undefined ? {} : { expires_at: expiresAt }),
      // Its own key and subuser stay unless replaced.
      ...(before?.api_key === undefined ? {} : { api_key: before.api_key }),
      ...(values['on-behalf-of'] ?? before?.on_behalf_of ? { on_behalf_of: values['on-behalf-of'] ?? before?.on_behalf_of } : {}),
    };
    const agents = before ? data.agents.map((agent) => (agent === before ? entry : agent)) : [...data.agents, entry];
    const text = `${JSON.stringify({ ...data, agents }, null, 2)}\n`;
    parsePolicyFile(text, file);
    // Written beside, then renamed over: the file is whole at every moment, and readable by its owner only.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);

    console.log(`${before ? 'Updated' : 'Added'} agent "${name}" in ${file}${before ? ' (its old token no longer works)' : ''}.`);
    console.log('Its token, shown only this once (the file keeps only its SHA-256):');
    console.log(`  ${token}`);
    console.log(`URL path (for clients that cannot send headers, such as ChatGPT connectors): /mcp/${token}`);
    console.log(`or the header: Authorization: Bearer ${token}`);
    console.log(`Serve it with: sendgrid-mcp --http --policy ${file}`);
    return 0;
  } catch (error) {
    console.error(`sendgrid-mcp agents: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
}
