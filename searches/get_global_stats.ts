import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { aggregatedBy, checkStatsRange, dateRangeFields, metricsOf, RATES_HELP, ratesOf, sumMetrics, todayUtc, type Metrics, type Rates } from '../lib/stats';

interface Period {
  date: string;
  stats?: { metrics?: Partial<Metrics> }[];
}

const sampleTotals: Metrics = {
  requests: 1200, processed: 1195, delivered: 1180, deferred: 4, bounces: 12, bounce_drops: 3, blocks: 2, invalid_emails: 1,
  opens: 900, unique_opens: 610, clicks: 240, unique_clicks: 150, spam_reports: 1, spam_report_drops: 0, unsubscribes: 6, unsubscribe_drops: 0,
};
const sampleRates: Rates = {
  delivery_rate: 98.33, open_rate: 76.27, unique_open_rate: 51.69, click_rate: 20.34, unique_click_rate: 12.71,
  bounce_rate: 1, spam_report_rate: 0.08, unsubscribe_rate: 0.51,
};

export default defineOperation({
  key: 'get_global_stats',
  noun: 'Stats Report',
  label: 'Find Email Statistics',
  description: `Finds the account's email statistics per period between two dates, with totals and rates. ${RATES_HELP}`,
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
    totals: sampleTotals,
    rates: sampleRates,
    // One month, aggregated by month: its one period holds the same figures as the totals.
    periods: [{ date: '2026-11-01', metrics: sampleTotals, rates: sampleRates }],
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
