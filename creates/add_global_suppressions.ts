import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { recipientEmails } from '../lib/suppressions';

export default defineOperation({
  key: 'add_global_suppressions',
  noun: 'Global Suppression',
  label: 'Add Global Suppressions',
  description:
    'Adds addresses to the global suppression list: SendGrid sends them nothing. For one group: add_emails_to_unsubscribe_group.',
  access: 'write',
  tags: ['suppressions'],
  scopes: ['asm.suppressions.global.create'],
  input: z.strictObject({ recipient_emails: recipientEmails() }),
  sample: { recipient_emails: ['ada@example.com', 'grace@example.com'] },
  async perform(api, { recipient_emails }) {
    const added = await api.post<{ recipient_emails?: string[] }>('/v3/asm/suppressions/global', { body: { recipient_emails } });
    return { recipient_emails: added?.recipient_emails ?? recipient_emails };
  },
  summary: ({ recipient_emails }) => `Added ${recipient_emails.length} address(es) to the global suppression list.`,
});
