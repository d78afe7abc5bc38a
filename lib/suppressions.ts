// What the suppression operations share. Bounces, blocks, spam reports, invalid emails and global
// unsubscribes are five lists SendGrid keeps alike: GET /v3/suppression/<list> pages with limit/offset
// over a window of Unix times, and DELETE /v3/suppression/<list>/{email} removes one address. Each
// list/delete operation file states its own key, words, scopes and sample; the input and the request
// are built here once. The unsubscribe-group operations share the group dropdown and the address list.
import * as z from 'zod/mini';
import { described } from './described';
import { zapier } from './hints';
import { defineOperation } from './operation';

/** SendGrid's largest page for these lists (the spec's `limit` maximum). */
const PAGE_SIZE = 500;

/** An address inside a URL path: `ada+news@example.com` must reach SendGrid as one path segment, `+` intact. */
export const emailPath = (email: string) => encodeURIComponent(email);

/** A Unix time in seconds as ISO-8601 UTC; null when SendGrid gave none. */
export const isoFromUnix = (seconds: unknown): string | null =>
  typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString().replace('.000Z', 'Z') : null;

const unixFromIso = (iso: string) => Math.floor(Date.parse(iso) / 1000);

/** The unsubscribe group, chosen from the groups of the account (a fresh schema each time: one hint per schema). */
export const groupId = (description: string) =>
  zapier(z.int().check(z.positive(), z.describe(description)), { dynamic: 'list_unsubscribe_groups.id.name', label: 'Unsubscribe Group' });

/** One address, for a path; SendGrid's list endpoints name it `email`. */
export const oneEmail = (description?: string) => z.email().check(...described(description));

/** The addresses of an add request (`recipient_emails`); the spec sets no upper bound. */
export const recipientEmails = (description?: string) =>
  z.array(z.email()).check(z.minLength(1), ...described(description));

/** The path segment of each list under /v3/suppression. */
export type SuppressionList = 'bounces' | 'blocks' | 'spam_reports' | 'invalid_emails' | 'unsubscribes';

/** A record of one of these lists: SendGrid's fields, plus `created_at` read from its Unix `created`. */
export type SuppressionRecord<Extra extends object = object> = { email: string; created: number; created_at: string | null } & Extra;

interface ListSpec<Extra extends object> {
  key: string;
  list: SuppressionList;
  noun: string;
  label: string;
  description: string;
  scopes: readonly string[];
  sample: SuppressionRecord<Extra>;
  /** "bounce(s)": what the summary counts. */
  counted: string;
}

const timeWindow = () =>
  z
    .strictObject({
      start_time: z.optional(z.iso.datetime({ offset: true })),
      end_time: z.optional(
        z.iso.datetime({ offset: true }).check(z.describe('Inclusive; not before start_time.')),
      ),
      email: z.optional(
        z.string().check(
          z.trim(),
          z.minLength(1),
          z.maxLength(320),
          z.describe('Address prefix to match.'),
        ),
      ),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.start_time && input.end_time && Date.parse(input.start_time) > Date.parse(input.end_time))
          ctx.addIssue({ code: 'custom', path: ['start_time'], message: `is after end_time (${input.end_time}); the window would be empty`, input });
      }),
    );

/**
 * "List X": every record of one list in a time window, following SendGrid's limit/offset pages. On MCP that
 * is all pages, up to the client's bound (MAX_PAGES of 500); a face that pages (`paged`) gets one page per call.
 */
export function listSuppressions<Extra extends object>(spec: ListSpec<Extra>) {
  return defineOperation({
    key: spec.key,
    noun: spec.noun,
    label: spec.label,
    description: spec.description,
    access: 'read',
    paged: true,
    tags: ['suppressions'],
    scopes: spec.scopes,
    input: timeWindow(),
    sample: spec.sample,
    async perform(api, { start_time, end_time, email }) {
      const records = await api.paginate<Omit<SuppressionRecord<Extra>, 'created_at'>>(`/v3/suppression/${spec.list}`, {
        style: 'offset',
        pageSize: PAGE_SIZE,
        query: {
          start_time: start_time === undefined ? undefined : unixFromIso(start_time),
          end_time: end_time === undefined ? undefined : unixFromIso(end_time),
          email,
        },
      });
      return records.map((record) => ({ ...record, created_at: isoFromUnix(record.created) }) as SuppressionRecord<Extra>);
    },
    summary: (records, { start_time, end_time }) => {
      const span = start_time || end_time ? ` between ${start_time ?? 'the start'} and ${end_time ?? 'now'}` : '';
      return `Found ${records.length} ${spec.counted}${span}.`;
    },
  });
}

interface DeleteSpec {
  key: string;
  list: Exclude<SuppressionList, 'unsubscribes'>;
  noun: string;
  label: string;
  description: string;
  scopes: readonly string[];
  /** "the bounce list": where the address was. */
  from: string;
}

/** "Delete one X": removes one address from one list, so SendGrid sends to it again. */
export function deleteSuppression(spec: DeleteSpec) {
  return defineOperation({
    key: spec.key,
    noun: spec.noun,
    label: spec.label,
    description: spec.description,
    access: 'destructive',
    tags: ['suppressions'],
    scopes: spec.scopes,
    input: z.strictObject({ email: oneEmail() }),
    sample: { email: 'ada@example.com', removed_from: spec.list, removed: true },
    async perform(api, { email }) {
      await api.delete(`/v3/suppression/${spec.list}/${emailPath(email)}`);
      return { email, removed_from: spec.list, removed: true as const };
    },
    summary: ({ email }) => `Removed ${email} from ${spec.from}.`,
  });
}
