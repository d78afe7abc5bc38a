import * as z from 'zod/mini';
import { described } from '../lib/described';
import { zapier } from '../lib/hints';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { allCampaigns } from '../searches/legacy_list_campaigns';

/** A legacy campaign id field, with the legacy campaigns as its Zapier dropdown. */
export const legacyCampaignId = (description?: string) =>
  zapier(z.int().check(z.positive(), ...described(description)), { dynamic: 'legacy_campaign_choices.id.title', label: 'Campaign' });

export default defineOperation({
  key: 'legacy_campaign_choices',
  noun: 'Campaign',
  label: 'Campaign Choices (Legacy)',
  description:
    "Lists every legacy campaign's id, title and status, newest first. Legacy Marketing Campaigns only; else list_single_sends.",
  triggersWhen: 'a new legacy campaign is created',
  access: 'read',
  paged: true,
  tags: ['legacy', 'single_sends'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 986724, title: 'March Newsletter', status: 'Draft' },
  perform: async (api) => (await allCampaigns(legacyApi(api, 'list_single_sends'))).map(({ id, title, status }) => ({ id, title, status })),
  summary: (campaigns) => `Found ${campaigns.length} legacy campaign(s).`,
});
