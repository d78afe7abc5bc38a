import * as z from 'zod/mini';
import { singleSendId } from '../dynamic-fields/list_single_sends';
import { defineOperation } from '../lib/operation';

/** "now", or an ISO-8601 date-time with a zone: without one, the time would be ambiguous. */
const NOW_OR_ISO = /^(now|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d))$/;

/** A date and time that exists: JavaScript would read February 30 as March 2. */
function isRealTime(text: string): boolean {
  const [year, month, day, hour, minute, second = 0] = text.match(/\d+/g)!.slice(0, 6).map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day && hour! < 24 && minute! < 60 && second < 60 && !Number.isNaN(Date.parse(text));
}

export interface ScheduleResult {
  id: string;
  /** SendGrid's status after the request: scheduled, or triggered once sending has begun. */
  status: string;
  send_at: string | null;
  sending_now: boolean;
  /** "sending now" or "scheduled for …", from SendGrid's answer. */
  result: string;
}

export default defineOperation({
  key: 'schedule_single_send',
  noun: 'Single Send',
  label: 'Schedule Single Send',
  description:
    'Schedules a Single Send, or sends it now: this really emails its recipients. It needs a sender, recipients, content and an unsubscribe method. A time in the past is refused. unschedule_single_send can stop it until sending begins.',
  access: 'write',
  tags: ['single_sends'],
  scopes: ['marketing.read'],
  input: z.strictObject({
    id: singleSendId(),
    send_at: z.string().check(
      z.regex(NOW_OR_ISO, 'must be "now" or an ISO-8601 date-time with a time zone, such as 2026-05-01T09:00:00Z'),
      z.refine((text) => !NOW_OR_ISO.test(text) || text === 'now' || isRealTime(text), 'is not a real date and time'),
      z.refine(
        (text) => !NOW_OR_ISO.test(text) || text === 'now' || !isRealTime(text) || Date.parse(text) > Date.now(),
        'is in the past; give a future time, or "now" to send immediately',
      ),
      z.describe('"now", or an ISO-8601 date-time with a time zone.'),
    ),
  }),
  sample: {
    id: '27c8b3e4-6d1a-4f9b-8e2c-5a7d0b3c1f64',
    status: 'scheduled',
    send_at: '2026-05-01T09:00:00Z',
    sending_now: false,
    result: 'scheduled for 2026-05-01T09:00:00Z',
  },
  async perform(api, { id, send_at }): Promise<ScheduleResult> {
    // SendGrid wants RFC 3339 with seconds; a time given in another zone is sent as the same instant in UTC.
    const when = send_at === 'now' ? 'now' : new Date(send_at).toISOString();
    const answer = await api.put<{ send_at?: string | null; status?: string }>(`/v3/marketing/singlesends/${encodeURIComponent(id)}/schedule`, {
      body: { send_at: when },
    });
    const status = answer?.status ?? 'unknown';
    const sendingNow = status === 'triggered' || (status === 'scheduled' && when === 'now');
    const at = answer?.send_at ?? (when === 'now' ? null : when);
    const result = sendingNow ? 'sending now' : status === 'scheduled' ? `scheduled for ${at ?? when}` : `not confirmed: SendGrid answered status ${status}`;
    return { id, status, send_at: at, sending_now: sendingNow, result };
  },
  summary: (scheduled) => `Single Send ${scheduled.id}: ${scheduled.result}.`,
});
