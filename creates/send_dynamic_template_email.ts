import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { templateDataGuide } from '../lib/template-guide';
import { mailChecks, mailFields as f, mailSample, mailSummary, sendMail, type MailInput } from '../lib/mail';

const input = z
  .strictObject({
    to: f.to,
    from_email: f.from_email,
    template_id: f.dynamic_template_id,
    from_name: f.from_name,
    dynamic_template_data: f.dynamic_template_data,
    dynamic_template_data_json: f.dynamic_template_data_json,
    send_separately: f.send_separately,
    recipient_data: f.recipient_data,
    cc: f.cc,
    bcc: f.bcc,
    reply_to: f.reply_to,
    attachments: f.attachments,
    categories: f.categories,
    unsubscribe_group_id: f.unsubscribe_group_id,
    send_at: f.send_at,
    batch_id: f.batch_id,
    sandbox_mode: f.sandbox_mode,
  })
  .check(mailChecks<MailInput>());

export default defineOperation({
  key: 'send_dynamic_template_email',
  noun: 'Email',
  label: 'Send Email With Dynamic Template',
  description:
    'Sends a dynamic template ("d-…") email with shared and per-recipient data. Over 1,000 recipients go as separate requests. Never sends twice: after a timeout or server error it may or may not have been sent (check Email Activity).',
  access: 'write',
  tags: ['mail', 'templates'],
  scopes: ['mail.send'],
  input,
  sample: { ...mailSample, subject: null },
  perform: (api, mail) => sendMail(api, mail),
  // On Zapier's form, the chosen template's test data as a guide to the data it expects.
  zapier: { fields: (api, inputData) => templateDataGuide(api, inputData.template_id) },
  summary: (sent, mail) => mailSummary(sent).replace('the email', `template ${mail.template_id}`),
});
