// What the statistics operations share (get_global_stats, get_category_stats, get_category_stats_sums):
// SendGrid's metrics, the rates computed from them, the date range input and its rules. Each operation
// file states its own key, words, scopes and sample; the figures are read and summed here once.
import * as z from 'zod/mini';

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
  'Rates are % of delivered; delivery and bounce rates, % of requests.';

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
    z.enum(['day', 'week', 'month']).check(z.describe('Defaults to day.')),
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
  start_date: statsDate('UTC; not in the future.'),
  end_date: z.optional(statsDate('Inclusive; not before start_date nor in the future.')),
};

/** One entry of a period's `stats` as SendGrid returns it (a category's name, for category statistics). */
export interface StatsEntry {
  name?: string;
  type?: string;
  metrics?: Partial<Metrics>;
}

/** A sample category's figures over a month, for the category operations' samples. */
export const SAMPLE_CATEGORY_METRICS: Metrics = {
  requests: 400, processed: 399, delivered: 396, deferred: 1, bounces: 3, bounce_drops: 1, blocks: 0, invalid_emails: 0,
  opens: 350, unique_opens: 280, clicks: 90, unique_clicks: 70, spam_reports: 0, spam_report_drops: 0, unsubscribes: 1, unsubscribe_drops: 0,
};
export const SAMPLE_CATEGORY_RATES: Rates = {
  delivery_rate: 99, open_rate: 88.38, unique_open_rate: 70.71, click_rate: 22.73, unique_click_rate: 17.68,
  bounce_rate: 0.75, spam_report_rate: 0, unsubscribe_rate: 0.25,
};
