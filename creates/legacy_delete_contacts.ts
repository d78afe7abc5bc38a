import * as z from 'zod/mini';
import { legacyApi, recipientRef, toRecipientId } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_delete_contacts',
  noun: 'Contact',
  label: 'Delete Contacts (Legacy)',
  description:
    'Deletes contacts from the database and every list; irreversible. Legacy Marketing Campaigns only; else delete_contacts.',
  access: 'destructive',
  tags: ['legacy', 'contacts'],
  scopes: ['marketing_campaigns.delete'],
  input: z.strictObject({
    recipients: z
      .array(recipientRef())
      .check(z.minLength(1), z.describe('Emails or legacy recipient ids.')),
  }),
  sample: { recipient_ids: ['YWRhQGV4YW1wbGUuY29t'], count: 1 },
  async perform(api, { recipients }) {
    const ids = [...new Set(recipients.map(toRecipientId))];
    await legacyApi(api, 'delete_contacts').delete('/v3/contactdb/recipients', { body: ids });
    return { recipient_ids: ids, count: ids.length };
  },
  summary: (done) => `Deleted ${done.count} legacy contact(s).`,
});
