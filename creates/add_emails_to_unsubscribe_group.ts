import * as z from 'zod/mini';
import type { UnsubscribeGroup } from '../dynamic-fields/list_unsubscribe_groups';
import { defineOperation } from '../lib/operation';
import { groupId, recipientEmails } from '../lib/suppressions';

export default defineOperation({
  key: 'add_emails_to_unsubscribe_group',
  noun: 'Unsubscribe Group Suppression',
  label: 'Add Emails to Unsubscribe Group',
  description:
    "Adds addresses to an unsubscribe group's opt-outs, after checking it exists (else SendGrid suppresses them globally).",
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.groups.suppressions.create', 'asm.groups.read'],
  input: z.strictObject({
    group_id: groupId('From list_unsubscribe_groups.'),
    recipient_emails: recipientEmails(),
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
