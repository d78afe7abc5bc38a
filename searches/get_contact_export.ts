import * as z from 'zod/mini';
import { exportStatus, sampleExport } from '../lib/exports';
import { defineOperation } from '../lib/operation';
import { exportId } from '../dynamic-fields/list_contact_exports';

export default defineOperation({
  key: 'get_contact_export',
  noun: 'Contact Export',
  label: 'Find Contact Export',
  description:
    'Finds a contact export\'s status, with download links and their expiry when ready. Optionally waits until ready.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    export_id: exportId('From export_contacts or list_contact_exports.'),
    wait_until_ready: z.optional(z.boolean()),
  }),
  sample: sampleExport,
  perform: (api, { export_id, wait_until_ready }) => exportStatus(api, export_id, Boolean(wait_until_ready)),
  summary: (result) => result.note,
});
