import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';

interface ScheduledSend {
  batch_id: string;
  status: 'cancel' | 'pause';
}

export default defineOperation({
  key: 'list_scheduled_sends',
  noun: 'Scheduled Send',
  label: 'List Scheduled Sends',
  description:
    'Lists paused or cancelled batches of scheduled emails; still-scheduled ones do not appear.',
  triggersWhen: 'a batch of scheduled emails is paused or cancelled',
  access: 'read',
  tags: ['mail'],
  scopes: ['user.scheduled_sends.read'],
  input: z.strictObject({}),
  sample: { id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', status: 'cancel', label: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi (cancelled)' },
  // One answer with every batch; `id` is the batch id, which Zapier uses to tell items apart.
  perform: async (api) => {
    const sends = (await api.get<ScheduledSend[]>('/v3/user/scheduled_sends')) ?? [];
    return sends.map((send) => ({
      id: send.batch_id,
      batch_id: send.batch_id,
      status: send.status,
      label: `${send.batch_id} (${send.status === 'cancel' ? 'cancelled' : 'paused'})`,
    }));
  },
  summary: (sends) => `Found ${sends.length} paused or cancelled batch(es).`,
});
