import { deleteSuppression } from '../lib/suppressions';

export default deleteSuppression({
  key: 'delete_invalid_email',
  list: 'invalid_emails',
  noun: 'Invalid Email',
  label: 'Delete Invalid Email',
  description:
    "Deletes one address from SendGrid's invalid email list, so SendGrid tries to deliver to it again. Do it only when the address has been corrected or its domain now exists. It removes nothing else (bounces, blocks, spam reports, unsubscribes) and cannot be undone.",
  scopes: ['suppression.invalid_emails.delete'],
  from: 'the invalid email list',
});
