import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { listId } from '../dynamic-fields/list_lists';
import { contactIds } from '../dynamic-fields/list_recent_contacts';

/** The ids travel in the URL, so a request takes a bounded number of them. */
const MAX_IDS = 100;

interface Removal {
  list_id: string;
  contact_ids: string[];
  job_id?: string;
}

export default defineOperation({
  key: 'remove_contacts_from_list',
  noun: 'Contact',
  label: 'Remove Contacts From List',
  description:
    'Removes contacts from a list in a background job; they stay in the account (delete_contacts deletes them).',
  access: 'destructive',
  tags: ['lists', 'contacts'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: listId(),
    contact_ids: contactIds('', MAX_IDS),
  }),
  sample: {
    list_id: 'ca7a3796-e8a8-4029-9ccb-df8937940562',
    contact_ids: ['0a7a1a0e-5a2b-4c2e-8d3b-1f6f5e8c9d10'],
    job_id: '3d3b0f5a-8c1e-4b8a-9f0e-2a7c6d5e4f31',
  },
  perform: async (api, { id, contact_ids }): Promise<Removal> => {
    const ids = [...new Set(contact_ids.map((c) => c.toLowerCase()))];
    const body = await api.delete<{ job_id?: string } | undefined>(`/v3/marketing/lists/${encodeURIComponent(id)}/contacts`, {
      query: { contact_ids: ids.join(',') },
    });
    const jobId = body && typeof body === 'object' && typeof body.job_id === 'string' ? body.job_id : undefined;
    return { list_id: id, contact_ids: ids, ...(jobId ? { job_id: jobId } : {}) };
  },
  summary: (result) => `Removing ${result.contact_ids.length} contact(s) from list ${result.list_id}${result.job_id ? ` (job ${result.job_id})` : ''}.`,
});
