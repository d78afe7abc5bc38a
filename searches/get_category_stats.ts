import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { aggregatedBy, checkStatsRange, dateRangeFields, metricsOf, RATES_HELP, ratesOf, SAMPLE_CATEGORY_METRICS, SAMPLE_CATEGORY_RATES, type StatsEntry, sumMetrics, todayUtc } from '../lib/stats';

/** One category name, as send_email sets them (SendGrid allows up to 255 characters). */
export const categoryName = () => z.string().check(z.trim(), z.minLength(1), z.maxLength(255));

interface Period {
  date: string;
  stats?: StatsEntry[];
}

export default defineOperation({
  key: 'get_category_stats',
  noun: 'Category Stats Report',
  label: 'Find Category Statistics',
  description: `Finds per-category statistics per period between two dates, with totals and rates. ${RATES_HELP}`,
  access: 'read',
  tags: ['stats'],
  scopes: ['categories.stats.read'],
  input: z
    .strictObject({
      categories: zapier(
        z.array(categoryName()).check(z.minLength(1), z.maxLength(10), z.describe('From list_categories.')),
        { dynamic: 'list_categories.id.category', label: 'Categories' },
      ),
      ...dateRangeFields,
      aggregated_by: aggregatedBy(),
    })
    .check(z.superRefine(checkStatsRange)),
  sample: {
    start_date: '2026-11-01',
    end_date: '2026-11-30',
    aggregated_by: 'month' as const,
    categories: [
      {
        category: 'orders',
        totals: SAMPLE_CATEGORY_METRICS,
        rates: SAMPLE_CATEGORY_RATES,
      },
    ],
    periods: [
      {
        date: '2026-11-01',
        category: 'orders',
        metrics: SAMPLE_CATEGORY_METRICS,
      },
    ],
  },
  perform: async (api, { categories, start_date, end_date, aggregated_by }) => {
    // SendGrid takes several categories as the same parameter repeated: categories=a&categories=b.
    const query = new URLSearchParams({ start_date, ...(end_date ? { end_date } : {}), ...(aggregated_by ? { aggregated_by } : {}) });
    const unique = [...new Set(categories)];
    for (const category of unique) query.append('categories', category);
    const body = await api.get<Period[]>(`/v3/categories/stats?${query}`);
    const periods = (body ?? []).flatMap(({ date, stats }) =>
      (stats ?? []).map((s) => ({ date, category: s.name ?? '', metrics: metricsOf(s.metrics) })),
    );
    const names = [...new Set([...unique, ...periods.map((p) => p.category)])];
    const byCategory = names.map((category) => {
      const totals = sumMetrics(periods.filter((p) => p.category === category).map((p) => p.metrics));
      return { category, totals, rates: ratesOf(totals) };
    });
    return { start_date, end_date: end_date ?? todayUtc(), aggregated_by: aggregated_by ?? ('day' as const), categories: byCategory, periods };
  },
  summary: ({ start_date, end_date, categories }) =>
    `From ${start_date} to ${end_date}: ${categories
      .map((c) => `${c.category}: ${c.totals.delivered} delivered${c.rates.unique_open_rate === null ? '' : `, ${c.rates.unique_open_rate}% unique opens`}`)
      .join('; ')}.`,
});
