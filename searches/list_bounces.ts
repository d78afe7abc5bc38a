import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_bounces',
  list: 'bounces',
  noun: 'Bounce',
  label: 'Find Bounces',
  description:
    'Finds addresses on the bounce list (rejected by the receiving server). Fails over 50,000 records.',
  scopes: ['suppression.bounces.read'],
  sample: {
    email: 'ada@example.com',
    created: 1772352000,
    created_at: '2026-03-01T08:00:00Z',
    reason: '550 5.1.1 The email account that you tried to reach does not exist.',
    status: '5.1.1',
  },
  counted: 'bounce(s)',
});
