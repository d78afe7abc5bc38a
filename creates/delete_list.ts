import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';
import { listId } from '../dynamic-fields/list_lists';

interface DeletedList {
  id: string;
  deleted: true;
  contacts_deleted: boolean;
  /** SendGrid's job deleting the contacts, when they are deleted too. */
  job_id?: string;
}

export default defineOperation({
  key: 'delete_list',
  noun: 'List',
  label: 'Delete List',
  description:
    'Deletes a Marketing Campaigns contact list. By default its contacts stay in the account (only the list goes); with delete_contacts, every contact on the list is deleted from the whole account too, in a background job, which cannot be undone. A list that does not exist is reported as not found.',
  access: 'destructive',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId('The list to delete.'),
    delete_contacts: zapier(
      z.optional(
        z.boolean().check(z.describe('Also delete every contact on the list from the account (irreversible). Off by default: the contacts stay.')),
      ),
      { label: 'Also Delete Its Contacts' },
    ),
  }),
  sample: { id: 'ca7a3796-e8a8-4029-9ccb-df8937940562', deleted: true, contacts_deleted: false },
  perform: async (api, { id, delete_contacts = false }): Promise<DeletedList> => {
    const body = await api.delete<{ job_id?: string } | undefined>(`/v3/marketing/lists/${encodeURIComponent(id)}`, {
      query: delete_contacts ? { delete_contacts: true } : undefined,
    });
    const jobId = body && typeof body === 'object' && typeof body.job_id === 'string' ? body.job_id : undefined;
    return { id, deleted: true, contacts_deleted: delete_contacts, ...(jobId ? { job_id: jobId } : {}) };
  },
  summary: (result) =>
    result.contacts_deleted
      ? `Deleted list ${result.id}; its contacts are being deleted${result.job_id ? ` (job ${result.job_id})` : ''}.`
      : `Deleted list ${result.id}; its contacts were kept.`,
});
