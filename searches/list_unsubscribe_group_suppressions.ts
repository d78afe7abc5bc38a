import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'list_unsubscribe_group_suppressions',
  noun: 'Unsubscribe Group Suppression',
  label: 'Find Unsubscribe Group Suppressions',
  description:
    'Finds every address opted out of one unsubscribe group, not global unsubscribes.',
  access: 'read',
  tags: ['suppressions'],
  scopes: ['asm.groups.suppressions.read'],
  input: z.strictObject({ group_id: groupId('From list_unsubscribe_groups.') }),
  sample: { email: 'ada@example.com', group_id: 4127 },
  async perform(api, { group_id }) {
    const emails = await api.get<string[]>(`/v3/asm/groups/${group_id}/suppressions`);
    // One object per address, so that each is a result with a field to map.
    return (emails ?? []).map((email) => ({ email, group_id }));
  },
  summary: (found, { group_id }) => `Found ${found.length} address(es) in unsubscribe group ${group_id}.`,
});
