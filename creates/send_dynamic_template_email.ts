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
    'Sends a SendGrid dynamic template ("d-…") to one or more recipients from a verified sender, filling its {{placeholders}} with template data: values shared by all, and, when sending separately, values per recipient (which override the shared ones). The template supplies subject and content; get_template shows its active version\'s test_data, the shape of data it expects. Nested objects and lists are allowed (as objects, or as JSON text). Also: Cc/Bcc, reply-to, attachments, categories, unsubscribe group, send_at up to 72 h ahead with a batch_id. More than 1,000 recipients are sent as several requests. Never retried after a timeout or server error (check Email Activity). For a legacy template, or an email without a template, use send_email.',
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
