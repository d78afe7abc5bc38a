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
    'Deletes a contact list; its contacts stay in the account unless delete_contacts (a background job).',
  access: 'destructive',
  tags: ['lists'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId(),
    delete_contacts: zapier(
      z.optional(
        z.boolean().check(z.describe('Deletes them account-wide too, irreversibly.')),
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
