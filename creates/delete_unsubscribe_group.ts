import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'delete_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Delete Unsubscribe Group',
  description:
    'Deletes an unsubscribe group and its opt-outs, irreversibly; one-click unsubscribes from its past emails then become global.',
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.groups.delete'],
  input: z.strictObject({ group_id: groupId('From list_unsubscribe_groups.') }),
  sample: { id: 4127, deleted: true },
  async perform(api, { group_id }) {
    await api.delete(`/v3/asm/groups/${group_id}`);
    return { id: group_id, deleted: true as const };
  },
  summary: ({ id }) => `Deleted unsubscribe group ${id}.`,
});
