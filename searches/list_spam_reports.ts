import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_spam_reports',
  list: 'spam_reports',
  noun: 'Spam Report',
  label: 'Find Spam Reports',
  description:
    "Finds the addresses whose recipients marked your mail as spam: address, the sending IP and when, optionally within a time window or for addresses starting with some text. Read-only; SendGrid skips these addresses until they are removed with delete_spam_report. More than 50,000 records: narrow the window.",
  scopes: ['suppression.spam_reports.read'],
  sample: { email: 'alan@example.com', created: 1772352000, created_at: '2026-03-01T08:00:00Z', ip: '10.63.202.100' },
  counted: 'spam report(s)',
});
