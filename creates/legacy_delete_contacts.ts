import * as z from 'zod/mini';
import { legacyApi, recipientRef, toRecipientId } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_delete_contacts',
  noun: 'Contact',
  label: 'Delete Contacts (Legacy)',
  description:
    'Deletes contacts from the legacy Marketing Campaigns contact database and from every legacy list (DELETE /v3/contactdb/recipients). Give each by email or by legacy recipient id; an email is turned into its id. This cannot be undone. To take a contact off one list only, use legacy_remove_contact_from_list. For accounts on the current Marketing Campaigns, use delete_contacts instead.',
  access: 'destructive',
  tags: ['legacy', 'contacts'],
  scopes: ['marketing_campaigns.delete'],
  input: z.strictObject({
    recipients: z
      .array(recipientRef('A contact: its email address, or its legacy recipient id.'))
      .check(z.minLength(1), z.describe('The contacts to delete, by email or legacy recipient id.')),
  }),
  sample: { recipient_ids: ['YWRhQGV4YW1wbGUuY29t'], count: 1 },
  async perform(api, { recipients }) {
    const ids = [...new Set(recipients.map(toRecipientId))];
    await legacyApi(api, 'delete_contacts').delete('/v3/contactdb/recipients', { body: ids });
    return { recipient_ids: ids, count: ids.length };
  },
  summary: (done) => `Deleted ${done.count} legacy contact(s).`,
});
