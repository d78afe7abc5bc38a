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
    'Starts an export of all contacts, or of chosen lists and segments, to files. Asynchronous: returns an id unless wait_until_ready; get_contact_export gives the links.',
  access: 'write',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    list_ids: zapier(
      z.optional(z.array(z.uuid()).check(z.maxLength(100))),
      { dynamic: 'list_lists.id.name', label: 'Lists' },
    ),
    segment_ids: zapier(
      z.optional(z.array(z.guid('must be a segment id (a UUID)')).check(z.maxLength(100))),
      { dynamic: 'list_segments.id.label', label: 'Segments' },
    ),
    file_type: z.optional(z.enum(['csv', 'json'])),
    max_file_size: z.optional(
      z.int().check(z.positive(), z.lte(5000), z.describe('In MB; default 5,000. Bigger exports are split into files.')),
    ),
    notify_by_email: zapier(
      z.optional(z.boolean().check(z.describe('Email the account owner a link when ready.'))),
      { label: 'Notify by Email' },
    ),
    wait_until_ready: z.optional(z.boolean()),
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
