import * as z from 'zod/mini';
import { describeRecipients, legacyApi, recipients, recipientsSample, writeRecipients } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_update_contacts',
  noun: 'Contact',
  label: 'Update Contacts (Legacy)',
  description:
    "Updates up to 1,000 contacts of the legacy Marketing Campaigns contact database by email (PATCH /v3/contactdb/recipients): first and last name and legacy custom fields by name; fields left out keep their values, and an email SendGrid does not know is added. Custom field names are checked against the account's legacy custom fields and values against their types (text, number, date) before anything is sent. Returns the new, updated and refused counts, the refused positions with SendGrid's reason, and the recipient ids; when only some contacts are refused the result says \"partial\", and when all are, it is an error. For accounts on the current Marketing Campaigns, use upsert_contacts instead.",
  access: 'write',
  tags: ['legacy', 'contacts'],
  // read: the custom fields are looked up before writing.
  scopes: ['marketing_campaigns.update', 'marketing_campaigns.read'],
  input: z.strictObject({
    recipients: recipients('The contacts to update, by email: up to 1,000, each email once.'),
  }),
  sample: recipientsSample,
  perform: (api, { recipients }) => writeRecipients(legacyApi(api, 'upsert_contacts'), 'PATCH', recipients),
  summary: (result, { recipients }) => describeRecipients(result, recipients.length),
});
