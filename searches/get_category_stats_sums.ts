import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { checkStatsRange, dateRangeFields, METRICS, metricsOf, RATES_HELP, ratesOf, SAMPLE_CATEGORY_METRICS, SAMPLE_CATEGORY_RATES, type StatsEntry, todayUtc } from '../lib/stats';

interface Sums {
  date?: string;
  stats?: StatsEntry[];
}

export default defineOperation({
  key: 'get_category_stats_sums',
  noun: 'Category Stats Report',
  label: 'Find Category Statistics Totals',
  description: `Finds each category's statistics summed between two dates, ranked by a metric; one page per call. ${RATES_HELP}`,
  access: 'read',
  tags: ['stats'],
  scopes: ['categories.stats.sums.read'],
  input: z
    .strictObject({
      ...dateRangeFields,
      sort_by_metric: zapier(z.optional(z.enum(METRICS).check(z.describe('Defaults to delivered.'))), { label: 'Sort by Metric' }),
      sort_by_direction: zapier(z.optional(z.enum(['desc', 'asc']).check(z.describe('Defaults to desc.'))), { label: 'Sort Direction' }),
      limit: z.optional(z.int().check(z.minimum(1), z.describe('Defaults to 5.'))),
      offset: z.optional(z.int().check(z.minimum(0))),
    })
    .check(z.superRefine(checkStatsRange)),
  sample: {
    start_date: '2026-11-01',
    end_date: '2026-11-30',
    categories: [
      {
        category: 'orders',
        metrics: SAMPLE_CATEGORY_METRICS,
        rates: SAMPLE_CATEGORY_RATES,
      },
    ],
  },
  perform: async (api, { start_date, end_date, ...query }) => {
    const body = await api.get<Sums>('/v3/categories/stats/sums', { query: { start_date, end_date, ...query } });
    const categories = (body?.stats ?? []).map((s) => {
      const metrics = metricsOf(s.metrics);
      return { category: s.name ?? '', metrics, rates: ratesOf(metrics) };
    });
    return { start_date, end_date: end_date ?? todayUtc(), categories };
  },
  summary: ({ start_date, end_date, categories }, { sort_by_metric = 'delivered' }) =>
    categories.length
      ? `From ${start_date} to ${end_date}, ${categories.length} categor${categories.length === 1 ? 'y' : 'ies'} by ${sort_by_metric}: ${categories.map((c) => `${c.category} ${c.metrics[sort_by_metric]}`).join(', ')}.`
      : `No category had statistics from ${start_date} to ${end_date}.`,
});
