// Realistic inputs for every operation, run through both faces against the official spec.
// contract.test.ts fails for an operation without a case here, so each new operation brings its own.

export interface ContractCase {
  /** What the case exercises, for the test name. */
  name: string;
  /** The MCP tool arguments and, unless `zapier` is given, the Zapier step's input data. */
  input: Record<string, unknown>;
  /** What Zapier's form sends when it differs: numbers and booleans arrive as text, dict values as strings. */
  zapier?: Record<string, unknown>;
}

const from = { from_email: 'orders@example.com', from_name: 'Acme Orders' };

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
  unsubscribe_group_id: 4127,
};

export const cases: Record<string, ContractCase[]> = {
  send_email: [
    {
      name: 'text and HTML with cc, bcc, a named reply-to, categories and an unsubscribe group',
      input: shipped,
      zapier: { ...shipped, unsubscribe_group_id: '4127' },
    },
    {
      // Dynamic template ids start with "d-"; the template supplies subject and body.
      name: 'a dynamic template with its data and no subject or body',
      input: {
        to: ['ada@example.com'],
        from_email: 'orders@example.com',
        template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
        dynamic_template_data: { first_name: 'Ada', order: { id: 1042, items: ['Notebook', 'Pen'] } },
      },
      zapier: {
        to: ['ada@example.com'],
        from_email: 'orders@example.com',
        template_id: 'd-2c214ac919e84170b21855cc129b4a5f',
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
      input: { to: ['ada@example.com'], from_email: 'orders@example.com', subject: 'Test', text: 'Checking the email.', sandbox_mode: true },
      zapier: { to: 'ada@example.com', from_email: 'orders@example.com', subject: 'Test', text: 'Checking the email.', sandbox_mode: 'true' },
    },
  ],
  create_list: [{ name: 'a list name', input: { name: 'Newsletter Subscribers' } }],
  api_request: [
    { name: 'GET /v3/scopes', input: { method: 'GET', path: '/v3/scopes' } },
    {
      name: 'POST /v3/marketing/lists with a JSON text body',
      input: { method: 'POST', path: '/v3/marketing/lists', body: '{"name": "Webinar Attendees"}' },
    },
    {
      name: 'GET /v3/marketing/lists with a page_size query',
      input: { method: 'GET', path: '/v3/marketing/lists', query: { page_size: '50' } },
    },
  ],
  list_lists: [{ name: 'all lists', input: {} }],
  list_templates: [{ name: 'legacy and dynamic templates', input: {} }],
  list_unsubscribe_groups: [{ name: 'all groups', input: {} }],
};
