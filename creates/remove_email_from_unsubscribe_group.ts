import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { emailPath, groupId, oneEmail } from '../lib/suppressions';

export default defineOperation({
  key: 'remove_email_from_unsubscribe_group',
  noun: 'Unsubscribe Group Suppression',
  label: 'Remove Email From Unsubscribe Group',
  description:
    "Removes one address from an unsubscribe group, so it receives that group's email again. Do it only when the recipient asked to: it overrides their opt-out. It does not touch the global suppression list (see remove_global_suppression) or other groups.",
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.groups.suppressions.delete'],
  input: z.strictObject({
    group_id: groupId('The id of the unsubscribe group to remove the address from (list_unsubscribe_groups lists them).'),
    email: oneEmail('The address to opt back in, such as ada@example.com.'),
  }),
  sample: { group_id: 4127, email: 'ada@example.com', removed: true },
  async perform(api, { group_id, email }) {
    await api.delete(`/v3/asm/groups/${group_id}/suppressions/${emailPath(email)}`);
    return { group_id, email, removed: true as const };
  },
  summary: ({ group_id, email }) => `Removed ${email} from unsubscribe group ${group_id}.`,
});
