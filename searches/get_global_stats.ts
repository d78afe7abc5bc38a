import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

/** SendGrid's email statistics for one period (and, summed, for a whole range). */
export interface Metrics {
  requests: number;
  processed: number;
  delivered: number;
  deferred: number;
  bounces: number;
  bounce_drops: number;
  blocks: number;
  invalid_emails: number;
  opens: number;
  unique_opens: number;
  clicks: number;
  unique_clicks: number;
  spam_reports: number;
  spam_report_drops: number;
  unsubscribes: number;
  unsubscribe_drops: number;
}

export const METRICS = [
  'requests', 'processed', 'delivered', 'deferred', 'bounces', 'bounce_drops', 'blocks', 'invalid_emails',
  'opens', 'unique_opens', 'clicks', 'unique_clicks', 'spam_reports', 'spam_report_drops', 'unsubscribes', 'unsubscribe_drops',
] as const satisfies readonly (keyof Metrics)[];

/** Percentages (0–100, two decimals); null when nothing was requested or delivered to divide by. */
export interface Rates {
  delivery_rate: number | null;
  open_rate: number | null;
  unique_open_rate: number | null;
  click_rate: number | null;
  unique_click_rate: number | null;
  bounce_rate: number | null;
  spam_report_rate: number | null;
  unsubscribe_rate: number | null;
}

export const RATES_HELP =
  'Rates are percentages with two decimals: delivery and bounce rates of requests; open, unique open, click, unique click, spam report and unsubscribe rates of delivered emails (opens and clicks count every open or click, so those two may pass 100). A rate is null when there is nothing to divide by.';

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 100 : null);

export const ratesOf = (m: Metrics): Rates => ({
  delivery_rate: percent(m.delivered, m.requests),
  open_rate: percent(m.opens, m.delivered),
  unique_open_rate: percent(m.unique_opens, m.delivered),
  click_rate: percent(m.clicks, m.delivered),
  unique_click_rate: percent(m.unique_clicks, m.delivered),
  bounce_rate: percent(m.bounces, m.requests),
  spam_report_rate: percent(m.spam_reports, m.delivered),
  unsubscribe_rate: percent(m.unsubscribes, m.delivered),
});

/** Every metric, 0 where SendGrid left one out. */
export const metricsOf = (raw: Partial<Metrics> | undefined): Metrics =>
  Object.fromEntries(METRICS.map((name) => [name, Number(raw?.[name] ?? 0)])) as unknown as Metrics;

export const sumMetrics = (all: readonly Metrics[]): Metrics =>
  Object.fromEntries(METRICS.map((name) => [name, all.reduce((sum, m) => sum + m[name], 0)])) as unknown as Metrics;

/** Today in UTC, the calendar SendGrid's statistics use. */
export const todayUtc = () => new Date(Date.now()).toISOString().slice(0, 10);

export const statsDate = (description: string) =>
  z.iso.date({ error: 'must be a date as YYYY-MM-DD, such as 2026-11-30' }).check(z.describe(description));

export const aggregatedBy = () =>
  z.optional(
    z.enum(['day', 'week', 'month']).check(z.describe('Group the statistics by "day" (the default), "week" or "month".')),
  );

/** The date range rules: start not after end, neither in the future (UTC). */
export const checkStatsRange = (range: { start_date: string; end_date?: string }, ctx: z.core.$RefinementCtx) => {
  const today = todayUtc();
  const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: range });
  if (range.start_date > today) fail('start_date', `is in the future: today is ${today} (UTC)`);
  if (range.end_date && range.end_date > today) fail('end_date', `is in the future: today is ${today} (UTC)`);
  if (range.end_date && range.start_date > range.end_date) fail('start_date', `is after end_date (${range.end_date})`);
};

export const dateRangeFields = {
  start_date: statsDate('The first day of the statistics, as YYYY-MM-DD (UTC); not in the future.'),
  end_date: z.optional(statsDate('The last day of the statistics, as YYYY-MM-DD (UTC); not before start_date nor in the future. Defaults to today.')),
};

interface Period {
  date: string;
  stats?: { metrics?: Partial<Metrics> }[];
}

export default defineOperation({
  key: 'get_global_stats',
  noun: 'Stats Report',
  label: 'Find Email Statistics',
  description: `Finds the account's email statistics (requests, deliveries, opens, clicks, bounces, spam reports, unsubscribes…) between two dates, per day, week or month, with the totals and the rates over the whole range and per period. ${RATES_HELP} Dates are UTC. Read-only; for one category's figures use get_category_stats.`,
  access: 'read',
  tags: ['stats'],
  scopes: ['stats.read'],
  input: z
    .strictObject({ ...dateRangeFields, aggregated_by: aggregatedBy() })
    .check(z.superRefine(checkStatsRange)),
  sample: {
    start_date: '2026-11-01',
    end_date: '2026-11-30',
    aggregated_by: 'month' as const,
    totals: {
      requests: 1200, processed: 1195, delivered: 1180, deferred: 4, bounces: 12, bounce_drops: 3, blocks: 2, invalid_emails: 1,
      opens: 900, unique_opens: 610, clicks: 240, unique_clicks: 150, spam_reports: 1, spam_report_drops: 0, unsubscribes: 6, unsubscribe_drops: 0,
    },
    rates: {
      delivery_rate: 98.33, open_rate: 76.27, unique_open_rate: 51.69, click_rate: 20.34, unique_click_rate: 12.71,
      bounce_rate: 1, spam_report_rate: 0.08, unsubscribe_rate: 0.51,
    },
    periods: [
      {
        date: '2026-11-01',
        metrics: {
          requests: 1200, processed: 1195, delivered: 1180, deferred: 4, bounces: 12, bounce_drops: 3, blocks: 2, invalid_emails: 1,
          opens: 900, unique_opens: 610, clicks: 240, unique_clicks: 150, spam_reports: 1, spam_report_drops: 0, unsubscribes: 6, unsubscribe_drops: 0,
        },
        rates: {
          delivery_rate: 98.33, open_rate: 76.27, unique_open_rate: 51.69, click_rate: 20.34, unique_click_rate: 12.71,
          bounce_rate: 1, spam_report_rate: 0.08, unsubscribe_rate: 0.51,
        },
      },
    ],
  },
  perform: async (api, { start_date, end_date, aggregated_by }) => {
    const body = await api.get<Period[]>('/v3/stats', { query: { start_date, end_date, aggregated_by } });
    const periods = (body ?? []).map(({ date, stats }) => {
      const metrics = sumMetrics((stats ?? []).map((s) => metricsOf(s.metrics)));
      return { date, metrics, rates: ratesOf(metrics) };
    });
    const totals = sumMetrics(periods.map((p) => p.metrics));
    return { start_date, end_date: end_date ?? todayUtc(), aggregated_by: aggregated_by ?? ('day' as const), totals, rates: ratesOf(totals), periods };
  },
  summary: ({ start_date, end_date, totals, rates }) =>
    `From ${start_date} to ${end_date}: ${totals.requests} requested, ${totals.delivered} delivered${rates.delivery_rate === null ? '' : ` (${rates.delivery_rate}%)`}, ${totals.unique_opens} unique opens${rates.unique_open_rate === null ? '' : ` (${rates.unique_open_rate}%)`}, ${totals.unique_clicks} unique clicks, ${totals.bounces} bounces, ${totals.spam_reports} spam reports, ${totals.unsubscribes} unsubscribes.`,
});
