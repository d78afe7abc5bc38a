import * as z from 'zod/mini';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { legacyCampaignId } from '../dynamic-fields/legacy_campaign_choices';
import { campaignSample, type LegacyCampaign } from './legacy_list_campaigns';

export default defineOperation({
  key: 'legacy_get_campaign',
  noun: 'Campaign',
  label: 'Find Campaign (Legacy)',
  description:
    'Finds one campaign by id. Legacy Marketing Campaigns only; else get_single_send.',
  access: 'read',
  tags: ['legacy', 'single_sends'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({
    campaign_id: legacyCampaignId(),
  }),
  sample: campaignSample,
  perform: (api, { campaign_id }) => legacyApi(api, 'get_single_send', `campaign ${campaign_id}`).get<LegacyCampaign>(`/v3/campaigns/${campaign_id}`),
  summary: (campaign) => `Found legacy campaign "${campaign.title}" (id ${campaign.id}, ${campaign.status}).`,
});
