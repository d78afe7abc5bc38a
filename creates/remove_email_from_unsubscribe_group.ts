import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { emailPath, groupId, oneEmail } from '../lib/suppressions';

export default defineOperation({
  key: 'remove_email_from_unsubscribe_group',
  noun: 'Unsubscribe Group Suppression',
  label: 'Remove Email From Unsubscribe Group',
  description:
    "Removes one address from an unsubscribe group's opt-outs; only if the recipient asked.",
  access: 'destructive',
  tags: ['suppressions'],
  scopes: ['asm.groups.suppressions.delete'],
  input: z.strictObject({
    group_id: groupId('From list_unsubscribe_groups.'),
    email: oneEmail(),
  }),
  sample: { group_id: 4127, email: 'ada@example.com', removed: true },
  async perform(api, { group_id, email }) {
    await api.delete(`/v3/asm/groups/${group_id}/suppressions/${emailPath(email)}`);
    return { group_id, email, removed: true as const };
  },
  summary: ({ group_id, email }) => `Removed ${email} from unsubscribe group ${group_id}.`,
});
