// Legacy Marketing Campaigns: the contactdb (recipients, lists, custom fields) and campaigns.
import { RESERVED_FIELDS as RESERVED, recipientId } from '../lib/legacy-recipients';
import { nextId, resource, UNSAFE_NAMES } from './resources';
import { arrayBody, bad, isEmail, isObject, noContent, notFound, objectBody, ok, queryInt, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';
import type { SandboxState } from './state';

type Legacy = SandboxState['legacy'];
const secs = (sandbox: Sandbox) => Math.floor(sandbox.now() / 1000);

function recipientView(r: Json, legacy: Legacy) {
  const custom = (r.custom_fields ?? {}) as Json;
  return {
    id: r.id,
    email: r.email,
    first_name: r.first_name ?? '',
    last_name: r.last_name ?? '',
    created_at: r.created_at,
    updated_at: r.updated_at,
    last_emailed: r.last_emailed ?? 0,
    last_clicked: r.last_clicked ?? 0,
    last_opened: r.last_opened ?? 0,
    custom_fields: legacy.fields.filter((f) => custom[f.name] !== undefined).map((f) => ({ id: f.id, name: f.name, value: custom[f.name], type: f.type })),
  };
}

/** POST and PATCH of recipients (both add or update, by email), with SendGrid's per-row error counts. */
function upsertRecipients(body: unknown, sandbox: Sandbox) {
  const rows = arrayBody(body);
  if (!rows.length) bad('at least one recipient is required');
  if (rows.length > 1000) bad('at most 1000 recipients may be sent in one request');
  const legacy = sandbox.state.legacy;
  const result = { error_count: 0, error_indices: [] as number[], new_count: 0, persisted_recipients: [] as string[], updated_count: 0, errors: [] as { message: string; error_indices: number[] }[] };
  const error = (message: string, index: number) => {
    result.error_count++;
    result.error_indices.push(index);
    const existing = result.errors.find((e) => e.message === message);
    if (existing) existing.error_indices.push(index);
    else result.errors.push({ message, error_indices: [index] });
  };
  rows.forEach((row, index) => {
    if (!isObject(row) || !isEmail(row.email)) return error('Invalid email.', index);
    const unknown = Object.keys(row).filter((k) => !['email', 'first_name', 'last_name'].includes(k) && !legacy.fields.some((f) => f.name === k));
    if (unknown.length) return error(`The following parameters are not custom fields or reserved fields: [${unknown.join(' ')}]`, index);
    const email = (row.email as string).toLowerCase();
    const id = recipientId(email);
    let recipient = legacy.recipients.find((r) => r.id === id);
    if (!recipient) {
      recipient = { id, email, created_at: secs(sandbox), custom_fields: {}, list_ids: [] };
      legacy.recipients.push(recipient);
      result.new_count++;
    } else result.updated_count++;
    for (const [key, value] of Object.entries(row)) {
      if (key === 'email') continue;
      if (key === 'first_name' || key === 'last_name') recipient[key] = String(value);
      else (recipient.custom_fields as Json)[key] = value;
    }
    recipient.updated_at = secs(sandbox);
    result.persisted_recipients.push(id);
  });
  return ok(result, 201);
}

const CONDITION_OPS = ['eq', 'ne', 'lt', 'gt', 'contains'];
function searchRecipients(body: unknown, sandbox: Sandbox) {
  const input = objectBody(body);
  const legacy = sandbox.state.legacy;
  // list_id only limits the search to one list (SendGrid's reference; the spec marks it required).
  const listId = input.list_id;
  if (listId !== undefined && (typeof listId !== 'number' || !Number.isInteger(listId))) bad('list_id must be an integer', 'list_id');
  if (listId !== undefined && !legacy.lists.some((l) => l.id === listId)) notFound('list not found', 'list_id');
  const conditions = input.conditions;
  if (!Array.isArray(conditions) || !conditions.length) bad('conditions is required', 'conditions');
  (conditions as unknown[]).forEach((c, i) => {
    if (!isObject(c) || typeof c.field !== 'string' || typeof c.value !== 'string' || !CONDITION_OPS.includes(c.operator as string)) bad(`conditions[${i}] needs a field, a value and an operator (${CONDITION_OPS.join(', ')})`, `conditions[${i}]`);
  });
  const test = (r: Json, c: Json) => {
    const raw = c.field === 'email' || c.field === 'first_name' || c.field === 'last_name' ? r[c.field as string] : (r.custom_fields as Json)?.[c.field as string] ?? r[c.field as string];
    const value = String(raw ?? '').toLowerCase();
    const want = String(c.value).toLowerCase();
    switch (c.operator) {
      case 'eq':
        return value === want;
      case 'ne':
        return value !== want;
      case 'lt':
        return Number(raw) < Number(c.value);
      case 'gt':
        return Number(raw) > Number(c.value);
      default:
        return value.includes(want);
    }
  };
  const hits = legacy.recipients.filter((r) => {
    if (listId !== undefined && !(r.list_ids as number[]).includes(listId as number)) return false;
    let verdict = test(r, (conditions as Json[])[0]!);
    for (const c of (conditions as Json[]).slice(1)) verdict = c.and_or === 'or' ? verdict || test(r, c) : verdict && test(r, c);
    return verdict;
  });
  return ok({ recipients: hits.map((r) => recipientView(r, legacy)), recipient_count: hits.length });
}

const findList = (legacy: Legacy, id: string) => legacy.lists.find((l) => String(l.id) === id) ?? notFound('List ID does not exist', 'list_id');
const listView = (l: { id: number; name: string }, { state }: Sandbox) => ({ id: l.id, name: l.name, recipient_count: state.legacy.recipients.filter((r) => (r.list_ids as number[]).includes(l.id)).length });

const lists = resource<Legacy['lists'][number]>({
  path: '/v3/contactdb/lists',
  items: (s) => s.legacy.lists,
  id: (l) => l.id,
  notFound: 'List ID does not exist',
  list: { paging: 'none', wrap: (views) => ({ lists: views }) },
  create: {
    status: 201,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      if (sandbox.state.legacy.lists.some((l) => l.name === name)) bad('This list name is already in use. Please choose a new, unique name.', 'name');
      return { id: nextId(sandbox.state), name };
    },
  },
  get: true,
  update: { status: 200, apply: (list, body) => void (list.name = text(body, 'name', { required: true, max: 100 })!) },
  remove: {
    status: 202,
    before(list, { state }) {
      for (const r of state.legacy.recipients) r.list_ids = (r.list_ids as number[]).filter((id) => id !== list.id);
    },
  },
  view: listView,
});

const fields = resource<Legacy['fields'][number]>({
  path: '/v3/contactdb/custom_fields',
  items: (s) => s.legacy.fields,
  id: (f) => f.id,
  notFound: 'Custom field ID does not exist',
  list: { paging: 'none', wrap: (views) => ({ custom_fields: views }) },
  create: {
    status: 201,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      const type = body.type;
      if (type !== 'text' && type !== 'number' && type !== 'date') bad('type must be text, number or date', 'type');
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || UNSAFE_NAMES.includes(name)) bad('name may contain only letters, numbers and underscores', 'name');
      if (RESERVED.some((f) => f.name === name) || sandbox.state.legacy.fields.some((f) => f.name === name)) bad(`${name} is a reserved or existing field name`, 'name');
      return { id: nextId(sandbox.state), name, type: type as string };
    },
  },
  get: true,
  remove: { status: 202 },
  view: (f) => f,
});

const campaigns = resource<Json>({
  path: '/v3/campaigns',
  itemPath: '/v3/campaigns/:id',
  items: (s) => s.legacy.campaigns,
  id: (c) => c.id as number,
  notFound: 'not found',
  list: { paging: 'offset', max: 100, defaultSize: 10, wrap: (result) => ({ result }) },
  create: {
    status: 201,
    build(body, sandbox) {
      const title = text(body, 'title', { required: true, max: 100 })!;
      const campaign: Json = { id: nextId(sandbox.state), title, status: 'Draft', list_ids: [], segment_ids: [], categories: [], editor: 'code' };
      for (const field of ['subject', 'html_content', 'plain_content', 'custom_unsubscribe_url', 'ip_pool']) {
        const value = text(body, field);
        if (value !== undefined) campaign[field] = value;
      }
      for (const field of ['sender_id', 'suppression_group_id']) if (typeof body[field] === 'number') campaign[field] = body[field];
      if (Array.isArray(body.list_ids)) campaign.list_ids = body.list_ids.filter((id) => typeof id === 'number');
      if (Array.isArray(body.categories)) campaign.categories = body.categories.filter((c) => typeof c === 'string').slice(0, 10);
      return campaign;
    },
  },
  get: true,
  remove: { status: 204 },
  view: (c) => c,
});

export const legacyRoutes: Route[] = [
  ...lists,
  ...fields,
  ...campaigns,
  {
    method: 'GET',
    path: '/v3/contactdb/recipients',
    handle({ query }, { state }) {
      const page = queryInt(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
      const size = queryInt(query, 'page_size', 100, 1, 1000);
      return ok({ recipients: state.legacy.recipients.slice((page - 1) * size, page * size).map((r) => recipientView(r, state.legacy)) });
    },
  },
  { method: 'POST', path: '/v3/contactdb/recipients', handle: ({ body }, sandbox) => upsertRecipients(body, sandbox) },
  { method: 'PATCH', path: '/v3/contactdb/recipients', handle: ({ body }, sandbox) => upsertRecipients(body, sandbox) },
  {
    method: 'DELETE',
    path: '/v3/contactdb/recipients',
    handle({ body }, { state }) {
      const ids = arrayBody(body);
      if (!ids.length || !ids.every((id) => typeof id === 'string')) bad('the body must be an array of recipient ids');
      state.legacy.recipients = state.legacy.recipients.filter((r) => !ids.includes(r.id));
      return ok({});
    },
  },
  { method: 'GET', path: '/v3/contactdb/recipients/count', handle: (_request, { state }) => ok({ recipient_count: state.legacy.recipients.length }) },
  {
    method: 'GET',
    path: '/v3/contactdb/recipients/:id',
    handle({ params }, { state }) {
      const r = state.legacy.recipients.find((x) => x.id === params.id) ?? notFound('Recipient ID does not exist', 'recipient_id');
      return ok(recipientView(r, state.legacy));
    },
  },
  { method: 'POST', path: '/v3/contactdb/recipients/search', handle: ({ body }, sandbox) => searchRecipients(body, sandbox) },
  { method: 'GET', path: '/v3/contactdb/reserved_fields', handle: () => ok({ reserved_fields: RESERVED }) },
  {
    method: 'GET',
    path: '/v3/contactdb/lists/:id/recipients',
    handle({ params, query }, { state }) {
      const list = findList(state.legacy, params.id!);
      const page = queryInt(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
      const size = queryInt(query, 'page_size', 100, 1, 1000);
      const members = state.legacy.recipients.filter((r) => (r.list_ids as number[]).includes(list.id));
      return ok({ recipients: members.slice((page - 1) * size, page * size).map((r) => recipientView(r, state.legacy)) });
    },
  },
  {
    method: 'POST',
    path: '/v3/contactdb/lists/:id/recipients',
    handle({ params, body }, { state }) {
      const list = findList(state.legacy, params.id!);
      const ids = arrayBody(body);
      if (!ids.length || ids.length > 1000 || !ids.every((id) => typeof id === 'string')) bad('the body must be an array of 1 to 1000 recipient ids');
      for (const id of ids) {
        const r = state.legacy.recipients.find((x) => x.id === id);
        if (!r) bad(`recipient ${String(id)} does not exist`);
        if (!(r!.list_ids as number[]).includes(list.id)) (r!.list_ids as number[]).push(list.id);
      }
      return { status: 201 };
    },
  },
  {
    method: 'DELETE',
    path: '/v3/contactdb/lists/:id/recipients/:recipient_id',
    handle({ params }, { state }) {
      const list = findList(state.legacy, params.id!);
      const r = state.legacy.recipients.find((x) => x.id === params.recipient_id) ?? notFound('Recipient ID does not exist', 'recipient_id');
      r.list_ids = (r.list_ids as number[]).filter((id) => id !== list.id);
      return noContent();
    },
  },
];
