import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_spam_report',
  list: 'spam_reports',
  noun: 'Spam Report',
  label: 'Delete Spam Report',
  description:
    "Deletes one address's spam report; only if the recipient asked, as mailing reporters hurts reputation.",
  scopes: ['suppression.spam_reports.delete'],
  from: 'the spam reports',
});
