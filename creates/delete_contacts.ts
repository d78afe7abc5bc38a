import * as z from 'zod/mini';
import { CONTACT_JOB_DONE, contactJobPoll, countsOf, failedContactsOf, waitForJob, type ContactJob, type FailedContacts } from '../lib/jobs';
import { defineOperation } from '../lib/operation';
import { contactIds } from '../dynamic-fields/list_recent_contacts';

/** What must be typed, word for word, to delete every contact. */
export const CONFIRM_DELETE_ALL = 'DELETE ALL CONTACTS';
/** Ids travel in the query string; 100 UUIDs keep the URL well under common limits. */
const MAX_IDS = 100;

export interface DeleteResult {
  status: 'queued' | 'pending' | 'completed' | 'errored' | 'failed';
  job_id: string;
  /** How many contact ids were given, or "all". */
  deleting: number | 'all';
  job?: ContactJob & FailedContacts;
  message: string;
}

const CONFIRM_MESSAGE = `must be exactly "${CONFIRM_DELETE_ALL}" to delete every contact of the account; nothing was deleted`;

const input = z
  .strictObject({
    contact_ids: z.optional(contactIds('', MAX_IDS)),
    delete_all_contacts: z.optional(
      z.boolean().check(z.describe('Delete EVERY contact, instead of contact_ids. Needs confirm.')),
    ),
    confirm: z.optional(
      z.string().check(
        z.regex(new RegExp(`^${CONFIRM_DELETE_ALL}$`), CONFIRM_MESSAGE),
        z.describe(`Only with delete_all_contacts: ${CONFIRM_DELETE_ALL}.`),
      ),
    ),
    wait_until_processed: z.optional(z.boolean()),
  })
  .check(
    z.superRefine((data, ctx) => {
      const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: data });
      if (data.delete_all_contacts && data.contact_ids) fail('contact_ids', 'give contact ids, or delete_all_contacts, not both');
      else if (!data.delete_all_contacts && !data.contact_ids) fail('contact_ids', 'give the ids of the contacts to delete (or delete_all_contacts with its confirmation)');
      // A confirm given but mistyped is refused by its pattern; here, one left out.
      if (data.delete_all_contacts && data.confirm === undefined) fail('confirm', CONFIRM_MESSAGE);
      if (!data.delete_all_contacts && data.confirm !== undefined) fail('confirm', 'is only used with delete_all_contacts');
    }),
  );

export default defineOperation({
  key: 'delete_contacts',
  noun: 'Contact',
  label: 'Delete Contacts',
  description:
    'Deletes contacts by id, or every contact, irreversibly (export_contacts keeps a copy). Asynchronous: returns a job id unless wait_until_processed. Lists and segments stay.',
  access: 'destructive',
  tags: ['contacts'],
  scopes: ['marketing.read'],
  input,
  sample: {
    status: 'queued',
    job_id: '8e2f4a6c-1b3d-4e5f-8a7b-9c0d1e2f3a4b',
    deleting: 2,
    message: 'SendGrid queued the deletion of 2 contact(s) as job 8e2f4a6c-1b3d-4e5f-8a7b-9c0d1e2f3a4b.',
  } as DeleteResult,
  async perform(api, data): Promise<DeleteResult> {
    const query = data.delete_all_contacts ? { delete_all_contacts: 'true' } : { ids: data.contact_ids!.join(',') };
    const { job_id } = await api.delete<{ job_id: string }>('/v3/marketing/contacts', { query });
    const deleting = data.delete_all_contacts ? ('all' as const) : data.contact_ids!.length;
    const what = deleting === 'all' ? 'every contact' : `${deleting} contact(s)`;
    if (!data.wait_until_processed)
      return { status: 'queued' as const, job_id, deleting, message: `SendGrid queued the deletion of ${what} as job ${job_id}.` };
    const { job, finished } = await waitForJob(api, contactJobPoll(api, job_id, 'contact deletion'));
    const status = (finished && CONTACT_JOB_DONE.includes(job.status) ? job.status : 'pending') as DeleteResult['status'];
    const message = finished
      ? `SendGrid finished deleting ${what} (job ${job_id}, ${job.status}): ${countsOf(job)}.`
      : `SendGrid was still deleting ${what} (job ${job_id}) when the wait ended; it continues in SendGrid.`;
    return { status, job_id, deleting, job: { ...job, ...(await failedContactsOf(api, job)) }, message };
  },
  summary: (result) => result.message,
});
