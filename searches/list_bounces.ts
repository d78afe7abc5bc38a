import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_bounces',
  list: 'bounces',
  noun: 'Bounce',
  label: 'Find Bounces',
  description:
    "Finds the addresses on SendGrid's bounce list (mail to them was rejected by the receiving server): address, SMTP status, reason and when, optionally within a time window or for addresses starting with some text. Read-only; SendGrid skips these addresses until they are removed with delete_bounce. More than 50,000 records: narrow the window.",
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
