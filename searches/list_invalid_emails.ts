import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_invalid_emails',
  list: 'invalid_emails',
  noun: 'Invalid Email',
  label: 'Find Invalid Emails',
  description:
    'Finds addresses SendGrid marked invalid (malformed or unknown domain). Fails over 50,000 records.',
  scopes: ['suppression.invalid_emails.read'],
  sample: {
    email: 'ada@exmaple.com',
    created: 1772352000,
    created_at: '2026-03-01T08:00:00Z',
    reason: 'Mail domain mentioned in email address is unknown',
  },
  counted: 'invalid email(s)',
});
