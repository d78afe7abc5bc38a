import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

export default [
  { name: 'a campaign by id', input: { campaign_id: SEED.legacyCampaignId }, zapier: { campaign_id: String(SEED.legacyCampaignId) } },
] satisfies ContractCase[];
