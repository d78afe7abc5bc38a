import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { statRowSample, statTotals, type SingleSendStatRow } from './get_single_send_stats';

export default defineOperation({
  key: 'list_single_send_stats',
  noun: 'Single Send Statistic',
  label: 'Find All Single Send Stats',
  description:
    'Finds total statistics of all or chosen Single Sends, one row each; get_single_send_stats gives days and A/B splits.',
  access: 'read',
  tags: ['single_sends', 'stats'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    singlesend_ids: zapier(
      z.optional(
        z.array(z.guid('must be a Single Send id (a UUID)')).check(z.minLength(1), z.maxLength(25), z.describe('Default: all.')),
      ),
      { dynamic: 'list_single_sends.id.label', label: 'Single Sends' },
    ),
  }),
  sample: statRowSample,
  perform: (api, { singlesend_ids }) =>
    // 50 is the largest page SendGrid allows for these stats.
    api.paginate<SingleSendStatRow>('/v3/marketing/stats/singlesends', {
      style: 'token',
      items: 'results',
      pageSize: 50,
      query: singlesend_ids?.length ? { singlesend_ids: [...new Set(singlesend_ids)] } : {},
    }),
  summary: (rows) => (rows.length ? `Statistics for ${rows.length} Single Send row(s): ${statTotals(rows)} in all.` : 'No Single Send statistics found.'),
});
