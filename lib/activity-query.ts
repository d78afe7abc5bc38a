// Email Activity (GET /v3/messages) filters, compiled to SendGrid's query language, the plain words for
// a 403 from a paid add-on, and the message search that search_email_activity and the Message dropdown
// (list_recent_messages) share.
import * as z from 'zod/mini';
import type { SendGridApi } from './client';
import { InputError, SendGridError } from './errors';

/** Statuses the query language knows for a message. */
export const ACTIVITY_STATUSES = ['processed', 'delivered', 'not_delivered'] as const;

/**
 * The query language has no escape for a double quote or a backslash inside a quoted value, so a value
 * holding one is refused, never passed through: it could end the string and change the query.
 */
const QUOTABLE = /^[^"\\]*$/;
const UNQUOTABLE = 'must not contain a double quote (") or a backslash (\\): the Email Activity query language cannot take them';

/** A value that goes between double quotes in a query. */
export const quotable = (schema: z.ZodMiniString<string>) => schema.check(z.regex(QUOTABLE, UNQUOTABLE));

/** SendGrid message ids: letters, digits, dots, dashes, underscores. */
export const MESSAGE_ID = /^[A-Za-z0-9._-]+$/;

/** "48 hours", "last 7 days", "90 minutes", "2 weeks". */
export const WITHIN_LAST = /^(?:last )?([1-9][0-9]{0,3}) ?(minute|hour|day|week)s?$/;
const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export interface ActivityFilter {
  to_email?: string;
  from_email?: string;
  subject?: string;
  status?: (typeof ACTIVITY_STATUSES)[number];
  msg_id?: string;
  within_last?: string;
  last_event_after?: string;
  last_event_before?: string;
}

export const FILTER_FIELDS = ['to_email', 'from_email', 'subject', 'status', 'msg_id', 'within_last', 'last_event_after', 'last_event_before'] as const satisfies readonly (keyof ActivityFilter)[];

/** An ISO time in UTC to the second, as the query language writes timestamps. */
const timestamp = (time: Date) => `TIMESTAMP "${time.toISOString().replace(/\.\d{3}Z$/, 'Z')}"`;

/** Milliseconds in "48 hours" and the like; undefined when the text is not such a duration. */
export function durationMs(text: string): number | undefined {
  const match = WITHIN_LAST.exec(text.trim().toLowerCase());
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/**
 * The query for a filter, its conditions joined with AND. `now` ends a `within_last` range; pass it in
 * so the result is reproducible. Values are checked again here, whatever schema let them through.
 */
export function buildActivityQuery(filter: ActivityFilter, now: Date): string {
  const conditions: string[] = [];
  const quoted = (field: keyof ActivityFilter, value: string) => {
    if (!QUOTABLE.test(value)) throw new InputError([{ field, message: UNQUOTABLE }]);
    return `"${value}"`;
  };
  for (const field of ['to_email', 'from_email', 'subject', 'status'] as const) {
    const value = filter[field];
    if (value !== undefined) conditions.push(`${field}=${quoted(field, value)}`);
  }
  if (filter.msg_id !== undefined) {
    if (!MESSAGE_ID.test(filter.msg_id)) throw new InputError([{ field: 'msg_id', message: 'must hold only letters, digits, dots, dashes and underscores' }]);
    // The X-Message-Id a send returns is the start of each recipient's message id.
    conditions.push(filter.msg_id.includes('.') ? `msg_id=${quoted('msg_id', filter.msg_id)}` : `msg_id LIKE ${quoted('msg_id', `${filter.msg_id}%`)}`);
  }
  let after = filter.last_event_after === undefined ? undefined : new Date(filter.last_event_after);
  let before = filter.last_event_before === undefined ? undefined : new Date(filter.last_event_before);
  if (filter.within_last !== undefined) {
    const span = durationMs(filter.within_last);
    if (span === undefined) throw new InputError([{ field: 'within_last', message: 'must be a duration such as "48 hours" or "7 days"' }]);
    after = new Date(now.getTime() - span);
    before = now;
  }
  // Always BETWEEN, the form SendGrid documents: an open end runs to now, or from the Unix epoch.
  if (after || before) conditions.push(`last_event_time BETWEEN ${timestamp(after ?? new Date(0))} AND ${timestamp(before ?? now)}`);
  return conditions.join(' AND ');
}

/**
 * Runs a request to a paid add-on's endpoint; a 403 there most often means the account lacks the
 * add-on (or the key was not made for it), which the generic permission message would not say.
 */
export async function explainAddOn<T>(request: Promise<T>, addOn: string): Promise<T> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof SendGridError && error.status === 403) error.message = `${addOn} ${error.message}`;
    throw error;
  }
}

// ---------- the message search ----------

export interface ActivityMessage {
  msg_id: string;
  from_email: string;
  to_email: string;
  subject: string;
  status: (typeof ACTIVITY_STATUSES)[number];
  opens_count: number;
  clicks_count: number;
  last_event_time: string;
}

/** Prepended to a 403 from the Email Activity API, which is a paid add-on. */
export const ACTIVITY_ADD_ON =
  'Email Activity API access is a paid add-on (extended email activity history, bought under Account Details > Your Products > Add-ons at https://app.sendgrid.com/account/products), and the key needs the Email Activity permission; without either, SendGrid answers 403.';

/** A message as the feed lists it, for the samples. */
export const SAMPLE_MESSAGE: ActivityMessage = {
  msg_id: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0',
  from_email: 'orders@example.com',
  to_email: 'ada@example.com',
  subject: 'Your order #1042 has shipped',
  status: 'delivered',
  opens_count: 2,
  clicks_count: 1,
  last_event_time: '2026-11-30T14:05:12Z',
};

/** The messages a query finds, most recent first (GET /v3/messages); a 403 says the add-on is needed. */
export async function findMessages(api: SendGridApi, query: string, limit: number): Promise<ActivityMessage[]> {
  const body = await explainAddOn(api.get<{ messages?: ActivityMessage[] }>('/v3/messages', { query: { query, limit } }), ACTIVITY_ADD_ON);
  return body?.messages ?? [];
}
