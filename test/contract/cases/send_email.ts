import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const from = { from_email: SEED.senderEmail, from_name: 'Acme Orders' };
/** A time SendGrid accepts for send_at: in the future, within 72 hours. */
const tomorrow = () => new Date(Date.now() + 24 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const shipped = {
  to: ['Ada Lovelace <ada@example.com>'],
  ...from,
  subject: 'Your order #1042 has shipped',
  text: 'Hi Ada, your order #1042 is on its way.',
  html: '<p>Hi Ada, your order <b>#1042</b> is on its way.</p>',
  cc: ['grace@example.com'],
  bcc: ['Audit <audit@example.com>'],
  reply_to: 'Acme Support <support@example.com>',
  categories: ['orders', 'shipping'],
  unsubscribe_group_id: SEED.unsubscribeGroupId,
};

const scheduled = {
  to: ['ada@example.com'],
  ...from,
  subject: 'Your invoice #1042',
  html: '<p>Your invoice is attached.</p><p><img src="cid:logo"></p>',
  reply_to_list: ['Billing <billing@example.com>', 'support@example.com'],
  attachments: [
    { content: 'JVBERi0xLjcKJcfsj6IKMSAwIG9iago8PC9UeXBlL0NhdGFsb2c+PgplbmRvYmoK', filename: 'invoice-1042.pdf', type: 'application/pdf' },
    { content: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', filename: 'logo.png', type: 'image/png', disposition: 'inline', cid: 'logo' },
  ],
  headers: { 'X-Order-Id': '1042' },
  custom_args: { order_id: '1042' },
  batch_id: SEED.batchId,
  unsubscribe_group_id: SEED.unsubscribeGroupId,
  groups_to_display: [SEED.unsubscribeGroupId],
  ip_pool_name: 'transactional',
  click_tracking: false,
  open_tracking: true,
};

export default [
  {
    name: 'text and HTML with cc, bcc, a named reply-to, categories and an unsubscribe group',
    input: shipped,
    zapier: { ...shipped, unsubscribe_group_id: String(SEED.unsubscribeGroupId) },
  },
  {
    // Dynamic template ids start with "d-"; the template supplies subject and body.
    name: 'a dynamic template with its data and no subject or body',
    input: {
      to: ['ada@example.com'],
      from_email: SEED.senderEmail,
      template_id: SEED.dynamicTemplateId,
      dynamic_template_data: { first_name: 'Ada', order: { id: 1042, items: ['Notebook', 'Pen'] } },
    },
    zapier: {
      to: ['ada@example.com'],
      from_email: SEED.senderEmail,
      template_id: SEED.dynamicTemplateId,
      dynamic_template_data: { first_name: 'Ada' },
      dynamic_template_data_json: '{"order": {"id": 1042, "items": ["Notebook", "Pen"]}}',
    },
  },
  {
    name: 'send separately to several recipients',
    input: {
      to: ['ada@example.com', 'Grace Hopper <grace@example.com>', 'alan@example.com'],
      ...from,
      subject: 'Our spring sale starts today',
      html: '<h1>Spring sale</h1><p>20% off everything.</p>',
      send_separately: true,
    },
    zapier: {
      to: ['ada@example.com', 'Grace Hopper <grace@example.com>', 'alan@example.com'],
      ...from,
      subject: 'Our spring sale starts today',
      html: '<h1>Spring sale</h1><p>20% off everything.</p>',
      send_separately: 'true',
    },
  },
  {
    name: 'scheduled in a batch, with attachments, reply-to list, headers, custom args, groups to display, IP pool and tracking',
    input: { ...scheduled, send_at: tomorrow() },
    zapier: {
      ...scheduled,
      send_at: tomorrow(),
      unsubscribe_group_id: String(SEED.unsubscribeGroupId),
      groups_to_display: [String(SEED.unsubscribeGroupId)],
      click_tracking: 'false',
      open_tracking: 'true',
    },
  },
  {
    name: 'sandbox mode',
    input: { to: ['ada@example.com'], from_email: SEED.senderEmail, subject: 'Test', text: 'Checking the email.', sandbox_mode: true },
    zapier: { to: 'ada@example.com', from_email: SEED.senderEmail, subject: 'Test', text: 'Checking the email.', sandbox_mode: 'true' },
  },
] satisfies ContractCase[];
