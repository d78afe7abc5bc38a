import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_spam_report',
  list: 'spam_reports',
  noun: 'Spam Report',
  label: 'Delete Spam Report',
  description:
    "Deletes one address's spam report from SendGrid, so SendGrid delivers to it again. Do it only when the recipient has asked to receive your mail again: mailing people who reported you as spam hurts your sender reputation. It removes nothing else (bounces, blocks, unsubscribes) and cannot be undone.",
  scopes: ['suppression.spam_reports.delete'],
  from: 'the spam reports',
});
