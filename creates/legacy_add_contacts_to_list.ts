import * as z from 'zod/mini';
import { legacyApi, MAX_RECIPIENTS, recipientRef, toRecipientId } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { legacyListId } from '../dynamic-fields/legacy_list_lists';

export default defineOperation({
  key: 'legacy_add_contacts_to_list',
  noun: 'Contact',
  label: 'Add Contacts to List (Legacy)',
  description:
    'Adds up to 1,000 existing contacts of the legacy Marketing Campaigns contact database to a legacy list (POST /v3/contactdb/lists/{list_id}/recipients). Give each contact by email or by legacy recipient id; an email is turned into its id (the URL-safe base64 of the lowercased email). It creates no contact: add them first with legacy_add_contacts. For accounts on the current Marketing Campaigns, use upsert_contacts with a list instead.',
  access: 'write',
  tags: ['legacy', 'lists', 'contacts'],
  // Adding to a list changes the list; SendGrid's docs do not name the scope per endpoint.
  scopes: ['marketing_campaigns.update'],
  input: z.strictObject({
    list_id: legacyListId('The legacy list to add the contacts to.'),
    recipients: z
      .array(recipientRef('A contact: its email address, or its legacy recipient id.'))
      .check(z.minLength(1), z.maxLength(MAX_RECIPIENTS), z.describe('The contacts to add, by email or legacy recipient id: up to 1,000.')),
  }),
  sample: { list_id: 1234, recipient_ids: ['YWRhQGV4YW1wbGUuY29t', 'Z3JhY2VAZXhhbXBsZS5jb20='], count: 2 },
  async perform(api, { list_id, recipients }) {
    const ids = [...new Set(recipients.map(toRecipientId))];
    await legacyApi(api, 'upsert_contacts', `list ${list_id} or one of the contacts`).post(`/v3/contactdb/lists/${list_id}/recipients`, { body: ids });
    return { list_id, recipient_ids: ids, count: ids.length };
  },
  summary: (added) => `Added ${added.count} contact(s) to legacy list ${added.list_id}.`,
});
