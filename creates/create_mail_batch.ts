import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'create_mail_batch',
  noun: 'Mail Batch',
  label: 'Create Mail Batch',
  description:
    'Creates mail batch ids for scheduled sends, which cancel_scheduled_send can then pause or cancel together.',
  access: 'write',
  tags: ['mail'],
  scopes: ['mail.batch.create'],
  input: z.strictObject({
    count: z._default(
      z.int().check(
        z.minimum(1),
        z.maximum(10),
      ),
      1,
    ),
  }),
  sample: { batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', batch_ids: ['HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi'] },
  // One request per id: SendGrid creates one batch id per call.
  perform: async (api, { count }) => {
    const batch_ids: string[] = [];
    for (let i = 0; i < count; i++) batch_ids.push((await api.post<{ batch_id: string }>('/v3/mail/batch')).batch_id);
    return { batch_id: batch_ids[0]!, batch_ids };
  },
  summary: (batch) =>
    batch.batch_ids.length > 1
      ? `Created ${batch.batch_ids.length} mail batches: ${batch.batch_ids.join(', ')}; give one as batch_id when scheduling emails.`
      : `Created mail batch ${batch.batch_id}; give it as batch_id when scheduling emails.`,
});
