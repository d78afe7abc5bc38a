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
    "Sends an email through SendGrid's Mail Send API from a verified sender: a subject with text and/or HTML, or a template with its data; attachments (from URLs or base64), reply-to, headers, custom args, categories, unsubscribe group, tracking, IP pool. send_at schedules it up to 72 h ahead (add a batch_id from create_mail_batch to be able to cancel it). More than 1,000 recipients are sent as several requests; the result lists each request's message id. SendGrid accepts the email and delivers it afterwards. Never retried automatically after a timeout or server error, so it cannot send twice: the error then says it may or may not have been sent (check Email Activity), and after a partial failure lists who was sent and who was not. Set sandbox_mode to check without delivering.",
  access: 'write',
  tags: ['mail'],
  scopes: ['mail.send'],
  input,
  sample: mailSample,
  perform: (api, mail) => sendMail(api, mail),
  summary: (sent) => mailSummary(sent),
});
