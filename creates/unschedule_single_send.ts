import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';
import { statusWords } from '../searches/get_single_send';

export default defineOperation({
  key: 'unschedule_single_send',
  noun: 'Single Send',
  label: 'Unschedule Single Send',
  description:
    'Cancels the scheduled sending of a Single Send of SendGrid Marketing Campaigns, so that it goes back to being a draft; nothing is sent. It does not delete the Single Send (use delete_single_send) and cannot stop a send that has already begun.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({ id: singleSendId('The scheduled Single Send to stop.') }),
  sample: { id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64', status: 'draft', send_at: null },
  async perform(api, { id }) {
    const answer = await api.delete<{ send_at?: string | null; status?: string }>(`/v3/marketing/singlesends/${encodeURIComponent(id)}/schedule`);
    return { id, status: answer?.status ?? 'draft', send_at: answer?.send_at ?? null };
  },
  summary: ({ id, status }) => `Unscheduled Single Send ${id}: ${statusWords(status)}.`,
});
