import * as z from 'zod/mini';
import { legacyApi, recipientRef, toRecipientId } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';
import { legacyListId } from '../dynamic-fields/legacy_list_lists';

export default defineOperation({
  key: 'legacy_remove_contact_from_list',
  noun: 'Contact',
  label: 'Remove Contact From List (Legacy)',
  description:
    'Removes one contact from a legacy list; it stays in the database and other lists. Legacy Marketing Campaigns only; else remove_contacts_from_list.',
  access: 'destructive',
  tags: ['legacy', 'lists', 'contacts'],
  scopes: ['marketing_campaigns.delete'],
  input: z.strictObject({
    list_id: legacyListId(),
    recipient: recipientRef('An email or a legacy recipient id.'),
  }),
  sample: { list_id: 1234, recipient_id: 'YWRhQGV4YW1wbGUuY29t', removed: true },
  async perform(api, { list_id, recipient }) {
    const id = toRecipientId(recipient);
    await legacyApi(api, 'remove_contacts_from_list', `list ${list_id} or contact ${recipient} in it`).delete(
      `/v3/contactdb/lists/${list_id}/recipients/${encodeURIComponent(id)}`,
    );
    return { list_id, recipient_id: id, removed: true as const };
  },
  summary: (done, { recipient }) => `Removed ${recipient} from legacy list ${done.list_id}.`,
});
