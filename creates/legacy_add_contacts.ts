import * as z from 'zod/mini';
import { describeRecipients, legacyApi, recipients, recipientsSample, writeRecipients } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_add_contacts',
  noun: 'Contact',
  label: 'Create/Update Contacts (Legacy)',
  description:
    "Adds up to 1,000 contacts to the legacy Marketing Campaigns contact database (POST /v3/contactdb/recipients), with first and last name and legacy custom fields by name; a contact whose email exists is updated. Custom field names are checked against the account's legacy custom fields and values against their types (text, number, date) before anything is sent. Returns the new, updated and refused counts, the refused positions with SendGrid's reason, and the recipient ids; when only some contacts are refused the result says \"partial\", and when all are, it is an error. It adds no contact to a list: use legacy_add_contacts_to_list. For accounts on the current Marketing Campaigns, use upsert_contacts instead.",
  access: 'write',
  tags: ['legacy', 'contacts'],
  // read: the custom fields are looked up before writing.
  scopes: ['marketing_campaigns.create', 'marketing_campaigns.read'],
  input: z.strictObject({
    recipients: recipients('The contacts to add or update: up to 1,000, each email once.'),
  }),
  sample: recipientsSample,
  perform: (api, { recipients }) => writeRecipients(legacyApi(api, 'upsert_contacts'), 'POST', recipients),
  summary: (result, { recipients }) => describeRecipients(result, recipients.length),
});
