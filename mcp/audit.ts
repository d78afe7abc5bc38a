// The audit log: one JSON line per tool call, appended before the result goes back (so it survives a
// crash), with secrets and message bodies left out, rotated by size; and a line a person can read at a
// glance on stderr.
import { appendFileSync, renameSync, statSync } from 'node:fs';

export interface AuditEntry {
  time: string;
  /** The agent, when the server knows several (null: one owner). */
  agent: string | null;
  tool: string;
  arguments: unknown;
  outcome: 'ok' | 'error';
  /** SendGrid's HTTP status, when the call failed on an answer of SendGrid's. */
  status?: number;
  /** SendGrid's id of what was done, where it gives one (a mail's X-Message-Id, a job id). */
  sendgrid_id?: string;
  duration_ms: number;
}

/** Fields whose values are message content or files: recorded as their size only. */
const BODIES = new Set(['text', 'html', 'content', 'body', 'subject', 'attachments', 'dynamic_template_data', 'dynamic_template_data_json', 'recipient_data', 'csv', 'test_data', 'html_content', 'plain_content', 'headers', 'custom_args']);

/** The arguments as the log keeps them: bodies by size, any secret replaced. */
export function redactArguments(value: unknown, secrets: readonly string[], key?: string): unknown {
  if (key && BODIES.has(key) && value !== undefined && value !== null) return `[left out: ${JSON.stringify(value).length} characters]`;
  if (typeof value === 'string') return secrets.reduce((text, secret) => (secret.length >= 8 ? text.split(secret).join('[redacted]') : text), value);
  if (Array.isArray(value)) return value.map((item) => redactArguments(item, secrets));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactArguments(v, secrets, k)]));
  return value;
}

export class AuditLog {
  constructor(
    private readonly file: string,
    private readonly secrets: readonly string[],
    private readonly maxBytes = 10 * 1024 * 1024,
  ) {}

  /** `secrets`: more to leave out of this entry, such as the secret the agent connected with. */
  record(entry: Omit<AuditEntry, 'arguments'> & { arguments: unknown }, secrets: readonly string[] = []): void {
    const line = JSON.stringify({ ...entry, arguments: redactArguments(entry.arguments, [...this.secrets, ...secrets]) });
    this.rotate(line.length);
    appendFileSync(this.file, `${line}\n`);
    const status = entry.status ? ` (SendGrid ${entry.status})` : '';
    process.stderr.write(`audit: ${entry.time} ${entry.agent ?? 'owner'} ${entry.tool} ${entry.outcome}${status} in ${entry.duration_ms} ms\n`);
  }

  /** Past the size limit, the current file becomes FILE.1 (replacing the previous one) and a new one starts. */
  private rotate(adding: number) {
    let size = 0;
    try {
      size = statSync(this.file).size;
    } catch {
      return;
    }
    if (size + adding > this.maxBytes) renameSync(this.file, `${this.file}.1`);
  }
}
