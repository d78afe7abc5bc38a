import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_bounce',
  list: 'bounces',
  noun: 'Bounce',
  label: 'Delete Bounce',
  description:
    "Deletes one address from SendGrid's bounce list, so SendGrid delivers to it again. Do it only when the mailbox is known to work now: mail to an address that still bounces hurts your sender reputation. It removes nothing else (blocks, spam reports, unsubscribes) and cannot be undone.",
  scopes: ['suppression.bounces.delete'],
  from: 'the bounce list',
});
