import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const version = {
  template_id: SEED.dynamicTemplateId,
  name: 'Holiday 2026',
  subject: 'Your order {{order_id}} has shipped',
  html_content: '<p>Hi {{first_name}}, your order {{order_id}} is on its way.</p>',
  plain_content: 'Hi {{first_name}}, your order {{order_id}} is on its way.',
  editor: 'code',
};

const legacy = {
  template_id: SEED.legacyTemplateId,
  name: 'Branded wrapper',
  subject: 'Acme: <%subject%>',
  html_content: '<table><tr><td><img src="https://example.com/logo.png" alt="Acme"></td></tr><tr><td><%body%></td></tr></table>',
  editor: 'design',
};

export default [
  {
    name: 'HTML and plain text, test data as an object, active',
    input: { ...version, test_data: { first_name: 'Ada', order_id: '1042' }, active: true },
    zapier: { ...version, test_data: '{"first_name": "Ada", "order_id": "1042"}', active: 'true' },
  },
  {
    // Legacy templates wrap each email: <%subject%> and <%body%> stand for the sent subject and body.
    name: 'a legacy template, HTML only, plain text generated',
    input: { ...legacy, generate_plain_content: true },
    zapier: { ...legacy, generate_plain_content: 'true' },
  },
] satisfies ContractCase[];
