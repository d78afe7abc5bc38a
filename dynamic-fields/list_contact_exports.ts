import * as z from 'zod/mini';
import { sampleExport, type ContactExport } from '../lib/exports';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

/** A contact export as GET /v3/marketing/contacts/exports lists it, with a label for dropdowns. */
export interface ListedExport extends Omit<ContactExport, 'message' | 'updated_at' | 'contact_count'> {
  user_id?: string;
  /** contacts_export, list_export or segment_export. */
  export_type?: string;
  lists?: { ID?: string; Name?: string }[];
  segments?: { ID?: string; Name?: string }[];
  /** "Export of 2026-03-05 14:02 UTC (ready)": when it was begun, and its status. */
  label: string;
}

/** "Export of 2026-03-05 14:02 UTC (ready)"; SendGrid's created_at is an ISO-8601 time. */
export function exportLabel(job: Pick<ContactExport, 'status' | 'created_at'>): string {
  const when = job.created_at && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(job.created_at) ? `${job.created_at.slice(0, 10)} ${job.created_at.slice(11, 16)} UTC` : 'an unknown date';
  return `Export of ${when} (${job.status})`;
}

/** A contact export id, with the account's recent exports as its Zapier dropdown. */
export const exportId = (description: string) =>
  zapier(z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe(description)), { dynamic: 'list_contact_exports.id.label', label: 'Export' });

const { note: _note, updated_at: _updated, contact_count: _count, ...listed } = sampleExport;

export default defineOperation({
  key: 'list_contact_exports',
  noun: 'Contact Export',
  label: 'List Contact Exports',
  description:
    'Lists recent contact exports, newest first, with status and download links when ready.',
  triggersWhen: 'a contact export is started',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: {
    ...listed,
    export_type: 'list_export',
    lists: [{ ID: 'ca7a3796-e8a8-4029-9ccb-df8937940562', Name: 'Newsletter Subscribers' }],
    segments: [],
    label: 'Export of 2026-03-05 14:02 UTC (ready)',
  },
  // The spec gives this endpoint no paging parameters: SendGrid answers with every export it holds.
  perform: async (api): Promise<ListedExport[]> => {
    const body = await api.get<{ result?: Omit<ListedExport, 'label'>[] } | undefined>('/v3/marketing/contacts/exports');
    const jobs = Array.isArray(body?.result) ? body.result : [];
    return jobs
      .map((job) => ({ ...job, label: exportLabel(job) }))
      .sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')));
  },
  summary: (jobs) => {
    const ready = jobs.filter((job) => job.status === 'ready').length;
    return `Found ${jobs.length} contact export(s)${jobs.length ? `, ${ready} ready to download` : ''}.`;
  },
});
