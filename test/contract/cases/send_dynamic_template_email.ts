import { SEED } from '../../../sandbox/seed-ids';
import type { ContractCase } from '../case';

const order = {
  to: ['Ada Lovelace <ada@example.com>', 'grace@example.com'],
  from_email: SEED.senderEmail,
  from_name: 'Acme Orders',
  template_id: SEED.dynamicTemplateId,
  dynamic_template_data: { shop: 'Acme' },
  categories: ['orders'],
};

export default [
  {
    name: 'shared data and per-recipient data, each recipient a copy of their own',
    input: {
      ...order,
      send_separately: true,
      recipient_data: [
        { email: 'ada@example.com', data: { first_name: 'Ada', order: { id: 1042, items: [{ name: 'Notebook', qty: 2 }] } } },
        { email: 'grace@example.com', data: { first_name: 'Grace', order: { id: 1043, items: [] } } },
      ],
    },
    zapier: {
      ...order,
      send_separately: 'true',
      recipient_data: [
        { email: 'ada@example.com', data: '{"first_name": "Ada", "order": {"id": 1042, "items": [{"name": "Notebook", "qty": 2}]}}' },
        { email: 'grace@example.com', data: '{"first_name": "Grace", "order": {"id": 1043, "items": []}}' },
      ],
    },
  },
  {
    name: 'one email to several recipients with nested shared data',
    input: { ...order, dynamic_template_data_json: '{"sale": {"ends": "2026-05-01", "codes": ["SPRING20"]}}' },
  },
] satisfies ContractCase[];
