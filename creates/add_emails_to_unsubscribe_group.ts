import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId, recipientEmails } from '../lib/suppressions';

export default defineOperation({
  key: 'add_emails_to_unsubscribe_group',
  noun: 'Unsubscribe Group Suppression',
  label: 'Add Emails to Unsubscribe Group',
  description:
    "Adds addresses to an unsubscribe group, as if they had opted out of it: SendGrid stops sending them email of that group, and only that group. It first checks that the group exists, because SendGrid puts addresses sent to a missing group on the global suppression list (no email at all). To opt an address out of everything, use add_global_suppressions.",
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.suppressions.create', 'asm.groups.read'],
  input: z.strictObject({
    group_id: groupId('The id of the unsubscribe group the addresses opt out of (list_unsubscribe_groups lists them).'),
    recipient_emails: recipientEmails('The addresses to add, such as ada@example.com.'),
  }),
  sample: { group_id: 4127, group_name: 'Product Updates', recipient_emails: ['ada@example.com', 'grace@example.com'] },
  async perform(api, { group_id, recipient_emails }) {
    // A 404 here stops before the addresses could land on the global list.
    const group = await api.get<UnsubscribeGroup>(`/v3/asm/groups/${group_id}`);
    const added = await api.post<{ recipient_emails?: string[] }>(`/v3/asm/groups/${group_id}/suppressions`, { body: { recipient_emails } });
    return { group_id, group_name: group.name, recipient_emails: added?.recipient_emails ?? recipient_emails };
  },
  summary: (result) => `Added ${result.recipient_emails.length} address(es) to unsubscribe group "${result.group_name}" (id ${result.group_id}).`,
});
