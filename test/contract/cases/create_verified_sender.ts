import type { ContractCase } from '../case';

export default [
  {
    name: 'a sender with its postal address',
    input: {
      nickname: 'Acme Support',
      from_email: 'support@example.com',
      from_name: 'Acme Support',
      reply_to: 'help@example.com',
      reply_to_name: 'Acme Help Desk',
      address: '1234 Market St.',
      address2: 'Suite 100',
      city: 'San Francisco',
      state: 'CA',
      zip: '94105',
      country: 'USA',
    },
  },
  { name: 'the required fields only (reply-to defaults to the from address)', input: { nickname: 'Billing', from_email: 'billing@example.com' } },
] satisfies ContractCase[];
