import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_invalid_emails',
  list: 'invalid_emails',
  noun: 'Invalid Email',
  label: 'Find Invalid Emails',
  description:
    "Finds the addresses SendGrid marked invalid (malformed, or a mail domain that does not exist): address, reason and when, optionally within a time window or for addresses starting with some text. Read-only; SendGrid skips these addresses until they are removed with delete_invalid_email. More than 50,000 records: narrow the window.",
  scopes: ['suppression.invalid_emails.read'],
  sample: {
    email: 'ada@exmaple.com',
    created: 1772352000,
    created_at: '2026-03-01T08:00:00Z',
    reason: 'Mail domain mentioned in email address is unknown',
  },
  counted: 'invalid email(s)',
});
