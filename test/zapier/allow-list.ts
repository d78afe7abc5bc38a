// Fields the D004 check ("fields that take an id use a dynamic dropdown") lets through, because
// SendGrid offers nothing to fill a dropdown from. Each entry is the exact path the check reports
// (`<kind>.<step>.inputFields.<field>[.<child>]`) with its reason; a field on another step, or under
// another parent, is not covered, and any other id field without a dropdown still fails.

export const ID_WITHOUT_DROPDOWN: Readonly<Record<string, string>> = {
  // A contact's own identifiers are values the user sets on the contact, not ids to pick from SendGrid.
  'creates.upsert_contacts.inputFields.contacts.phone_number_id':
    "an identifier value the contact is written with (its phone number), not a SendGrid record to choose",
  'creates.upsert_contacts.inputFields.contacts.external_id':
    "an identifier value from the user's own system, written onto the contact; SendGrid has nothing to list",
  'creates.upsert_contacts.inputFields.contacts.anonymous_id':
    'an identifier value (such as a visitor id) written onto the contact; SendGrid has nothing to list',
  // SendGrid has no endpoint that lists contact import jobs: the id comes from the output of
  // upsert_contacts, import_contacts_csv or delete_contacts in an earlier step.
  'searches.get_contact_import_status.inputFields.job_id':
    'SendGrid lists no import jobs; the job id is mapped from the output of Upsert Contacts or Import Contacts from CSV',
};
