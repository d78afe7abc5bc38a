import * as z from 'zod/mini';
import { describeRecipients, legacyApi, recipients, recipientsSample, writeRecipients } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_update_contacts',
  noun: 'Contact',
  label: 'Update Contacts (Legacy)',
  description:
    'Updates contacts by email (adding unknown ones), keeping fields left out; if some are refused, status is "partial"; if all, it fails. Legacy Marketing Campaigns only; else upsert_contacts.',
  access: 'write',
  tags: ['legacy', 'contacts'],
  // read: the custom fields are looked up before writing.
  scopes: ['marketing_campaigns.update', 'marketing_campaigns.read'],
  input: z.strictObject({
    recipients: recipients('Each email once.'),
  }),
  sample: recipientsSample,
  perform: (api, { recipients }) => writeRecipients(legacyApi(api, 'upsert_contacts'), 'PATCH', recipients),
  summary: (result, { recipients }) => describeRecipients(result, recipients.length),
});
