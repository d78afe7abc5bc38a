import * as z from 'zod/mini';
import { buildActivityQuery, findMessages, SAMPLE_MESSAGE } from '../lib/activity-query';
import { defineOperation } from '../lib/operation';

/** How far back the dropdown looks, and how many messages it shows. */
const WINDOW = '3 days';
const LIMIT = 100;

export default defineOperation({
  key: 'list_recent_messages',
  noun: 'Message',
  label: 'List Recent Messages',
  description:
    'Lists up to 100 emails with activity in the last 3 days (paid Email Activity add-on).',
  triggersWhen: 'an email has new activity',
  access: 'read',
  tags: ['mail', 'stats'],
  scopes: ['email_activity.read'],
  input: z.strictObject({}),
  sample: {
    id: 'W8Tfb2KQTRGyE3rRPSuk9A.filter0001.16648.5515E0B88.0',
    label: 'ada@example.com: Your order #1042 has shipped (delivered)',
    ...SAMPLE_MESSAGE,
  },
  perform: async (api) => {
    const messages = await findMessages(api, buildActivityQuery({ within_last: WINDOW }, new Date(Date.now())), LIMIT);
    return messages.map((message) => ({ id: message.msg_id, label: `${message.to_email}: ${message.subject} (${message.status})`, ...message }));
  },
  summary: (messages) => `Found ${messages.length} message(s) with activity in the last ${WINDOW}.`,
});
