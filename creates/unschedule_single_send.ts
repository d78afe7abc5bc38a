import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';
import { statusWords } from '../searches/get_single_send';

export default defineOperation({
  key: 'unschedule_single_send',
  noun: 'Single Send',
  label: 'Unschedule Single Send',
  description:
    'Cancels a scheduled Single Send, making it a draft again. A send that has begun cannot be stopped.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({ id: singleSendId() }),
  sample: { id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64', status: 'draft', send_at: null },
  async perform(api, { id }) {
    const answer = await api.delete<{ send_at?: string | null; status?: string }>(`/v3/marketing/singlesends/${encodeURIComponent(id)}/schedule`);
    return { id, status: answer?.status ?? 'draft', send_at: answer?.send_at ?? null };
  },
  summary: ({ id, status }) => `Unscheduled Single Send ${id}: ${statusWords(status)}.`,
});
