import * as z from 'zod/mini';
import { legacyApi, MAX_RECIPIENTS, recipientRef, toRecipientId } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { legacyListId } from '../dynamic-fields/legacy_list_lists';

export default defineOperation({
  key: 'legacy_add_contacts_to_list',
  noun: 'Contact',
  label: 'Add Contacts to List (Legacy)',
  description:
    'Adds existing contacts to a legacy list; creates none. Legacy Marketing Campaigns only; else upsert_contacts.',
  access: 'write',
  tags: ['legacy', 'lists', 'contacts'],
  // Adding to a list changes the list; SendGrid's docs do not name the scope per endpoint.
  scopes: ['marketing_campaigns.update'],
  input: z.strictObject({
    list_id: legacyListId(),
    recipients: z
      .array(recipientRef())
      .check(z.minLength(1), z.maxLength(MAX_RECIPIENTS), z.describe('Emails or legacy recipient ids.')),
  }),
  sample: { list_id: 1234, recipient_ids: ['YWRhQGV4YW1wbGUuY29t', 'Z3JhY2VAZXhhbXBsZS5jb20='], count: 2 },
  async perform(api, { list_id, recipients }) {
    const ids = [...new Set(recipients.map(toRecipientId))];
    await legacyApi(api, 'upsert_contacts', `list ${list_id} or one of the contacts`).post(`/v3/contactdb/lists/${list_id}/recipients`, { body: ids });
    return { list_id, recipient_ids: ids, count: ids.length };
  },
  summary: (added) => `Added ${added.count} contact(s) to legacy list ${added.list_id}.`,
});
