import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

export interface UnsubscribeGroup {
  id: number;
  name: string;
  description: string;
  is_default?: boolean;
  unsubscribes?: number;
}

export default defineOperation({
  key: 'list_unsubscribe_groups',
  noun: 'Unsubscribe Group',
  label: 'List Unsubscribe Groups',
  description:
    "Lists the account's unsubscribe groups, with opt-out counts.",
  triggersWhen: 'a new unsubscribe group is created',
  access: 'read',
  tags: ['suppressions'],
  scopes: ['asm.groups.read'],
  input: z.strictObject({}),
  sample: { id: 4127, name: 'Product Updates', description: 'News about features we ship', is_default: false, unsubscribes: 38 },
  // SendGrid returns every group in one response.
  perform: (api) => api.get<UnsubscribeGroup[]>('/v3/asm/groups'),
  summary: (groups) => `Found ${groups.length} unsubscribe group(s).`,
});
