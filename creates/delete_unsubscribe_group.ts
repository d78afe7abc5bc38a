import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { groupId } from '../lib/suppressions';

export default defineOperation({
  key: 'delete_unsubscribe_group',
  noun: 'Unsubscribe Group',
  label: 'Delete Unsubscribe Group',
  description:
    'Deletes an unsubscribe group. Its opt-outs go with it, so the addresses in it can receive that kind of email again; a recipient who later uses one-click unsubscribe on an old email of the group is added to the global suppression list. It cannot be undone; to change a group, use update_unsubscribe_group.',
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.groups.delete'],
  input: z.strictObject({ group_id: groupId('The id of the unsubscribe group to delete (list_unsubscribe_groups lists them).') }),
  sample: { id: 4127, deleted: true },
  async perform(api, { group_id }) {
    await api.delete(`/v3/asm/groups/${group_id}`);
    return { id: group_id, deleted: true as const };
  },
  summary: ({ id }) => `Deleted unsubscribe group ${id}.`,
});
