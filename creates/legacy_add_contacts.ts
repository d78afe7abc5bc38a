import * as z from 'zod/mini';
import { describeRecipients, legacyApi, recipients, recipientsSample, writeRecipients } from '../lib/legacy-fields';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'legacy_add_contacts',
  noun: 'Contact',
  label: 'Create/Update Contacts (Legacy)',
  description:
    'Adds or updates contacts by email; if some are refused, status is "partial"; if all, it fails. Adds to no list. Legacy Marketing Campaigns only; else upsert_contacts.',
  access: 'write',
  tags: ['legacy', 'contacts'],
  // read: the custom fields are looked up before writing.
  scopes: ['marketing_campaigns.create', 'marketing_campaigns.read'],
  input: z.strictObject({
    recipients: recipients('Each email once.'),
  }),
  sample: recipientsSample,
  perform: (api, { recipients }) => writeRecipients(legacyApi(api, 'upsert_contacts'), 'POST', recipients),
  summary: (result, { recipients }) => describeRecipients(result, recipients.length),
});
