// The table of plain resources, served by a few generic handlers (list in either pagination style,
// create, get, update, delete). Each row says only what differs: paths, validation, how an item looks.
import { randomUUID } from 'node:crypto';
import { contactView, inSegment, listCount, newJob, RESERVED_FIELDS, compileQuery } from './contacts';
import { bad, boolean, isEmail, noContent, notFound, objectBody, ok, queryInt, Refusal, refuse, strings, text, type Json, type Route, type SandboxRequest, type SandboxResponse } from './respond';
import type { Sandbox } from './server';
import type { SandboxState } from './state';

type Id = string | number;

export interface ResourceSpec<T> {
  /** The collection path; items are at `${path}/:id` unless `itemPath` says otherwise. */
  path: string;
  itemPath?: string;
  listPath?: string;
  items(state: SandboxState): T[];
  id(item: T): Id;
  notFound: string;
  /** How items are listed: page_size/page_token (`token`), limit/offset (`offset`) or all at once. */
  list?: {
    paging: 'token' | 'offset' | 'none';
    max?: number;
    defaultSize?: number;
    sizeRequired?: boolean;
    filter?(items: T[], request: SandboxRequest, sandbox: Sandbox): T[];
    /** The body around a page of item views (default: `{ result, _metadata }` for token paging, the bare array otherwise). */
    wrap?(views: unknown[], metadata: Json, request: SandboxRequest): unknown;
    view?(item: T, sandbox: Sandbox, request: SandboxRequest): unknown;
  };
  create?: { path?: string; status: number; build(body: Json, sandbox: Sandbox, request: SandboxRequest): T; respond?(item: T, sandbox: Sandbox, request: SandboxRequest): unknown };
  get?: boolean;
  update?: { method?: 'PATCH' | 'PUT'; status: number; apply(item: T, body: Json, sandbox: Sandbox, request: SandboxRequest): void };
  remove?: { status: number; before?(item: T, sandbox: Sandbox, request: SandboxRequest): SandboxResponse | void };
  view(item: T, sandbox: Sandbox, request: SandboxRequest): unknown;
}

const token = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');
const fromToken = (value: string | null) => {
  if (!value) return 0;
  const decoded = /^o:(\d+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!decoded) return Number.isInteger(Number(value)) ? Number(value) : bad('page_token is not valid', 'page_token');
  return Number(decoded[1]);
};

/** One page of items with SendGrid's `_metadata` links (token style) or limit/offset. */
export function page<T>(items: T[], request: SandboxRequest, style: 'token' | 'offset', { max = 1000, defaultSize = 100, sizeRequired = false } = {}) {
  const sizeName = style === 'token' ? 'page_size' : 'limit';
  if (sizeRequired && !request.query.get(sizeName)) bad(`${sizeName} is required and must be between 1 and ${max}`, sizeName);
  const size = queryInt(request.query, sizeName, defaultSize, 1, max);
  const start = style === 'token' ? fromToken(request.query.get('page_token')) : queryInt(request.query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  const slice = items.slice(start, start + size);
  const link = (offset: number) => {
    const url = new URL(request.origin + request.path);
    for (const [k, v] of request.query) if (k !== 'page_token' && k !== 'offset') url.searchParams.set(k, v);
    url.searchParams.set(sizeName, String(size));
    if (offset > 0) url.searchParams.set(style === 'token' ? 'page_token' : 'offset', style === 'token' ? token(offset) : String(offset));
    return url.toString();
  };
  const metadata: Json = { self: link(start), count: items.length };
  if (start + size < items.length) metadata.next = link(start + size);
  if (start > 0) metadata.prev = link(Math.max(0, start - size));
  return { slice, metadata };
}

/** The routes of one resource. */
export function resource<T>(spec: ResourceSpec<T>): Route[] {
  const itemPath = spec.itemPath ?? `${spec.path}/:id`;
  const find = (state: SandboxState, id: string) => spec.items(state).find((item) => String(spec.id(item)) === id) ?? notFound(spec.notFound);
  const routes: Route[] = [];
  const { list, create, update, remove } = spec;
  if (list) {
    routes.push({
      method: 'GET',
      path: spec.listPath ?? spec.path,
      handle(request, sandbox) {
        let items = spec.items(sandbox.state);
        if (list.filter) items = list.filter(items, request, sandbox);
        const view = (item: T) => (list.view ?? spec.view)(item, sandbox, request);
        if (list.paging === 'none') {
          const views = items.map(view);
          return ok(list.wrap ? list.wrap(views, { self: request.origin + request.path, count: views.length }, request) : views);
        }
        const { slice, metadata } = page(items, request, list.paging, list);
        const views = slice.map(view);
        return ok(list.wrap ? list.wrap(views, metadata, request) : list.paging === 'token' ? { result: views, _metadata: metadata } : views);
      },
    });
  }
  if (create) {
    routes.push({
      method: 'POST',
      path: create.path ?? spec.path,
      handle(request, sandbox) {
        const item = create.build(objectBody(request.body), sandbox, request);
        spec.items(sandbox.state).push(item);
        return ok((create.respond ?? spec.view)(item, sandbox, request), create.status);
      },
    });
  }
  if (spec.get) routes.push({ method: 'GET', path: itemPath, handle: (request, sandbox) => ok(spec.view(find(sandbox.state, request.params.id!), sandbox, request)) });
  if (update) {
    routes.push({
      method: update.method ?? 'PATCH',
      path: itemPath,
      handle(request, sandbox) {
        const item = find(sandbox.state, request.params.id!);
        update.apply(item, objectBody(request.body), sandbox, request);
        return ok(spec.view(item, sandbox, request), update.status);
      },
    });
  }
  if (remove) {
    routes.push({
      method: 'DELETE',
      path: itemPath,
      handle(request, sandbox) {
        const item = find(sandbox.state, request.params.id!);
        const answer = remove.before?.(item, sandbox, request);
        const items = spec.items(sandbox.state);
        items.splice(items.indexOf(item), 1);
        return answer ?? { status: remove.status };
      },
    });
  }
  return routes;
}

export const nextId = (state: SandboxState) => state.seq++;
const iso = (sandbox: Sandbox) => new Date(sandbox.now()).toISOString();

// ---- marketing lists ----

type List = SandboxState['lists'][number];
const listView = (list: List, { state }: Sandbox, request: SandboxRequest) => {
  const view: Json = { id: list.id, name: list.name, contact_count: listCount(state, list.id), _metadata: { self: `${request.origin}/v3/marketing/lists/${list.id}` } };
  if (request.method === 'GET' && request.params.id && request.query.get('contact_sample') === 'true') {
    const sample = state.contacts.find((c) => c.list_ids.includes(list.id));
    if (sample) view.contact_sample = contactView(sample, state, request.origin);
  }
  return view;
};

const lists = resource<List>({
  path: '/v3/marketing/lists',
  items: (s) => s.lists,
  id: (l) => l.id,
  notFound: 'list not found',
  list: { paging: 'token', max: 1000, defaultSize: 100 },
  create: {
    status: 201,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      if (sandbox.state.lists.length >= 1000) bad('you have reached the limit of 1000 lists', 'name');
      return { id: randomUUID(), name, created_at: iso(sandbox) };
    },
  },
  get: true,
  update: {
    status: 200,
    apply(list, body) {
      const name = text(body, 'name', { max: 100 });
      if (name !== undefined) list.name = name;
    },
  },
  remove: {
    status: 204,
    before(list, sandbox, request) {
      const members = sandbox.state.contacts.filter((c) => c.list_ids.includes(list.id));
      const deleteContacts = request.query.get('delete_contacts') === 'true';
      for (const c of members) c.list_ids = c.list_ids.filter((id) => id !== list.id);
      for (const s of sandbox.state.segments) s.parent_list_ids = s.parent_list_ids.filter((id) => id !== list.id);
      if (deleteContacts && members.length) return ok({ job_id: newJob(sandbox, 'delete', { ids: members.map((c) => c.id), delete_contacts: true }).id }, 200);
      return undefined;
    },
  },
  view: listView,
});

// ---- segments 2.0 ----

type Segment = SandboxState['segments'][number];
const members = (segment: Segment, state: SandboxState) => state.contacts.filter((c) => inSegment(segment, c, state));
const segmentSummary = (segment: Segment, { state }: Sandbox) => ({
  id: segment.id,
  name: segment.name,
  contacts_count: members(segment, state).length,
  created_at: segment.created_at,
  updated_at: segment.updated_at,
  sample_updated_at: segment.updated_at,
  next_sample_update: segment.updated_at,
  parent_list_ids: segment.parent_list_ids,
  query_version: '2',
  status: { query_validation: 'VALID' },
});
const sampleOf = (contact: SandboxState['contacts'][number], state: SandboxState) => {
  const postal = Number(contact.postal_code);
  const custom: Json = {};
  for (const field of state.fields) if (contact.custom_fields[field.id] !== undefined) custom[field.name] = String(contact.custom_fields[field.id]);
  return {
    id: contact.id,
    ...(contact.email ? { email: contact.email } : {}),
    alternate_emails: contact.alternate_emails ?? [],
    ...(contact.first_name ? { first_name: contact.first_name } : {}),
    ...(contact.last_name ? { last_name: contact.last_name } : {}),
    address_line_1: contact.address_line_1 ?? '',
    address_line_2: contact.address_line_2 ?? '',
    city: contact.city ?? '',
    state_province_region: contact.state_province_region ?? '',
    ...(contact.postal_code && Number.isInteger(postal) ? { postal_code: postal } : {}),
    country: contact.country ?? '',
    list_ids: contact.list_ids,
    custom_fields: custom,
  };
};
const segmentView = (segment: Segment, sandbox: Sandbox) => ({
  ...segmentSummary(segment, sandbox),
  query_dsl: segment.query_dsl,
  contacts_sample: members(segment, sandbox.state).slice(0, 50).map((c) => sampleOf(c, sandbox.state)),
});

function checkQuery(query: string, state: SandboxState) {
  try {
    compileQuery(query, state);
  } catch (error) {
    refuse(400, `invalid query_dsl: ${(error as Error).message}`, 'query_dsl');
  }
}

const segments = resource<Segment>({
  path: '/v3/marketing/segments/2.0',
  itemPath: '/v3/marketing/segments/2.0/:id',
  items: (s) => s.segments,
  id: (s) => s.id,
  notFound: 'segment not found',
  list: {
    paging: 'none',
    filter(items, { query }) {
      const ids = query.getAll('ids').flatMap((v) => v.split(',')).filter(Boolean);
      const parents = (query.get('parent_list_ids') ?? '').split(',').filter(Boolean);
      return items.filter((s) => (!ids.length || ids.includes(s.id)) && (!parents.length || s.parent_list_ids.some((p) => parents.includes(p))) && (query.get('no_parent_list_id') !== 'true' || !s.parent_list_ids.length));
    },
    view: segmentSummary,
    wrap: (results, metadata) => ({ results, _metadata: { self: metadata.self } }),
  },
  create: {
    status: 201,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      const query = text(body, 'query_dsl', { required: true })!;
      const parents = strings(body, 'parent_list_ids', { max: 1 }) ?? [];
      for (const id of parents) if (!sandbox.state.lists.some((l) => l.id === id)) bad(`parent list ${id} does not exist`, 'parent_list_ids');
      checkQuery(query, sandbox.state);
      return { id: randomUUID(), name, query_dsl: query, parent_list_ids: parents, created_at: iso(sandbox), updated_at: iso(sandbox) };
    },
  },
  get: true,
  update: {
    status: 200,
    apply(segment, body, sandbox) {
      const name = text(body, 'name', { max: 100 });
      const query = text(body, 'query_dsl');
      if (query !== undefined) checkQuery(query, sandbox.state);
      if (name !== undefined) segment.name = name;
      if (query !== undefined) segment.query_dsl = query;
      segment.updated_at = iso(sandbox);
    },
  },
  remove: { status: 202 },
  view: segmentView,
});

// ---- field definitions ----

type Field = SandboxState['fields'][number];
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const UNSAFE_NAMES = ['__proto__', 'constructor', 'prototype'];
function checkFieldName(name: string, state: SandboxState, self?: Field) {
  if (!FIELD_NAME.test(name) || UNSAFE_NAMES.includes(name)) bad('name may contain only letters, numbers and underscores, and must not start with a number', 'name');
  if (RESERVED_FIELDS.some((f) => f.name === name.toLowerCase()) || ['phone_number', 'unique_name', 'id'].includes(name.toLowerCase())) bad(`${name} is a reserved field name`, 'name');
  if (state.fields.some((f) => f !== self && f.name.toLowerCase() === name.toLowerCase())) bad(`a field named ${name} already exists`, 'name');
}
const fields = resource<Field>({
  path: '/v3/marketing/field_definitions',
  itemPath: '/v3/marketing/field_definitions/:id',
  items: (s) => s.fields,
  id: (f) => f.id,
  notFound: 'custom field not found',
  list: {
    paging: 'none',
    wrap: (custom_fields, metadata) => ({ custom_fields, reserved_fields: RESERVED_FIELDS, _metadata: { self: metadata.self } }),
  },
  create: {
    status: 200,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      const type = body.field_type;
      if (type !== 'Text' && type !== 'Number' && type !== 'Date') bad('field_type must be Text, Number or Date', 'field_type');
      checkFieldName(name, sandbox.state);
      if (sandbox.state.fields.length >= 500) bad('you have reached the limit of 500 custom fields', 'name');
      return { id: `e${sandbox.state.fieldSeq++}_${String(type)[0]}`, name, field_type: type as Field['field_type'] };
    },
  },
  update: {
    status: 200,
    apply(field, body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      checkFieldName(name, sandbox.state, field);
      field.name = name;
    },
  },
  remove: {
    status: 204,
    before(field, { state }) {
      for (const c of state.contacts) delete c.custom_fields[field.id];
    },
  },
  view: (f, _s, request) => ({ id: f.id, name: f.name, field_type: f.field_type, _metadata: { self: `${request.origin}/v3/marketing/field_definitions/${f.id}` } }),
});

// ---- unsubscribe groups ----

type Group = SandboxState['groups'][number];
const groupView = (g: Group) => ({ id: g.id, name: g.name, description: g.description, is_default: g.is_default, unsubscribes: g.suppressions.length });
function groupFields(group: Partial<Group>, body: Json, state: SandboxState, required: boolean) {
  const name = text(body, 'name', { required, max: 30 });
  const description = text(body, 'description', { required, max: 100 });
  const isDefault = boolean(body, 'is_default');
  if (name !== undefined) group.name = name;
  if (description !== undefined) group.description = description;
  if (isDefault !== undefined) {
    if (isDefault) for (const g of state.groups) g.is_default = false;
    group.is_default = isDefault;
  }
}
const groups = resource<Group>({
  path: '/v3/asm/groups',
  itemPath: '/v3/asm/groups/:id',
  items: (s) => s.groups,
  id: (g) => g.id,
  notFound: 'unsubscribe group not found',
  list: {
    paging: 'none',
    filter: (items, { query }) => {
      const ids = query.getAll('id').map(Number);
      return ids.length ? items.filter((g) => ids.includes(g.id)) : items;
    },
  },
  create: {
    status: 201,
    build(body, sandbox) {
      if (sandbox.state.groups.length >= 200) bad('you have reached the limit of 200 unsubscribe groups', 'name');
      const group: Group = { id: nextId(sandbox.state), name: '', description: '', is_default: false, suppressions: [] };
      groupFields(group, body, sandbox.state, true);
      return group;
    },
    respond: (g) => ({ id: g.id, name: g.name, description: g.description, is_default: g.is_default }),
  },
  get: true,
  update: { status: 201, apply: (group, body, sandbox) => groupFields(group, body, sandbox.state, false) },
  remove: { status: 204 },
  view: groupView,
});

// ---- verified senders ----

const SENDER_FIELDS: [string, number][] = [['nickname', 100], ['from_name', 256], ['reply_to_name', 256], ['address', 100], ['address2', 100], ['state', 2], ['city', 150], ['zip', 10], ['country', 100]];
function senderFields(sender: Json, body: Json, state: SandboxState, required: boolean) {
  for (const [field, max] of SENDER_FIELDS) {
    const value = text(body, field, { required: required && field === 'nickname', max });
    if (value !== undefined) sender[field] = value;
  }
  for (const field of ['from_email', 'reply_to']) {
    const value = text(body, field, { required, max: 256 });
    if (value !== undefined && !isEmail(value)) bad(`${field} must be a valid email address`, field);
    if (value !== undefined) sender[field] = value.toLowerCase();
  }
  if (state.senders.some((s) => s !== sender && s.from_email === sender.from_email)) bad('a sender with this from_email already exists', 'from_email');
}
const senderError = (response: SandboxResponse) => {
  const body = response.body as { errors: Json[] };
  return { ...response, body: { errors: body.errors.map((e) => ({ ...e, field: e.field ?? undefined, error_id: 'invalid_field' })) } };
};
const senders = resource<Json>({
  path: '/v3/verified_senders',
  items: (s) => s.senders,
  id: (s) => s.id as number,
  notFound: 'verified sender not found',
  list: {
    paging: 'none',
    filter(items, { query }) {
      const id = query.get('id');
      const after = Number(query.get('lastSeenID') ?? 0);
      const limit = queryInt(query, 'limit', 100, 1, 1000);
      return items.filter((s) => (!id || String(s.id) === id) && (!after || (s.id as number) > after)).slice(0, limit);
    },
    wrap: (results) => ({ results }),
  },
  create: {
    status: 201,
    build(body, sandbox) {
      const sender: Json = { id: nextId(sandbox.state), verified: false, locked: false };
      try {
        senderFields(sender, body, sandbox.state, true);
      } catch (error) {
        // Verified sender errors carry an error_id, and no null field.
        if (error instanceof Refusal) throw new Refusal(senderError(error.response));
        throw error;
      }
      return sender;
    },
  },
  update: { status: 200, apply: (sender, body, sandbox) => senderFields(sender, body, sandbox.state, false) },
  remove: { status: 204 },
  view: (s) => s,
});

const resend: Route = {
  method: 'POST',
  path: '/v3/verified_senders/resend/:id',
  handle({ params }, { state }) {
    const sender = state.senders.find((s) => String(s.id) === params.id);
    if (!sender) return { status: 404, body: { errors: [{ message: 'resource not found', error_id: 'not_found' }] } };
    return noContent();
  },
};

export const resourceRoutes: Route[] = [...lists, ...segments, ...fields, ...groups, resend, ...senders];
