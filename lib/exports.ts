// Contact exports: the job SendGrid runs after POST /v3/marketing/contacts/exports, read from
// GET /v3/marketing/contacts/exports/{id}, and waited for like the other contact jobs.
import type { SendGridApi } from './client';
import { waitForJob, type JobPoll } from './jobs';

export interface ContactExport {
  id: string;
  /** pending, ready (urls hold the files) or failure (message says why). */
  status: 'pending' | 'ready' | 'failure' | string;
  created_at?: string;
  updated_at?: string;
  completed_at?: string;
  expires_at?: string;
  urls?: string[];
  message?: string;
  contact_count?: number;
  _metadata?: Record<string, unknown>;
}

export type ExportStatus = ContactExport & { note: string };

export const sampleExport: ExportStatus = {
  id: '3f9e1c2a-7b4d-4a6e-9c8b-2d1f0e3a5b7c',
  status: 'ready',
  created_at: '2026-03-05T14:02:51Z',
  updated_at: '2026-03-05T14:03:40Z',
  completed_at: '2026-03-05T14:03:40Z',
  expires_at: '2026-03-08T14:03:40Z',
  urls: ['https://sendgrid-contact-exports.s3.amazonaws.com/3f9e1c2a-7b4d-4a6e-9c8b-2d1f0e3a5b7c/contacts_0.csv.gzip'],
  contact_count: 5230,
  note: 'The export 3f9e1c2a-7b4d-4a6e-9c8b-2d1f0e3a5b7c is ready: 1 file(s) with 5230 contact(s), to download before 2026-03-08T14:03:40Z.',
};

const EXPORT_DONE = ['ready', 'failure'];

export const readExport = (api: SendGridApi, id: string) => api.get<ContactExport>(`/v3/marketing/contacts/exports/${encodeURIComponent(id)}`);

const exportPoll = (api: SendGridApi, id: string): JobPoll<ContactExport> => ({
  read: () => readExport(api, id),
  finished: (job) => EXPORT_DONE.includes(job.status),
  describe: (job) => `contact export ${id}: ${job.status}`,
});

function noteOf(job: ContactExport, waited: boolean): string {
  if (job.status === 'ready')
    return `The export ${job.id} is ready: ${job.urls?.length ?? 0} file(s)${job.contact_count === undefined ? '' : ` with ${job.contact_count} contact(s)`}, to download${job.expires_at ? ` before ${job.expires_at}` : ''}. The download links need no API key; keep them private.`;
  if (job.status === 'failure') return `The export ${job.id} failed${job.message ? `: ${job.message}` : ''}.`;
  return `The export ${job.id} is ${job.status}${waited ? ' after the wait; it continues in SendGrid' : ''}: check it again with Get Contact Export for its download links.`;
}

/** The export's status, read once or (when `wait`) until it is ready or has failed. */
export async function exportStatus(api: SendGridApi, id: string, wait: boolean): Promise<ExportStatus> {
  const job = wait ? (await waitForJob(api, exportPoll(api, id))).job : await readExport(api, id);
  return { ...job, note: noteOf(job, wait) };
}
