import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'cancel_scheduled_send',
  noun: 'Scheduled Send',
  label: 'Cancel or Pause Scheduled Send',
  description:
    'Cancels or pauses every scheduled email sent with a batch_id (not guaranteed within 10 minutes of send time). A batch already paused or cancelled is refused.',
  access: 'write',
  tags: ['mail'],
  scopes: ['user.scheduled_sends.create'],
  input: z.strictObject({
    batch_id: zapier(
      z.string().check(
        z.trim(),
        z.regex(/^[a-zA-Z0-9_-]+$/, 'must be a batch id (letters, digits, - and _)'),
        z.maxLength(128),
        z.describe('From create_mail_batch.'),
      ),
      { dynamic: 'list_scheduled_sends.batch_id.label', label: 'Batch ID' },
    ),
    status: z.enum(['cancel', 'pause']).check(z.describe('A pause holds them for at most 72 hours.')),
  }),
  sample: { batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', status: 'cancel' },
  perform: async (api, { batch_id, status }) => {
    const result = await api.post<{ batch_id?: string; status?: 'cancel' | 'pause' }>('/v3/user/scheduled_sends', { body: { batch_id, status } });
    return { batch_id: result?.batch_id ?? batch_id, status: result?.status ?? status };
  },
  summary: (send) => `${send.status === 'cancel' ? 'Cancelled' : 'Paused'} the scheduled emails of batch ${send.batch_id}.`,
});
