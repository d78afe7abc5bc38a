import * as z from 'zod/mini';
import { described } from '../lib/described';
import { zapier } from '../lib/hints';
import { legacyApi } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export interface LegacyList {
  id: number;
  name: string;
  recipient_count: number;
}

/** A legacy list id field, with the legacy lists as its Zapier dropdown. */
export const legacyListId = (description?: string) =>
  zapier(z.int().check(z.positive(), ...described(description)), { dynamic: 'legacy_list_lists.id.name', label: 'List' });

export default defineOperation({
  key: 'legacy_list_lists',
  noun: 'List',
  label: 'List Lists (Legacy)',
  description:
    'Lists every legacy contact list with its contact count. Legacy Marketing Campaigns only; else list_lists.',
  triggersWhen: 'a new legacy contact list is created',
  access: 'read',
  tags: ['legacy', 'lists'],
  scopes: ['marketing_campaigns.read'],
  input: z.strictObject({}),
  sample: { id: 1234, name: 'Newsletter Subscribers', recipient_count: 5000 },
  // SendGrid returns every legacy list in one response.
  perform: async (api) => (await legacyApi(api, 'list_lists').get<{ lists?: LegacyList[] }>('/v3/contactdb/lists'))?.lists ?? [],
  summary: (lists) => `Found ${lists.length} legacy contact list(s).`,
});
