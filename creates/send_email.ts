import * as z from 'zod/mini';
import { defineOperation } from '../lib/operation';
import { mailChecks, mailFields as f, mailSample, mailSummary, sendMail, type MailInput } from '../lib/mail';

const input = z
  .strictObject({
    to: f.to,
    from_email: f.from_email,
    from_name: f.from_name,
    subject: f.subject,
    text: f.text,
    html: f.html,
    cc: f.cc,
    bcc: f.bcc,
    reply_to: f.reply_to,
    reply_to_list: f.reply_to_list,
    send_separately: f.send_separately,
    template_id: f.template_id,
    dynamic_template_data: f.dynamic_template_data,
    dynamic_template_data_json: f.dynamic_template_data_json,
    attachments: f.attachments,
    categories: f.categories,
    unsubscribe_group_id: f.unsubscribe_group_id,
    groups_to_display: f.groups_to_display,
    headers: f.headers,
    custom_args: f.custom_args,
    send_at: f.send_at,
    batch_id: f.batch_id,
    ip_pool_name: f.ip_pool_name,
    click_tracking: f.click_tracking,
    open_tracking: f.open_tracking,
    sandbox_mode: f.sandbox_mode,
  })
  .check(
    mailChecks<MailInput>((mail, fail) => {
      if (!mail.template_id && !mail.subject) fail(['subject'], 'a subject is required unless a template is chosen');
      if (!mail.template_id && !mail.text && !mail.html) fail(['text'], 'give a text or HTML body, or choose a template');
    }),
  );

export default defineOperation({
  key: 'send_email',
  noun: 'Email',
  label: 'Send Email',
  description:
    'Sends an email: a subject with text/HTML, or a template. Over 1,000 recipients go as separate requests. Never sends twice: after a timeout or server error it may or may not have been sent (check Email Activity).',
  access: 'write',
  tags: ['mail'],
  scopes: ['mail.send'],
  input,
  sample: mailSample,
  perform: (api, mail) => sendMail(api, mail),
  summary: (sent) => mailSummary(sent),
});
