import * as z from 'zod/mini';
import { exportStatus, sampleExport } from '../lib/exports';
import { defineOperation } from '../lib/operation';
import { exportId } from '../dynamic-fields/list_contact_exports';

export default defineOperation({
  key: 'get_contact_export',
  noun: 'Contact Export',
  label: 'Find Contact Export',
  description:
    'Finds a contact export by its id: pending, ready (with the download links of its files and when they expire) or failure (with SendGrid\'s reason). Optionally waits until it is ready. It does not start an export (use export_contacts) or download the files.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    export_id: exportId('The export to check: its id, as returned by Export Contacts, or one of the recent exports.'),
    wait_until_ready: z.optional(
      z.boolean().check(z.describe('Keep checking (as long as one call allows: about 20 to 40 seconds) until the export is ready or has failed.')),
    ),
  }),
  sample: sampleExport,
  perform: (api, { export_id, wait_until_ready }) => exportStatus(api, export_id, Boolean(wait_until_ready)),
  summary: (result) => result.note,
});
