import * as z from 'zod/mini';
import { checkListIds } from '../lib/contacts';
import { exportStatus, sampleExport, type ExportStatus } from '../lib/exports';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

type Started = Partial<ExportStatus> & { id: string; status: string; note: string };

export default defineOperation({
  key: 'export_contacts',
  noun: 'Contact Export',
  label: 'Export Contacts',
  description:
    'Starts an export of Marketing Campaigns contacts to CSV or JSON files: every contact, or those of the lists and segments chosen. SendGrid prepares the files asynchronously: this returns the export id, and, with wait_until_ready, waits for the download links (otherwise get them with get_contact_export). The links expire after a few days. It changes no contact.',
  access: 'write',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    list_ids: zapier(
      z.optional(z.array(z.uuid()).check(z.maxLength(100), z.describe('Export only the contacts of these lists. Leave empty (and no segments) to export every contact.'))),
      { dynamic: 'list_lists.id.name', label: 'Lists' },
    ),
    segment_ids: zapier(
      z.optional(z.array(z.guid('must be a segment id (a UUID)')).check(z.maxLength(100), z.describe('Export only the contacts of these segments.'))),
      { dynamic: 'list_segments.id.label', label: 'Segments' },
    ),
    file_type: z.optional(z.enum(['csv', 'json']).check(z.describe('The file format: csv (the default) or json.'))),
    max_file_size: z.optional(
      z.int().check(z.positive(), z.lte(5000), z.describe('The largest file in MB (at most 5,000, the default); a bigger export is split into several files.')),
    ),
    notify_by_email: zapier(
      z.optional(z.boolean().check(z.describe('Also email the account\'s owner a link to the export when it is ready.'))),
      { label: 'Notify by Email' },
    ),
    wait_until_ready: z.optional(
      z.boolean().check(z.describe('Wait (as long as one call allows: about 20 to 40 seconds) for the export to be ready and return its download links.')),
    ),
  }),
  sample: sampleExport as Started,
  async perform(api, input): Promise<Started> {
    await checkListIds(api, input.list_ids);
    const body = {
      ...(input.list_ids?.length ? { list_ids: input.list_ids } : {}),
      ...(input.segment_ids?.length ? { segment_ids: input.segment_ids } : {}),
      ...(input.file_type ? { file_type: input.file_type } : {}),
      ...(input.max_file_size ? { max_file_size: input.max_file_size } : {}),
      ...(input.notify_by_email !== undefined ? { notifications: { email: input.notify_by_email } } : {}),
    };
    const { id } = await api.post<{ id: string }>('/v3/marketing/contacts/exports', { body });
    const started = { id, status: 'pending', note: `SendGrid started the export ${id}; it is not ready yet. Get its download links with Get Contact Export.` };
    if (!input.wait_until_ready) return started;
    // The export is running now: a failed wait must not look like a failed export, or it would be started again.
    return exportStatus(api, id, true).catch((error: Error) => ({ ...started, note: `${started.note} (Waiting for it failed: ${error.message})` }));
  },
  summary: (result) => result.note,
});
