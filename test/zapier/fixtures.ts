// Two small app definitions for the checkers' self-test: one that keeps every rule, and one that breaks
// each rule in a way named in BROKEN_BY (the check's code → a text its report must contain).
import { installedCoreVersion } from './core';
import type { AppDef, FieldDef, StepDef } from './rules';

const perform = () => [];
const nameField: FieldDef = { key: 'name', label: 'Name', required: true, type: 'string', helpText: 'What people will call the item.' };

const step = (key: string, label: string, description: string, operation: StepDef['operation']): StepDef => ({
  key,
  noun: 'Item',
  display: { label, description },
  operation: { perform, ...operation },
});

/** A dropdown source: a trigger people do not pick themselves. */
const hidden = (trigger: StepDef): StepDef => ({ ...trigger, display: { ...trigger.display, hidden: true } });

export function goodApp(): AppDef {
  return {
    platformVersion: installedCoreVersion(),
    authentication: {
      type: 'custom',
      test: { url: 'https://api.example.com/me' },
      connectionLabel: (_z: unknown, bundle: { inputData: { username?: string } }) => `${bundle.inputData.username ?? 'Unnamed account'}`,
      fields: [
        {
          key: 'api_key',
          label: 'API Key',
          type: 'password',
          required: true,
          helpText: 'Find it under [Settings](https://example.com/settings).',
        },
      ],
    },
    triggers: {
      new_item: step('new_item', 'New Item', 'Triggers when an item is created.', {
        sample: { id: 1, name: 'One', created_at: '2026-01-02T03:04:05Z', day: '2026-01-02' },
      }),
      item_event: step('item_event', 'Item Event', 'Triggers when an item changes.', {
        type: 'hook',
        performSubscribe: perform,
        performUnsubscribe: perform,
        performList: perform,
        sample: { id: 1 },
      }),
      list_items: hidden(
        step('list_items', 'List Items', 'Triggers when an item is added.', { canPaginate: true, sample: { id: 1, name: 'One' } }),
      ),
    },
    creates: {
      create_item: step('create_item', 'Create Item', 'Creates an item in the list of a team.', {
        inputFields: [
          nameField,
          { key: 'parent_id', label: 'Parent Item', dynamic: 'list_items.id.name', helpText: 'The item this one goes under.' },
          { key: 'tags', label: 'Tags', list: true, helpText: 'Words to find the item by.' },
          {
            key: 'lines',
            label: 'Lines',
            children: [
              { key: 'sku', label: 'SKU', required: true },
              { key: 'note', label: 'Note' },
            ],
          },
        ],
        outputFields: [{ key: 'id', type: 'integer', required: true }],
        sample: { id: 1, name: 'One', done: false },
      }),
    },
    searches: {
      find_item: step('find_item', 'Find Item', 'Finds an item by name.', {
        inputFields: [{ ...nameField, search: 'find_item.id' }],
        sample: { id: 1 },
      }),
    },
    searchOrCreates: {
      find_item: {
        key: 'find_item',
        display: { label: 'Find or Create Item', description: 'Finds an item, or creates it.' },
        search: 'find_item',
        create: 'create_item',
      },
    },
  };
}

export function brokenApp(): AppDef {
  const app = goodApp();
  app.platformVersion = '1.0.0';
  app.authentication = {
    type: 'custom',
    connectionLabel: (_z: unknown, bundle: { authData: { api_key: string } }) => `SendGrid ${bundle.authData.api_key.slice(3, 15)}`,
    fields: [{ key: 'api_key', label: 'api key', type: 'password', required: true, helpText: 'Your key, from http://example.com/keys.' }],
  };
  app.triggers = {
    item_added: step('item_added', 'Item Added', 'When an item is added', { sample: { name: 'No id' } }),
    item_event: step('item_event', 'Item Event', 'Triggers when an item changes.', {
      type: 'hook',
      performSubscribe: perform,
      sample: { id: 1 },
    }),
    list_items: hidden(step('list_items', 'List Items', 'Triggers when an item is added.', { sample: { id: 1, name: 'One' } })),
  };
  const deep: FieldDef = {
    key: 'lines',
    label: 'Lines',
    children: [{ key: 'box', label: 'Box', children: [{ key: 'deeper', label: 'Deeper' }] }],
  };
  app.creates = {
    create_item: {
      ...step('create_item', 'create new item', 'Create an item with Zapier', {
        inputFields: [
          { key: 'note', label: 'Note', helpText: 'Note' },
          nameField,
          { key: 'api_token', label: 'Token', helpText: `Long help ${'x'.repeat(1000)}` },
          { key: 'parent_id', label: 'Parent Send To Item', helpText: 'See https://example.com/docs or [docs] (https://example.com).' },
          { key: 'owner', label: 'Owner', dynamic: 'missing_trigger.id.name' },
          { key: 'group', label: 'Group', dynamic: 'list_items.id.title' },
          { key: 'emails', label: 'Emails', helpText: 'Comma-separated addresses; [old docs](http://example.com/old).' },
          { ...nameField, required: false },
          deep,
        ],
        outputFields: [
          { key: 'total', type: 'integer', required: true },
          { key: 'id', type: 'integer', required: true },
        ],
        sample: { id: 'x', updated_at: '2026-03-02 09:41:17', active: 'true' },
      }),
      noun: 'Items For Everyone Here',
    },
    trigger_1: step('trigger_1', 'Empty', 'Creates nothing.', { sample: [{ id: 1 }] }),
  };
  app.searches = {
    find_item: step('find_item', 'Search Item', 'Looks up an item', {
      sample: { id: 1 },
    }),
    'find-by-tag': step('find-by-tag', 'Find by Tag', 'Finds items by tag.', {
      inputFields: [{ key: 'tag', label: 'Tag', list: true, search: 'find_item.id' }],
      sample: { id: 1 },
    }),
  };
  app.searchOrCreates = {
    find_or_create_item: {
      key: 'find_or_create_item',
      display: { label: 'Find or Create Item', description: 'Finds an item in Zapier.' },
      search: 'find_missing',
      create: 'create_item',
    },
  };
  return app;
}

/** For each check: a text its report on brokenApp must contain, so each check is seen to fail for its own reason. */
export const BROKEN_BY: Record<string, string> = {
  'D007-auth': 'authentication.test is missing',
  D003: 'part of the API key',
  D002: 'authentication.fields.api_key',
  D021: 'triggers.item_added',
  D010: 'triggers.item_added: sample',
  'D006/D017': 'no performList',
  D005: 'missing_trigger',
  'dropdown-paging': 'triggers.list_items',
  'create-description': 'creates.create_item',
  D022: 'creates.trigger_1',
  'search-text': 'Search Item',
  D009: 'searches.find_item: no input field',
  D014: 'searches.find-by-tag.inputFields.tag',
  'D013/D015': 'find_missing',
  D001: 'api_token',
  D004: 'comma-separated',
  D011: 'repeats the label',
  'D008/D007': 'bare URL',
  'unique-keys': '"name" is used twice',
  'children-depth': 'inputFields.lines: children have children',
  'required-first': 'required "name" comes after optional "note"',
  D018: 'create new item',
  keys: 'find-by-tag',
  noun: 'Items For Everyone Here',
  'no-zapier': 'mentions Zapier',
  D012: 'creates.trigger_1: sample',
  D023: '2026-03-02 09:41:17',
  booleans: '"true" is text',
  D024: '"total" is not in the sample',
  D027: '"1.0.0"',
};
