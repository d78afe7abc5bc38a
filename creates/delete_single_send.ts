import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'delete_single_send',
  noun: 'Single Send',
  label: 'Delete Single Send',
  description:
    'Deletes a Single Send permanently; email already sent stays sent. To only stop a scheduled send, use unschedule_single_send.',
  access: 'destructive',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({ id: singleSendId() }),
  sample: { id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64', deleted: true },
  async perform(api, { id }) {
    await api.delete(`/v3/marketing/singlesends/${encodeURIComponent(id)}`);
    return { id, deleted: true };
  },
  summary: ({ id }) => `Deleted Single Send ${id}.`,
});
