import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';

/** SendGrid's counters for one Single Send, one row per period and A/B variation or phase asked for. */
export interface SingleSendStatRow {
  id: string;
  ab_variation: string;
  ab_phase: 'send' | 'test' | 'all';
  aggregation?: string;
  stats?: Record<(typeof COUNTERS)[number], number>;
}

export const COUNTERS = [
  'requests',
  'delivered',
  'opens',
  'unique_opens',
  'clicks',
  'unique_clicks',
  'bounces',
  'bounce_drops',
  'invalid_emails',
  'spam_reports',
  'spam_report_drops',
  'unsubscribes',
] as const;

export const statRowSample: SingleSendStatRow = {
  id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64',
  ab_variation: 'all',
  ab_phase: 'all',
  aggregation: 'total',
  stats: {
    requests: 5000,
    delivered: 4930,
    opens: 2710,
    unique_opens: 1985,
    clicks: 640,
    unique_clicks: 512,
    bounces: 52,
    bounce_drops: 3,
    invalid_emails: 2,
    spam_reports: 4,
    spam_report_drops: 0,
    unsubscribes: 21,
  },
};

/** One line about rows of stats: their totals, summed over the rows (days, variations or phases). */
export function statTotals(rows: readonly SingleSendStatRow[]): string {
  const sum = (counter: (typeof COUNTERS)[number]) => rows.reduce((total, row) => total + (row.stats?.[counter] ?? 0), 0).toLocaleString('en-US');
  return `${sum('delivered')} delivered, ${sum('unique_opens')} unique opens, ${sum('unique_clicks')} unique clicks, ${sum('bounces')} bounces, ${sum('unsubscribes')} unsubscribes`;
}

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

export default defineOperation({
  key: 'get_single_send_stats',
  noun: 'Single Send Statistic',
  label: 'Find Single Send Stats',
  description:
    'Finds one Single Send\'s delivery, open, click, bounce, spam and unsubscribe counts, in total or per day.',
  access: 'read',
  tags: ['single_sends', 'stats'],
  scopes: ['marketing.read'],
  input: z
    .strictObject({
      id: singleSendId(),
      aggregated_by: z.optional(
        z.enum(['total', 'day']).check(z.describe('Default total.')),
      ),
      start_date: z.optional(z.iso.date()),
      end_date: z.optional(z.iso.date().check(z.describe('Inclusive; not before start_date.'))),
      timezone: z.optional(
        z.string().check(
          z.refine(isTimeZone, 'is not an IANA time zone, such as America/Chicago'),
          z.describe('The IANA time zone, such as America/Chicago; default UTC.'),
        ),
      ),
      group_by: z.optional(
        z
          .array(z.enum(['ab_variation', 'ab_phase']))
          .check(z.maxLength(2), z.describe('For A/B tests.')),
      ),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.start_date && input.end_date && input.end_date < input.start_date)
          ctx.addIssue({ code: 'custom', path: ['end_date'], message: `is before start_date ${input.start_date}`, input });
      }),
    ),
  sample: statRowSample,
  perform: (api, { id, group_by, ...query }) =>
    // 50 is the largest page SendGrid allows for these stats.
    api.paginate<SingleSendStatRow>(`/v3/marketing/stats/singlesends/${encodeURIComponent(id)}`, {
      style: 'token',
      items: 'results',
      pageSize: 50,
      query: { ...query, ...(group_by?.length ? { group_by: [...new Set(group_by)] } : {}) },
    }),
  summary: (rows, { id }) =>
    rows.length ? `Single Send ${id}: ${statTotals(rows)} (${rows.length} row(s)).` : `No statistics for Single Send ${id} in that period.`,
});
