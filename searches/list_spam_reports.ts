import { listSuppressions } from '../lib/suppressions';

export default listSuppressions({
  key: 'list_spam_reports',
  list: 'spam_reports',
  noun: 'Spam Report',
  label: 'Find Spam Reports',
  description:
    'Finds addresses whose recipients reported your mail as spam. Fails over 50,000 records.',
  scopes: ['suppression.spam_reports.read'],
  sample: { email: 'alan@example.com', created: 1772352000, created_at: '2026-03-01T08:00:00Z', ip: '10.63.202.100' },
  counted: 'spam report(s)',
});
