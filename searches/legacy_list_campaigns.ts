import * as z from 'zod/mini';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

/** A legacy campaign as SendGrid returns it. */
export interface LegacyCampaign {
  id: number;
  title: string;
  subject?: string | null;
  sender_id?: number | null;
  list_ids?: number[] | null;
  segment_ids?: number[] | null;
  categories?: string[] | null;
  suppression_group_id?: number | null;
  custom_unsubscribe_url?: string | null;
  ip_pool?: string | null;
  html_content?: string | null;
  plain_content?: string | null;
  editor?: 'code' | 'design';
  status: string;
}

export const campaignSample: LegacyCampaign = {
  id: 986724,
  title: 'March Newsletter',
  subject: 'New Products for Spring!',
  sender_id: 124451,
  list_ids: [1234],
  segment_ids: [],
  categories: ['spring line'],
  suppression_group_id: 4127,
  custom_unsubscribe_url: '',
  ip_pool: 'marketing',
  html_content: '<html><body><p>Check out our spring line!</p></body></html>',
  plain_content: 'Check out our spring line!',
  editor: 'code',
  status: 'Draft',
};

/** Every legacy campaign, newest first, 100 a request. */
export const allCampaigns = (api: ReturnType<typeof legacyApi>, pageSize = 100) =>
  api.paginate<LegacyCampaign>('/v3/campaigns', { style: 'offset', items: 'result', pageSize });

export default defineOperation({
  key: 'legacy_list_campaigns',
  noun: 'Campaign',
  label: 'Find Campaigns (Legacy)',
  description:
    'Finds campaigns, newest first: a page, or all with all_pages. Legacy Marketing Campaigns only; else list_single_sends.',
  access: 'read',
  tags: ['legacy', 'single_sends'],
  scopes: ['marketing_campaigns.read'],
  input: z
    .strictObject({
      limit: z.optional(z.int().check(z.minimum(1), z.describe('Default 10; 100 with all_pages.'))),
      offset: z.optional(z.int().check(z.minimum(0), z.describe('Default 0. Not with all_pages.'))),
      all_pages: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((input, ctx) => {
        if (input.all_pages && input.offset !== undefined)
          ctx.addIssue({ code: 'custom', path: ['offset'], message: 'cannot be combined with all_pages, which returns every page', input: input.offset });
      }),
    ),
  sample: campaignSample,
  async perform(api, { limit, offset, all_pages }) {
    const legacy = legacyApi(api, 'list_single_sends');
    if (all_pages) return allCampaigns(legacy, limit ?? 100);
    const page = await legacy.get<{ result?: LegacyCampaign[] }>('/v3/campaigns', { query: { limit: limit ?? 10, offset: offset ?? 0 } });
    return page?.result ?? [];
  },
  summary: (campaigns) => `Found ${campaigns.length} legacy campaign(s).`,
});
