import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

/** One Single Send as SendGrid lists it (the short form), with a label for dropdowns. */
export interface SingleSendListItem {
  id: string;
  name: string;
  status: 'draft' | 'scheduled' | 'triggered';
  categories: string[];
  send_at?: string | null;
  is_abtest: boolean;
  abtest?: unknown;
  updated_at: string;
  created_at: string;
  /** "Spring Sale (draft)": the name and the status, so a dropdown tells a draft from a sent one. */
  label: string;
}

/**
 * The Single Send id field every Single Send operation takes: a UUID, chosen from this dropdown on
 * Zapier. A fresh schema per call, since a schema carries one Zapier hint.
 */
export const singleSendId = () => zapier(z.guid('must be a Single Send id (a UUID)'), { dynamic: 'list_single_sends.id.label', label: 'Single Send' });

export default defineOperation({
  key: 'list_single_sends',
  noun: 'Single Send',
  label: 'List Single Sends',
  description:
    'Lists all Single Sends with status and send time, without content or statistics.',
  triggersWhen: 'a new Single Send is created',
  access: 'read',
  paged: true,
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({}),
  sample: {
    id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64',
    name: 'Spring Sale',
    status: 'draft',
    categories: ['promotions'],
    send_at: null,
    is_abtest: false,
    abtest: null,
    updated_at: '2026-03-02T09:41:17Z',
    created_at: '2026-03-01T16:24:42Z',
    label: 'Spring Sale (draft)',
  },
  perform: async (api) => {
    // SendGrid does not document a largest page here; 100 keeps most accounts to one request.
    const items = await api.paginate<Omit<SingleSendListItem, 'label'>>('/v3/marketing/singlesends', {
      style: 'token',
      items: 'result',
      pageSize: 100,
    });
    return items.map((item) => ({ ...item, label: `${item.name} (${item.status})` }));
  },
  summary: (items) => `Found ${items.length} Single Send(s).`,
});
