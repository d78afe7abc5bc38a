import * as z from 'zod/mini';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

export default defineOperation({
  key: 'cancel_scheduled_send',
  noun: 'Scheduled Send',
  label: 'Cancel or Pause Scheduled Send',
  description:
    'Cancels or pauses every scheduled email sent with one batch id (see create_mail_batch and send_email\'s send_at and batch_id). Cancelled emails are dropped at their send time; paused ones are held, for up to 72 hours. SendGrid does not guarantee a cancellation less than 10 minutes before the send time. A batch already paused or cancelled is refused by SendGrid (400); list them with list_scheduled_sends. It does not affect emails without a batch id, nor Single Sends (use unschedule_single_send).',
  access: 'write',
  tags: ['mail'],
  scopes: ['user.scheduled_sends.create'],
  input: z.strictObject({
    batch_id: zapier(
      z.string().check(
        z.trim(),
        z.regex(/^[a-zA-Z0-9_-]+$/, 'must be a batch id (letters, digits, - and _)'),
        z.maxLength(128),
        z.describe('The batch id the scheduled emails were sent with. On Zapier, map it from the Create Mail Batch step.'),
      ),
      { dynamic: 'list_scheduled_sends.batch_id.label', label: 'Batch ID' },
    ),
    status: z.enum(['cancel', 'pause']).check(z.describe('cancel: the emails are never sent; pause: they are held until the pause is removed in SendGrid (at most 72 hours).')),
  }),
  sample: { batch_id: 'HkJ5yLYULb7Rj8GKSx7u025ouWVlMgAi', status: 'cancel' },
  perform: async (api, { batch_id, status }) => {
    const result = await api.post<{ batch_id?: string; status?: 'cancel' | 'pause' }>('/v3/user/scheduled_sends', { body: { batch_id, status } });
    return { batch_id: result?.batch_id ?? batch_id, status: result?.status ?? status };
  },
  summary: (send) => `${send.status === 'cancel' ? 'Cancelled' : 'Paused'} the scheduled emails of batch ${send.batch_id}.`,
});
