import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const version = { template_id: SEED.dynamicTemplateId, version_id: SEED.dynamicTemplateVersionId };
const legacyVersion = { template_id: SEED.legacyTemplateId, version_id: SEED.legacyTemplateVersionId };

export default [
  {
    name: 'a new name, subject and body of a legacy template',
    // Legacy templates wrap each email: <%subject%> and <%body%> stand for the sent subject and body.
    input: { ...legacyVersion, name: 'Branded wrapper 2026', subject: 'Acme: <%subject%>', html_content: '<table><tr><td><img src="https://example.com/logo.png"></td></tr><tr><td><%body%></td></tr></table>' },
  },
  {
    name: 'only the test data of a dynamic template',
    input: { ...version, test_data: { first_name: 'Grace', order_id: '1043' } },
    zapier: { ...version, test_data: '{"first_name": "Grace", "order_id": "1043"}' },
  },
] satisfies ContractCase[];
