import * as z from 'zod/mini';
import { CONTACT_JOB_DONE, contactJobPoll, countsOf, failedContactsOf, readContactJob, waitForJob, type ContactJob, type FailedContacts } from '../lib/jobs';
import { defineOperation } from '../lib/operation';

export type ContactJobStatus = ContactJob & FailedContacts & { message: string };

function messageOf(job: ContactJob, finished: boolean, waited: boolean): string {
  const kind = job.job_type === 'delete' ? 'contact deletion' : 'contact import';
  if (!finished)
    return `The ${kind} job ${job.id} is ${job.status}: SendGrid has not finished it${waited ? ' within the wait; it continues in SendGrid' : ''}. Check again later.`;
  const errored = job.results?.errored_count ?? 0;
  return `The ${kind} job ${job.id} is ${job.status}: ${countsOf(job)}.${errored ? ' failed_contacts lists the contacts that failed and why.' : ''}`;
}

export default defineOperation({
  key: 'get_contact_import_status',
  noun: 'Contact Import',
  label: 'Find Contact Import Status',
  description:
    'Finds a contact upsert, import or deletion job\'s status, counts and failed contacts. Optionally waits until it ends.',
  access: 'read',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    job_id: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.describe('From upsert_contacts, import_contacts_csv or delete_contacts.')),
    wait_until_finished: z.optional(z.boolean()),
  }),
  sample: {
    id: '5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a',
    status: 'completed',
    job_type: 'upsert',
    results: { requested_count: 2, created_count: 1, updated_count: 1, errored_count: 0 },
    started_at: '2026-03-05T14:02:51Z',
    finished_at: '2026-03-05T14:03:09Z',
    message: 'The contact import job 5c1d2b7e-3a4f-4e8d-9b6a-0f1e2d3c4b5a is completed: 1 created, 1 updated, 0 failed.',
  } as ContactJobStatus,
  async perform(api, { job_id, wait_until_finished }) {
    const { job, finished } = wait_until_finished
      ? await waitForJob(api, contactJobPoll(api, job_id))
      : await readContactJob(api, job_id).then((job) => ({ job, finished: CONTACT_JOB_DONE.includes(job.status) }));
    return { ...job, ...(await failedContactsOf(api, job)), message: messageOf(job, finished, Boolean(wait_until_finished)) };
  },
  summary: (job) => job.message,
});
