import * as z from 'zod/mini';
import { ACTIVITY_ADD_ON, explainAddOn, MESSAGE_ID } from '../lib/activity-query';
import { zapier } from '../lib/hints';
import { defineOperation } from '../lib/operation';

interface MessageEvent {
  event_name: string;
  processed: string;
  reason?: string;
  attempt_num?: number;
  url?: string;
  bounce_type?: string;
  http_user_agent?: string;
  mx_server?: string;
}

export default defineOperation({
  key: 'get_email_activity_message',
  noun: 'Email Activity',
  label: 'Find Email Activity Message',
  description:
    "Finds one sent message's details and events in Email Activity (paid add-on).",
  access: 'read',
  tags: ['mail', 'stats'],
  scopes: ['email_activity.read'],
  input: z.strictObject({
    msg_id: zapier(
      z.string().check(
        z.trim(),
        z.regex(MESSAGE_ID, 'must hold only letters, digits, dots, dashes and underscores'),
        z.maxLength(255),
        z.describe("From search_email_activity; a send's X-Message-Id is not enough."),
      ),
      { dynamic: 'list_recent_messages.id.label', label: 'Message' },
    ),
  }),
  sample: {
    msg_id: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0',
    from_email: 'orders@example.com',
    to_email: 'ada@example.com',
    subject: 'Your order #1042 has shipped',
    status: 'delivered',
    template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
    asm_group_id: 4127,
    teammate: '',
    api_key_id: 'Fk2VuPmWQ3e9m0nHc4Yt1g',
    originating_ip: '203.0.113.7',
    outbound_ip: '198.51.100.24',
    outbound_ip_type: 'shared',
    categories: ['orders', 'shipping'],
    unique_args: '{"order_id":"1042"}',
    events: [
      { event_name: 'processed', processed: '2026-11-30T14:01:03Z' },
      { event_name: 'delivered', processed: '2026-11-30T14:01:05Z', mx_server: 'mx.example.com' },
      { event_name: 'opened', processed: '2026-11-30T14:05:12Z', http_user_agent: 'Mozilla/5.0' },
    ] as MessageEvent[],
  },
  perform: (api, { msg_id }) =>
    explainAddOn(
      api.get<{ msg_id: string; to_email: string; status: string; events?: MessageEvent[] } & Record<string, unknown>>(`/v3/messages/${encodeURIComponent(msg_id)}`),
      ACTIVITY_ADD_ON,
    ),
  summary: (message) => {
    const events = (message.events ?? []).map((e) => e.event_name);
    return `Message ${message.msg_id} to ${message.to_email}: ${message.status}${events.length ? `; events: ${events.join(', ')}` : ''}.`;
  },
});
