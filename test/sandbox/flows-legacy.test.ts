// End-to-end flow of legacy Marketing Campaigns contacts, through the MCP client and the real server on
// a fresh sandbox: a new list, contacts with a custom field, a search on that field, the found contacts
// added to the list, and the list seen with them. The seeded account has the text field favorite_color.
import { SEED } from '../../sandbox/seed-ids';
import { useFlow } from './flow';

const flow = useFlow();
const ok = flow.ok;

const color = SEED.customFieldName; // favorite_color, a legacy text field of the seeded account
const people = [
  { email: 'katherine.johnson@example.org', first_name: 'Katherine', last_name: 'Johnson', custom_fields: { [color]: 'green' } },
  { email: 'dorothy.vaughan@example.org', first_name: 'Dorothy', last_name: 'Vaughan', custom_fields: { [color]: 'green' } },
  { email: 'mary.jackson@example.org', first_name: 'Mary', last_name: 'Jackson', custom_fields: { [color]: 'purple' } },
];
const greens = ['dorothy.vaughan@example.org', 'katherine.johnson@example.org'];

/** Steps 1 and 2: the list, and the contacts with their favorite colour. */
async function listAndContacts() {
  const list = await ok('legacy_create_list', { name: 'Green Fans' });
  expect(list.data).toMatchObject({ id: expect.any(Number), name: 'Green Fans', recipient_count: 0 });
  expect(list.text).toBe(`Created legacy list "Green Fans" (id ${list.data.id}).`);

  const added = await ok('legacy_add_contacts', { recipients: people });
  expect(added.data).toMatchObject({ status: 'ok', new_count: 3, updated_count: 0, error_count: 0, failures: [] });
  expect(added.data.persisted_recipients).toHaveLength(3);
  expect(added.text).toBe('SendGrid saved all 3 recipient(s): 3 new, 0 updated.');
  return list.data.id as number;
}

/** The last steps: the found contacts added to the list, and the list seen with them (and only them). */
async function addAndSee(listId: number, found: { id: string; email: string }[]) {
  const added = await ok('legacy_add_contacts_to_list', { list_id: listId, recipients: found.map((r) => r.id) });
  expect(added.data).toEqual({ list_id: listId, recipient_ids: found.map((r) => r.id), count: 2 });
  expect(added.text).toBe(`Added 2 contact(s) to legacy list ${listId}.`);

  const lists = await ok('legacy_list_lists', {});
  expect(lists.data.items).toContainEqual({ id: listId, name: 'Green Fans', recipient_count: 2 });
  // The list's contacts: a search within it finds exactly the two, with their colour.
  const members = await ok('legacy_search_contacts', { list_id: listId, conditions: [{ field_name: 'email', operator: 'contains', value: '@' }] });
  expect(members.data.items.map((r: { email: string }) => r.email).sort()).toEqual(greens);
  expect(members.text).toBe(`Found 2 legacy contact(s) meeting the conditions in list ${listId}.`);
}

it('creates a legacy list, adds contacts with a custom field, finds them by it across all contacts, and adds them to the list', async () => {
  const listId = await listAndContacts();

  // 3. The search on favorite_color, across the whole contact database (list_id left out, as the
  // tool offers and SendGrid's reference documents: "an optional list_id … to limit the search on"):
  // the two green fans, with the field's value.
  const found = await ok('legacy_search_contacts', { conditions: [{ field_name: color, operator: 'eq', value: 'green' }] });
  expect(found.data.items.map((r: { email: string }) => r.email).sort()).toEqual(greens);
  expect(found.data.items[0].custom_fields).toEqual([{ id: SEED.legacyCustomFieldId, name: color, value: 'green', type: 'text' }]);

  await addAndSee(listId, found.data.items);
});

it('the same flow with the search confined to a list: the contacts put on the seeded list are found by their colour', async () => {
  const listId = await listAndContacts();
  // Searching needs a list here: put everyone on the seeded legacy list first (Ada, already on it, likes teal).
  await ok('legacy_add_contacts_to_list', { list_id: SEED.legacyListId, recipients: people.map((p) => p.email) });

  const found = await ok('legacy_search_contacts', { list_id: SEED.legacyListId, conditions: [{ field_name: color, operator: 'eq', value: 'green' }] });
  expect(found.data.items.map((r: { email: string }) => r.email).sort()).toEqual(greens);
  expect(found.data.items[0].custom_fields).toEqual([{ id: SEED.legacyCustomFieldId, name: color, value: 'green', type: 'text' }]);
  expect(found.text).toBe(`Found 2 legacy contact(s) meeting the conditions in list ${SEED.legacyListId}.`);

  await addAndSee(listId, found.data.items);
});
