import * as z from 'zod/mini';
import { described } from '../lib/described';
import { ACTIVITY_STATUSES, buildActivityQuery, FILTER_FIELDS, findMessages, MESSAGE_ID, quotable, SAMPLE_MESSAGE, WITHIN_LAST } from '../lib/activity-query';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

const time = (description?: string) =>
  z.optional(z.iso.datetime({ offset: true, error: 'must be an ISO-8601 time such as 2026-11-29T00:00:00Z' }).check(...described(description)));

const input = z
  .strictObject({
    // An email address cannot hold a double quote or a backslash (z.email refuses both), so it needs no quote check.
    to_email: z.optional(z.email()),
    from_email: z.optional(z.email()),
    subject: z.optional(quotable(z.string().check(z.minLength(1), z.maxLength(998))).check(z.describe('Exact match.'))),
    status: z.optional(z.enum(ACTIVITY_STATUSES)),
    msg_id: zapier(
      z.optional(
        z.string().check(
          z.trim(),
          z.regex(MESSAGE_ID, 'must hold only letters, digits, dots, dashes and underscores'),
          z.maxLength(255),
          z.describe("A full message id, or a send's X-Message-Id."),
        ),
      ),
      { dynamic: 'list_recent_messages.id.label', label: 'Message' },
    ),
    within_last: z.optional(
      z.string().check(
        z.trim(),
        z.toLowerCase(),
        z.regex(WITHIN_LAST, 'must be a duration such as "48 hours", "7 days", "90 minutes" or "2 weeks"'),
        z.describe('Such as "48 hours" or "7 days". Not with last_event_after/last_event_before.'),
      ),
    ),
    last_event_after: time(),
    last_event_before: time('Inclusive, with last_event_after not after this time.'),
    query: z.optional(
      z.string().check(
        z.trim(),
        z.minLength(1),
        z.maxLength(5000),
        z.describe(
          'Instead of the filters above, such as status="delivered".',
        ),
      ),
    ),
    limit: z._default(z.int().check(z.minimum(1), z.maximum(1000)), 10),
  })
  .check(
    z.superRefine((search, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: search });
      const filters = FILTER_FIELDS.filter((field) => search[field] !== undefined);
      if (search.query && filters.length) fail('query', `give either a query or the filter fields (${filters.join(', ')}), not both`);
      if (!search.query && !filters.length) fail('query', `give a query or at least one filter: ${FILTER_FIELDS.join(', ')}`);
      if (search.within_last && (search.last_event_after || search.last_event_before))
        fail('within_last', 'cannot be combined with last_event_after or last_event_before');
      if (search.last_event_after && search.last_event_before && Date.parse(search.last_event_after) > Date.parse(search.last_event_before))
        fail('last_event_after', 'is after last_event_before');
    }),
  );

export default defineOperation({
  key: 'search_email_activity',
  noun: 'Email Activity',
  label: 'Find Email Activity',
  description:
    'Finds sent emails in Email Activity by filters or a query, newest first. Needs the paid Email Activity add-on; about 6 calls a minute.',
  access: 'read',
  tags: ['mail', 'stats'],
  // The "Email Activity" permission of an API key (email_activity.read in SendGrid's list of scopes).
  scopes: ['email_activity.read'],
  input,
  sample: SAMPLE_MESSAGE,
  perform: (api, { query, limit, ...filter }) => findMessages(api, query ?? buildActivityQuery(filter, new Date(Date.now())), limit),
  summary: (messages) =>
    messages.length
      ? `Found ${messages.length} message(s): ${messages.slice(0, 3).map((m) => `${m.to_email} (${m.status})`).join(', ')}${messages.length > 3 ? ', …' : ''}.`
      : 'No message matched.',
});
