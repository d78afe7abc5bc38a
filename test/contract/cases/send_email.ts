import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const from = { from_email: SEED.senderEmail, from_name: 'Acme Orders' };

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
      dynamic_template_data: { first_name: 'Ada', order_id: '1042' },
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
    name: 'sandbox mode',
    input: { to: ['ada@example.com'], from_email: SEED.senderEmail, subject: 'Test', text: 'Checking the email.', sandbox_mode: true },
    zapier: { to: 'ada@example.com', from_email: SEED.senderEmail, subject: 'Test', text: 'Checking the email.', sandbox_mode: 'true' },
  },
] satisfies ContractCase[];
