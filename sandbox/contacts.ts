// Marketing contacts: asynchronous upserts, deletes, CSV imports and exports as jobs that go
// pending → completed after `jobDelayMs`; search by emails and by SGQL; counts that follow every change.
import { randomUUID } from 'node:crypto';
import { bad, integer, isEmail, isObject, notFound, objectBody, ok, refuse, strings, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';
import { compile, evaluate, parse, QueryError, type Node } from './sgql';
import type { Contact, Job, SandboxState } from './state';

/** SendGrid's reserved contact fields, with the ids field_mappings use (_rf2_T is email). */
export const RESERVED_FIELDS: { id: string; name: string; field_type: 'Text' | 'Number' | 'Date'; read_only: boolean }[] = (
  [
    ['first_name', 'Text'],
    ['last_name', 'Text'],
    ['email', 'Text'],
    ['alternate_emails', 'Text'],
    ['address_line_1', 'Text'],
    ['address_line_2', 'Text'],
    ['city', 'Text'],
    ['state_province_region', 'Text'],
    ['postal_code', 'Text'],
    ['country', 'Text'],
    ['phone_number', 'Text'],
    ['whatsapp', 'Text'],
    ['line', 'Text'],
    ['facebook', 'Text'],
    ['unique_name', 'Text'],
    ['email_domains', 'Text', true],
    ['last_clicked', 'Date', true],
    ['last_opened', 'Date', true],
    ['last_emailed', 'Date', true],
    ['singlesend_id', 'Text', true],
    ['automation_id', 'Text', true],
    ['created_at', 'Date', true],
    ['updated_at', 'Date', true],
    ['contact_id', 'Text', true],
    ['phone_number_id', 'Text'],
    ['external_id', 'Text'],
    ['anonymous_id', 'Text'],
  ] as [string, 'Text' | 'Date', boolean?][]
).map(([name, type, readOnly], i) => ({ id: `_rf${i}_${type[0]}`, name, field_type: type, read_only: Boolean(readOnly) }));

/** The reserved fields that identify a contact: an import must map a column to one of them. */
const IDENTIFIERS = ['email', 'phone_number_id', 'external_id', 'anonymous_id'];

const TEXT_FIELDS = ['first_name', 'last_name', 'address_line_1', 'address_line_2', 'city', 'state_province_region', 'postal_code', 'country', 'phone_number', 'whatsapp', 'line', 'facebook', 'unique_name', 'phone_number_id', 'external_id', 'anonymous_id'] as const;
const MAX_LENGTH: Record<string, number> = { first_name: 50, last_name: 50, address_line_1: 100, address_line_2: 100, city: 60, state_province_region: 50, country: 50, postal_code: 60, external_id: 254, anonymous_id: 254, phone_number_id: 254 };

const iso = (ms: number) => new Date(ms).toISOString();

// ---- reading contacts ----

const compiled = new Map<string, Node | QueryError>();

/** The value of a field of a contact, as SGQL sees it (custom fields by name). */
export function fieldValue(contact: Contact, field: string, state: SandboxState): unknown {
  const name = field.toLowerCase();
  if (name === 'contact_id' || name === 'id') return contact.id;
  if (name === 'list_ids') return contact.list_ids;
  if (name === 'segment_ids') return segmentIdsOf(contact, state);
  if (name === 'email_domains') return [contact.email, ...(contact.alternate_emails ?? [])].filter(Boolean).map((e) => e!.split('@')[1]);
  const custom = state.fields.find((f) => f.name.toLowerCase() === name || f.id.toLowerCase() === name);
  if (custom) return contact.custom_fields[custom.id];
  return (contact as unknown as Json)[name];
}

const knownField = (state: SandboxState) => (field: string) => {
  const name = field.toLowerCase();
  return ['id', 'list_ids', 'segment_ids'].includes(name) || RESERVED_FIELDS.some((f) => f.name === name) || state.fields.some((f) => f.name.toLowerCase() === name || f.id.toLowerCase() === name);
};

/** A contact query, parsed and checked against the account's fields; throws QueryError. */
export const compileQuery = (query: string, state: SandboxState): Node => compile(query, knownField(state));

/**
 * A segment's parsed query, or undefined when it does not parse. Parsing depends on the text alone, so
 * it is cached by text; fields are checked when the segment is saved, and one deleted since matches nothing.
 */
function segmentTree(query: string): Node | undefined {
  let tree = compiled.get(query);
  if (!tree) {
    try {
      tree = parse(query);
    } catch (error) {
      tree = error as QueryError;
    }
    compiled.set(query, tree);
  }
  return tree instanceof QueryError ? undefined : tree;
}

export function inSegment(segment: SandboxState['segments'][number], contact: Contact, state: SandboxState): boolean {
  if (segment.parent_list_ids.length && !segment.parent_list_ids.some((id) => contact.list_ids.includes(id))) return false;
  const tree = segmentTree(segment.query_dsl);
  if (!tree) return false;
  try {
    // Segments never list themselves, so a query on segment_ids cannot recurse.
    return evaluate(tree, (field) => (field.toLowerCase() === 'segment_ids' ? [] : (fieldValue(contact, field, state) as never)));
  } catch {
    return false;
  }
}

export function segmentIdsOf(contact: Contact, state: SandboxState): string[] {
  return state.segments.filter((s) => inSegment(s, contact, state)).map((s) => s.id);
}

export function contactView(contact: Contact, state: SandboxState, origin: string) {
  const custom: Json = {};
  for (const field of state.fields) if (contact.custom_fields[field.id] !== undefined) custom[field.name] = contact.custom_fields[field.id];
  const { custom_fields: _ids, ...rest } = contact;
  return {
    ...rest,
    alternate_emails: contact.alternate_emails ?? [],
    list_ids: contact.list_ids,
    segment_ids: segmentIdsOf(contact, state),
    custom_fields: custom,
    _metadata: { self: `${origin}/v3/marketing/contacts/${contact.id}` },
  };
}

export const listCount = (state: SandboxState, listId: string) => state.contacts.filter((c) => c.list_ids.includes(listId)).length;

// ---- jobs ----

function newJob(sandbox: Sandbox, type: Job['type'], input: Json, waitForUpload = false): Job {
  const now = sandbox.now();
  const job: Job = { id: randomUUID(), type, status: 'pending', due: waitForUpload ? undefined : now + (sandbox.options.jobDelayMs ?? 500), started_at: iso(now), input };
  sandbox.state.jobs.push(job);
  if (!waitForUpload && (sandbox.options.jobDelayMs ?? 500) <= 0) runJob(sandbox, job);
  return job;
}

type Fields = { custom: Record<string, string | number>; errors: string[] };

/** Custom field values by id: undefined ids are dropped silently, as SendGrid does; wrong types are errors. */
function customValues(raw: unknown, state: SandboxState): Fields {
  const out: Fields = { custom: {}, errors: [] };
  if (!isObject(raw)) return out;
  for (const [id, value] of Object.entries(raw)) {
    const field = state.fields.find((f) => f.id === id);
    if (!field || value === null || value === undefined) continue;
    if (field.field_type === 'Number') {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
      if (Number.isFinite(n)) out.custom[id] = n;
      else out.errors.push(`custom field ${field.name} (${id}) must be a number`);
    } else if (field.field_type === 'Date') {
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) out.custom[id] = value;
      else out.errors.push(`custom field ${field.name} (${id}) must be a date`);
    } else if (typeof value === 'string' || typeof value === 'number') out.custom[id] = String(value).slice(0, 1000);
    else out.errors.push(`custom field ${field.name} (${id}) must be text`);
  }
  return out;
}

function upsert(sandbox: Sandbox, job: Job, records: Json[], listIds: string[]) {
  const { state } = sandbox;
  const results = { requested_count: records.length, created_count: 0, updated_count: 0, deleted_count: 0, errored_count: 0 };
  const errors: NonNullable<Job['errors']> = [];
  const missingLists = listIds.filter((id) => !state.lists.some((l) => l.id === id));
  const now = iso(sandbox.now());
  records.forEach((record, index) => {
    const email = typeof record.email === 'string' ? record.email.trim().toLowerCase() : undefined;
    const problem = (() => {
      if (missingLists.length) return `list id ${missingLists.join(', ')} does not exist`;
      if (email === undefined && !['phone_number_id', 'external_id', 'anonymous_id'].some((k) => typeof record[k] === 'string' && record[k])) return 'a contact needs an email, phone_number_id, external_id or anonymous_id';
      if (email !== undefined && !isEmail(email)) return `email ${JSON.stringify(record.email)} is not a valid email address`;
      for (const field of TEXT_FIELDS) {
        const value = record[field];
        if (value !== undefined && value !== null && typeof value !== 'string') return `${field} must be a string`;
        if (typeof value === 'string' && value.length > (MAX_LENGTH[field] ?? 254)) return `${field} must be at most ${MAX_LENGTH[field]} characters`;
      }
      const alternates = record.alternate_emails;
      if (alternates !== undefined && (!Array.isArray(alternates) || alternates.length > 5 || !alternates.every(isEmail))) return 'alternate_emails must be at most 5 valid email addresses';
      return undefined;
    })();
    const custom = customValues(record.custom_fields, state);
    const message = problem ?? custom.errors[0];
    if (message) {
      results.errored_count++;
      errors.push({ index, ...(email ? { email } : {}), message });
      return;
    }
    let contact = state.contacts.find((c) => (email !== undefined && c.email === email) || (email === undefined && ['external_id', 'anonymous_id', 'phone_number_id'].some((k) => record[k] && (c as unknown as Json)[k] === record[k])));
    if (!contact) {
      contact = { id: randomUUID(), custom_fields: {}, list_ids: [], created_at: now, updated_at: now };
      state.contacts.push(contact);
      results.created_count++;
    } else results.updated_count++;
    if (email !== undefined) contact.email = email;
    for (const field of TEXT_FIELDS) if (typeof record[field] === 'string') (contact as unknown as Json)[field] = record[field];
    if (Array.isArray(record.alternate_emails)) contact.alternate_emails = (record.alternate_emails as string[]).map((e) => e.toLowerCase());
    Object.assign(contact.custom_fields, custom.custom);
    contact.list_ids = [...new Set([...contact.list_ids, ...listIds])];
    contact.updated_at = now;
  });
  job.results = results;
  job.errors = errors;
}

function runJob(sandbox: Sandbox, job: Job) {
  const { state } = sandbox;
  const input = job.input;
  if (job.type === 'upsert') upsert(sandbox, job, input.contacts as Json[], (input.list_ids as string[]) ?? []);
  else if (job.type === 'import') upsert(sandbox, job, (input.rows as Json[]) ?? [], (input.list_ids as string[]) ?? []);
  else if (job.type === 'delete') {
    const ids = input.all ? state.contacts.map((c) => c.id) : (input.ids as string[]);
    const before = state.contacts.length;
    if (input.list_id && !input.delete_contacts) {
      for (const c of state.contacts) if (ids.includes(c.id)) c.list_ids = c.list_ids.filter((id) => id !== input.list_id);
    } else state.contacts = state.contacts.filter((c) => !ids.includes(c.id));
    job.results = { requested_count: ids.length, created_count: 0, updated_count: 0, deleted_count: before - state.contacts.length, errored_count: 0 };
  } else if (job.type === 'export') {
    const lists = (input.list_ids as string[]) ?? [];
    const segments = state.segments.filter((s) => ((input.segment_ids as string[]) ?? []).includes(s.id));
    job.contact_ids = state.contacts.filter((c) => (!lists.length && !segments.length) || c.list_ids.some((id) => lists.includes(id)) || segments.some((s) => inSegment(s, c, state))).map((c) => c.id);
  }
  job.status = job.errors?.length ? (job.results && job.errors.length === job.results.requested_count ? 'failed' : 'errored') : 'completed';
  job.finished_at = iso(sandbox.now());
  job.due = undefined;
}

/** Completes the jobs that fell due; true when any did. */
export function runContactJobs(sandbox: Sandbox): boolean {
  const now = sandbox.now();
  let changed = false;
  for (const job of sandbox.state.jobs) {
    if (job.status === 'pending' && job.due !== undefined && job.due <= now) {
      runJob(sandbox, job);
      changed = true;
    }
  }
  return changed;
}

/** A CSV upload for an import job arrived: parse it with the job's field mappings and start the wait. */
export function receiveUpload(sandbox: Sandbox, job: Job, rows: string[][]) {
  const mappings = (job.input.field_mappings as (string | null)[]) ?? [];
  const fields = sandbox.state.fields;
  const [, ...data] = rows;
  job.input.rows = data
    .filter((row) => row.some((cell) => cell.trim()))
    .map((row) => {
      const record: Json = {};
      const custom: Json = {};
      mappings.forEach((mapping, i) => {
        const cell = row[i]?.trim();
        if (!mapping || cell === undefined || cell === '') return;
        const reserved = RESERVED_FIELDS.find((f) => f.id === mapping || f.name === mapping);
        const customField = fields.find((f) => f.id === mapping || f.name === mapping);
        if (reserved && !reserved.read_only) record[reserved.name] = reserved.name === 'alternate_emails' ? cell.split(',').map((s) => s.trim()) : cell;
        else if (customField) custom[customField.id] = cell;
      });
      return { ...record, custom_fields: custom };
    });
  job.due = sandbox.now() + (sandbox.options.jobDelayMs ?? 500);
  if ((sandbox.options.jobDelayMs ?? 500) <= 0) runJob(sandbox, job);
}

function exportView(job: Job, origin: string) {
  const ready = job.status !== 'pending';
  return {
    id: job.id,
    status: ready ? 'ready' : 'pending',
    created_at: job.started_at,
    updated_at: job.finished_at ?? job.started_at,
    ...(ready ? { completed_at: job.finished_at, urls: [`${origin}/_sandbox/exports/${job.id}.${String(job.input.file_type ?? 'csv')}`], contact_count: job.contact_ids?.length ?? 0 } : {}),
    expires_at: iso(Date.parse(job.started_at) + 72 * 3_600_000),
    _metadata: { self: `${origin}/v3/marketing/contacts/exports/${job.id}` },
  };
}

// ---- routes ----

function findContact(state: SandboxState, id: string) {
  return state.contacts.find((c) => c.id === id) ?? notFound('Contact not found', 'id');
}

const listIdsOf = (body: Json, field = 'list_ids') => strings(body, field, { max: 100 }) ?? [];

export const contactRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/v3/marketing/contacts',
    handle({ body }, sandbox) {
      const input = objectBody(body);
      const contacts = input.contacts;
      if (!Array.isArray(contacts) || contacts.length === 0) bad('contacts is required and must contain at least one contact', 'contacts');
      if ((contacts as unknown[]).length > 30_000) bad('contacts must contain at most 30000 contacts', 'contacts');
      (contacts as unknown[]).forEach((c, i) => isObject(c) || bad(`contacts[${i}] must be an object`, `contacts[${i}]`));
      const listIds = listIdsOf(input);
      const job = newJob(sandbox, 'upsert', { contacts, list_ids: listIds });
      return ok({ job_id: job.id }, 202);
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts',
    handle({ origin }, { state }) {
      // SendGrid returns a sample of up to 50 recent contacts here; search for more.
      const recent = [...state.contacts].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).slice(0, 50);
      return ok({ result: recent.map((c) => contactView(c, state, origin)), contact_count: state.contacts.length, _metadata: { self: `${origin}/v3/marketing/contacts` } });
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts/count',
    handle(_request, { state }) {
      return ok({ contact_count: state.contacts.length, billable_count: state.contacts.length, billable_breakdown: { total: state.contacts.length, breakdown: {} } });
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts/:id',
    handle({ params, origin }, { state }) {
      return ok(contactView(findContact(state, params.id!), state, origin));
    },
  },
  {
    method: 'DELETE',
    path: '/v3/marketing/contacts',
    handle({ query }, sandbox) {
      const all = query.get('delete_all_contacts');
      const ids = query.get('ids');
      if (all !== null && ids !== null) bad('delete_all_contacts and ids cannot be used together', 'ids');
      if (all !== null) {
        if (all !== 'true') bad('delete_all_contacts must be true', 'delete_all_contacts');
        return ok({ job_id: newJob(sandbox, 'delete', { all: true }).id }, 202);
      }
      const list = (ids ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (!list.length) bad('either ids or delete_all_contacts=true is required', 'ids');
      if (list.length > 100) bad('ids must contain at most 100 contact ids', 'ids');
      return ok({ job_id: newJob(sandbox, 'delete', { ids: list }).id }, 202);
    },
  },
  {
    method: 'POST',
    path: '/v3/marketing/contacts/search',
    handle({ body, origin }, { state }) {
      const query = text(objectBody(body), 'query', { required: true })!;
      let tree: Node;
      try {
        tree = compileQuery(query, state);
      } catch (error) {
        return refuse(400, `invalid query: ${(error as Error).message}`, 'query');
      }
      const hits = state.contacts.filter((c) => {
        try {
          return evaluate(tree, (field) => fieldValue(c, field, state) as never);
        } catch (error) {
          return refuse(400, `invalid query: ${(error as Error).message}`, 'query');
        }
      });
      return ok({ result: hits.slice(0, 100).map((c) => contactView(c, state, origin)), contact_count: hits.length, _metadata: { self: `${origin}/v3/marketing/contacts/search` } });
    },
  },
  {
    method: 'POST',
    path: '/v3/marketing/contacts/search/emails',
    handle({ body, origin }, { state }) {
      const emails = strings(objectBody(body), 'emails', { required: true, max: 100 })!;
      if (!emails.length) bad('emails must contain at least one email', 'emails');
      const result: Json = {};
      for (const email of emails) {
        const contact = state.contacts.find((c) => c.email === email.trim().toLowerCase() || c.alternate_emails?.includes(email.trim().toLowerCase()));
        result[email] = contact ? { contact: contactView(contact, state, origin) } : { error: 'contact not found' };
      }
      if (!Object.values(result).some((r) => (r as Json).contact)) return refuse(404, 'No contacts found', 'emails');
      return ok({ result });
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts/imports/:id',
    handle({ params, origin }, { state }) {
      const job = state.jobs.find((j) => j.id === params.id && j.type !== 'export') ?? notFound('job not found', 'id');
      const results = job.results ?? { requested_count: 0, created_count: 0, updated_count: 0, deleted_count: 0, errored_count: 0 };
      return ok({
        id: job.id,
        status: job.status,
        job_type: job.type === 'import' ? 'upsert' : job.type,
        results: { ...results, ...(job.errors?.length ? { errors_url: `${origin}/_sandbox/errors/${job.id}` } : {}) },
        started_at: job.started_at,
        ...(job.finished_at ? { finished_at: job.finished_at } : {}),
      });
    },
  },
  {
    method: 'PUT',
    path: '/v3/marketing/contacts/imports',
    handle({ body, origin }, sandbox) {
      const input = objectBody(body);
      if (input.file_type !== 'csv') bad('file_type must be csv', 'file_type');
      const mappings = input.field_mappings;
      if (!Array.isArray(mappings) || !mappings.length) bad('field_mappings is required', 'field_mappings');
      const known = (id: unknown) => id === null || (typeof id === 'string' && (RESERVED_FIELDS.some((f) => f.id === id && !f.read_only) || sandbox.state.fields.some((f) => f.id === id)));
      (mappings as unknown[]).forEach((m, i) => known(m) || bad(`field_mappings[${i}] ${JSON.stringify(m)} is not a field definition id`, `field_mappings[${i}]`));
      const identifiers = RESERVED_FIELDS.filter((f) => IDENTIFIERS.includes(f.name)).map((f) => f.id);
      if (!(mappings as unknown[]).some((m) => identifiers.includes(m as string))) bad(`field_mappings must map a column to email (_rf2_T) or another identifier (${identifiers.slice(1).join(', ')})`, 'field_mappings');
      const listIds = listIdsOf(input);
      const missing = listIds.find((id) => !sandbox.state.lists.some((l) => l.id === id));
      if (missing) bad(`list id ${missing} does not exist`, 'list_ids');
      const job = newJob(sandbox, 'import', { field_mappings: mappings, list_ids: listIds }, true);
      return ok({ job_id: job.id, upload_uri: `${origin}/_sandbox/uploads/${job.id}`, upload_headers: [{ header: 'x-amz-server-side-encryption', value: 'aws:kms' }] });
    },
  },
  {
    method: 'POST',
    path: '/v3/marketing/contacts/exports',
    handle({ body, origin }, sandbox) {
      const input = body === undefined ? {} : objectBody(body);
      const listIds = listIdsOf(input);
      const segmentIds = strings(input, 'segment_ids', { max: 100 }) ?? [];
      const fileType = input.file_type ?? 'csv';
      if (fileType !== 'csv' && fileType !== 'json') bad('file_type must be csv or json', 'file_type');
      integer(input, 'max_file_size', { min: 1 });
      for (const id of listIds) if (!sandbox.state.lists.some((l) => l.id === id)) bad(`list id ${id} does not exist`, 'list_ids');
      for (const id of segmentIds) if (!sandbox.state.segments.some((s) => s.id === id)) bad(`segment id ${id} does not exist`, 'segment_ids');
      const job = newJob(sandbox, 'export', { list_ids: listIds, segment_ids: segmentIds, file_type: fileType });
      return ok({ id: job.id, _metadata: { self: `${origin}/v3/marketing/contacts/exports/${job.id}` } }, 202);
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts/exports/:id',
    handle({ params, origin }, { state }) {
      const job = state.jobs.find((j) => j.id === params.id && j.type === 'export') ?? notFound('export not found', 'id');
      return ok(exportView(job, origin));
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/contacts/exports',
    handle({ origin }, { state }) {
      const named = (ids: unknown, items: { id: string; name: string }[]) => ((ids as string[]) ?? []).map((id) => ({ ID: id, Name: items.find((i) => i.id === id)?.name ?? '' }));
      const result = state.jobs
        .filter((j) => j.type === 'export')
        .map((job) => {
          const { updated_at: _u, contact_count: _c, _metadata: _m, ...view } = exportView(job, origin);
          return { ...view, user_id: '1', export_type: 'contacts_export', lists: named(job.input.list_ids, state.lists), segments: named(job.input.segment_ids, state.segments) };
        });
      return ok({ result, _metadata: { self: `${origin}/v3/marketing/contacts/exports` } });
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/lists/:id/contacts/count',
    handle({ params }, { state }) {
      if (!state.lists.some((l) => l.id === params.id)) notFound('list not found', 'id');
      const count = listCount(state, params.id!);
      return ok({ contact_count: count, billable_count: count });
    },
  },
  {
    method: 'DELETE',
    path: '/v3/marketing/lists/:id/contacts',
    handle({ params, query }, sandbox) {
      if (!sandbox.state.lists.some((l) => l.id === params.id)) notFound('list not found', 'id');
      const ids = (query.get('contact_ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (!ids.length) bad('contact_ids is required', 'contact_ids');
      return ok({ job_id: newJob(sandbox, 'delete', { ids, list_id: params.id }).id }, 202);
    },
  },
];

export { newJob };
