import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';

/** A Single Send as SendGrid returns it from create, update, duplicate and get. */
export interface SingleSend {
  id: string;
  name: string;
  status: 'draft' | 'scheduled' | 'triggered';
  categories?: string[];
  send_at?: string | null;
  send_to?: { list_ids?: string[]; segment_ids?: string[]; all?: boolean };
  email_config?: {
    subject?: string;
    html_content?: string;
    plain_content?: string;
    generate_plain_content?: boolean;
    design_id?: string;
    editor?: 'code' | 'design';
    suppression_group_id?: number | null;
    custom_unsubscribe_url?: string | null;
    sender_id?: number | null;
    ip_pool?: string | null;
  };
  created_at?: string;
  updated_at?: string;
  warnings?: { message?: string; field?: string; warning_id?: string }[];
}

export const singleSendSample = {
  id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64',
  name: 'Spring Sale',
  status: 'draft' as const,
  categories: ['promotions'],
  send_at: null,
  send_to: { list_ids: ['ca7a3796-e8a8-4029-9ccb-df8937940562'], segment_ids: [], all: false },
  email_config: {
    subject: 'Our spring sale starts today',
    html_content: '<h1>Spring sale</h1><p>20% off everything.</p>',
    plain_content: 'Spring sale: 20% off everything.',
    generate_plain_content: false,
    editor: 'code' as const,
    suppression_group_id: 4127,
    custom_unsubscribe_url: null,
    sender_id: 3920112,
    ip_pool: null,
  },
  created_at: '2026-03-01T16:24:42Z',
  updated_at: '2026-03-02T09:41:17Z',
};

/** The words of a status, for summaries: a draft is never described as sent. */
export const statusWords = (status: string | undefined) =>
  status === 'draft'
    ? 'draft; schedule it to send'
    : status === 'scheduled'
      ? 'scheduled'
      : status === 'triggered'
        ? 'sent or sending'
        : `status ${status ?? 'unknown'}`;

export default defineOperation({
  key: 'get_single_send',
  noun: 'Single Send',
  label: 'Find Single Send',
  description:
    'Finds a Single Send by id, with status, recipients, content and settings; an unknown id is an error. Statistics: get_single_send_stats.',
  access: 'read',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({ id: singleSendId() }),
  sample: singleSendSample,
  perform: (api, { id }) => api.get<SingleSend>(`/v3/marketing/singlesends/${encodeURIComponent(id)}`),
  summary: (single) => `Single Send "${single.name}" (id ${single.id}): ${statusWords(single.status)}${single.send_at ? `, send time ${single.send_at}` : ''}.`,
});
