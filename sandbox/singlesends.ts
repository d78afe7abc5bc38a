// Single Sends: draft → scheduled → triggered (at send_at, or at once for "now"); unschedule; a
// triggered Single Send mails the contacts of its lists and segments (or all) through the mail log.
import { randomUUID } from 'node:crypto';
import { inSegment } from './contacts';
import { queueMail } from './mail';
import { resource } from './resources';
import { bad, boolean, integer, isObject, notFound, objectBody, ok, strings, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (sandbox: Sandbox) => new Date(sandbox.now()).toISOString();

function sendAtOf(value: unknown, field: string) {
  if (value === null) return null;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)) || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return bad(`${field} must be an ISO 8601 date and time`, field);
  return new Date(value).toISOString().replace(/\.000Z$/, 'Z');
}

/** Sets a Single Send's fields from a body. */
function apply(send: Json, body: Json, sandbox: Sandbox, required: boolean) {
  const { state } = sandbox;
  const name = text(body, 'name', { required, max: 100 });
  if (name !== undefined) send.name = name;
  const categories = strings(body, 'categories', { max: 10 });
  if (categories !== undefined) send.categories = categories;
  if (body.send_at !== undefined) send.send_at = sendAtOf(body.send_at, 'send_at');
  if (body.send_to !== undefined) {
    if (!isObject(body.send_to)) bad('send_to must be an object', 'send_to');
    const to = body.send_to as Json;
    const lists = strings(to, 'list_ids', { max: 50 }, 'send_to.list_ids');
    const segments = strings(to, 'segment_ids', { max: 10 }, 'send_to.segment_ids');
    for (const id of lists ?? []) if (!state.lists.some((l) => l.id === id)) bad(`list ${id} does not exist`, 'send_to.list_ids');
    for (const id of segments ?? []) if (!state.segments.some((s) => s.id === id)) bad(`segment ${id} does not exist`, 'send_to.segment_ids');
    const all = boolean(to, 'all', 'send_to.all');
    send.send_to = { list_ids: lists ?? [], segment_ids: segments ?? [], all: all ?? false };
  }
  if (body.email_config !== undefined) {
    if (!isObject(body.email_config)) bad('email_config must be an object', 'email_config');
    const config = body.email_config as Json;
    const current = (send.email_config ?? {}) as Json;
    for (const field of ['subject', 'html_content', 'plain_content', 'design_id', 'ip_pool']) {
      const value = text(config, field, {}, `email_config.${field}`);
      if (value !== undefined) current[field] = value;
    }
    if (config.design_id !== undefined && !state.designs.some((d) => d.id === config.design_id)) bad(`design ${String(config.design_id)} does not exist`, 'email_config.design_id');
    const generate = boolean(config, 'generate_plain_content', 'email_config.generate_plain_content');
    if (generate !== undefined) current.generate_plain_content = generate;
    if (config.editor !== undefined && config.editor !== 'code' && config.editor !== 'design') bad('email_config.editor must be code or design', 'email_config.editor');
    if (config.editor !== undefined) current.editor = config.editor;
    for (const field of ['suppression_group_id', 'sender_id']) {
      if (config[field] === null) current[field] = null;
      else {
        const value = integer(config, field, { min: 1 }, `email_config.${field}`);
        if (value !== undefined) current[field] = value;
      }
    }
    if (current.sender_id && config.sender_id !== undefined && !state.senders.some((s) => s.id === current.sender_id)) bad(`sender ${current.sender_id} does not exist`, 'email_config.sender_id');
    if (current.suppression_group_id && config.suppression_group_id !== undefined && !state.groups.some((g) => g.id === current.suppression_group_id)) bad(`unsubscribe group ${current.suppression_group_id} does not exist`, 'email_config.suppression_group_id');
    if (config.custom_unsubscribe_url !== undefined) {
      const url = config.custom_unsubscribe_url;
      if (url !== null && (typeof url !== 'string' || !/^https?:\/\/\S+$/.test(url))) bad('email_config.custom_unsubscribe_url must be a URL', 'email_config.custom_unsubscribe_url');
      current.custom_unsubscribe_url = url;
    }
    send.email_config = current;
  }
  send.updated_at = iso(sandbox);
}

const fullView = (send: Json) => {
  const { sent_at: _sent, ...view } = send;
  return view;
};
const listView = (send: Json) => ({
  id: send.id,
  name: send.name,
  abtest: null,
  status: send.status,
  categories: send.categories ?? [],
  ...(send.send_at ? { send_at: send.send_at } : {}),
  is_abtest: false,
  updated_at: send.updated_at,
  created_at: send.created_at,
});

const find = (sandbox: Sandbox, id: string) => sandbox.state.singlesends.find((s) => s.id === id) ?? notFound('single send not found', 'id');

const blank = (sandbox: Sandbox): Json => ({
  id: randomUUID(),
  name: '',
  status: 'draft',
  categories: [],
  send_at: null,
  send_to: { list_ids: [], segment_ids: [], all: false },
  email_config: { subject: '', html_content: '', plain_content: '', generate_plain_content: true, editor: 'code', suppression_group_id: null, custom_unsubscribe_url: null, sender_id: null, ip_pool: null },
  created_at: iso(sandbox),
  updated_at: iso(sandbox),
});

const crud = resource<Json>({
  path: '/v3/marketing/singlesends',
  items: (s) => s.singlesends,
  id: (s) => s.id as string,
  notFound: 'single send not found',
  list: { paging: 'token', max: 100, defaultSize: 100, view: listView },
  create: {
    status: 201,
    build(body, sandbox) {
      const send = blank(sandbox);
      apply(send, body, sandbox, true);
      return send;
    },
  },
  get: true,
  update: {
    status: 202,
    apply(send, body, sandbox) {
      if (send.status === 'triggered') bad('a Single Send that has been sent cannot be changed', 'id');
      apply(send, body, sandbox, false);
    },
  },
  remove: { status: 204 },
  view: fullView,
});

/** Why a Single Send cannot be scheduled, in SendGrid's terms; undefined when it can. */
function scheduleProblem(send: Json, sandbox: Sandbox): [string, string] | undefined {
  const config = (send.email_config ?? {}) as Json;
  const to = (send.send_to ?? {}) as Json;
  if (!config.sender_id || !sandbox.state.senders.some((s) => s.id === config.sender_id && s.verified)) return ['email_config.sender_id', 'a verified sender_id is required to schedule a Single Send'];
  if (!config.subject) return ['email_config.subject', 'a subject is required to schedule a Single Send'];
  if (!config.html_content && !config.plain_content && !sandbox.state.designs.some((d) => d.id === config.design_id)) return ['email_config.html_content', 'content (or a design_id) is required to schedule a Single Send'];
  if (!config.suppression_group_id && !config.custom_unsubscribe_url) return ['email_config.suppression_group_id', 'a suppression_group_id or custom_unsubscribe_url is required to schedule a Single Send'];
  if (!to.all && !(to.list_ids as string[])?.length && !(to.segment_ids as string[])?.length) return ['send_to', 'recipients are required: list_ids, segment_ids or all'];
  return undefined;
}

/** Mails a Single Send to its recipients through the mail log. */
function trigger(sandbox: Sandbox, send: Json) {
  const { state } = sandbox;
  const to = send.send_to as { list_ids: string[]; segment_ids: string[]; all: boolean };
  const design = state.designs.find((d) => d.id === (send.email_config as Json).design_id) ?? {};
  const config = { ...design, ...Object.fromEntries(Object.entries(send.email_config as Json).filter(([, v]) => v !== '' && v !== null)) } as Json;
  const sender = state.senders.find((s) => s.id === config.sender_id)!;
  const segments = state.segments.filter((s) => to.segment_ids.includes(s.id));
  const contacts = state.contacts.filter((c) => c.email && (to.all || c.list_ids.some((id) => to.list_ids.includes(id)) || segments.some((s) => inSegment(s, c, state))));
  const content = [
    ...(config.plain_content ? [{ type: 'text/plain', value: config.plain_content }] : []),
    ...(config.html_content ? [{ type: 'text/html', value: config.html_content }] : []),
  ];
  for (let i = 0; i < contacts.length; i += 1000) {
    const request: Json = {
      personalizations: contacts.slice(i, i + 1000).map((c) => ({ to: [{ email: c.email }] })),
      from: { email: sender.from_email, name: sender.from_name },
      subject: config.subject,
      content,
      ...((send.categories as string[])?.length ? { categories: send.categories } : {}),
      ...(config.suppression_group_id ? { asm: { group_id: config.suppression_group_id } } : {}),
    };
    queueMail(sandbox, request, { single_send_id: send.id as string });
  }
  send.status = 'triggered';
  send.sent_at = iso(sandbox);
}

/** Triggers the Single Sends whose time came; true when any did. */
export function runSingleSends(sandbox: Sandbox): boolean {
  let changed = false;
  for (const send of sandbox.state.singlesends) {
    if (send.status === 'scheduled' && typeof send.send_at === 'string' && Date.parse(send.send_at) <= sandbox.now()) {
      trigger(sandbox, send);
      changed = true;
    }
  }
  return changed;
}

// The Marketing Campaigns design library: designs a Single Send can use by design_id.
const designs = resource<Json>({
  path: '/v3/designs',
  items: (s) => s.designs,
  id: (d) => d.id as string,
  notFound: 'design not found',
  list: {
    paging: 'token',
    max: 100,
    defaultSize: 100,
    view: (d, _s, request) => {
      if (request.query.get('summary') === 'false') return d;
      const { html_content: _h, plain_content: _p, ...summary } = d;
      return summary;
    },
  },
  create: {
    status: 201,
    build(body, sandbox) {
      const design: Json = { id: randomUUID(), name: 'My Design', editor: 'code', generate_plain_content: true, thumbnail_url: '', categories: [], created_at: iso(sandbox), updated_at: iso(sandbox) };
      for (const [field, max] of [['name', 100], ['subject', 5000], ['html_content', 1_048_576], ['plain_content', 1_048_576]] as const) {
        const value = text(body, field, { required: field === 'html_content', max });
        if (value !== undefined) design[field] = value;
      }
      if (body.editor !== undefined && body.editor !== 'code' && body.editor !== 'design') bad('editor must be code or design', 'editor');
      if (body.editor !== undefined) design.editor = body.editor;
      const categories = strings(body, 'categories', { max: 10 });
      if (categories !== undefined) design.categories = categories;
      return design;
    },
  },
  get: true,
  remove: { status: 204 },
  view: (d) => d,
});

export const singleSendRoutes: Route[] = [
  ...crud,
  ...designs,
  {
    method: 'POST',
    path: '/v3/marketing/singlesends/:id',
    handle({ params, body }, sandbox) {
      const source = find(sandbox, params.id!);
      const input = body === undefined ? {} : objectBody(body);
      const name = text(input, 'name', { max: 100 }) ?? `Copy of ${source.name as string}`.slice(0, 100);
      const copy: Json = { ...structuredClone(source), id: randomUUID(), name, status: 'draft', send_at: null, created_at: iso(sandbox), updated_at: iso(sandbox) };
      delete copy.sent_at;
      sandbox.state.singlesends.push(copy);
      return ok(fullView(copy), 201);
    },
  },
  {
    method: 'PUT',
    path: '/v3/marketing/singlesends/:id/schedule',
    handle({ params, body }, sandbox) {
      const send = find(sandbox, params.id!);
      const input = objectBody(body);
      if (send.status === 'triggered') bad('this Single Send has already been sent', 'id');
      const raw = input.send_at;
      if (raw === undefined) bad('send_at is required', 'send_at');
      const at = raw === 'now' ? new Date(sandbox.now()).toISOString().replace(/\.\d{3}Z$/, 'Z') : sendAtOf(raw, 'send_at');
      if (raw !== 'now' && Date.parse(at as string) < sandbox.now() - 60_000) bad('send_at must be in the future, or "now"', 'send_at');
      const problem = scheduleProblem(send, sandbox);
      if (problem) bad(problem[1], problem[0]);
      send.send_at = at;
      send.status = 'scheduled';
      send.updated_at = iso(sandbox);
      runSingleSends(sandbox);
      return ok({ send_at: at, status: 'scheduled' }, 201);
    },
  },
  {
    method: 'DELETE',
    path: '/v3/marketing/singlesends/:id/schedule',
    handle({ params }, sandbox) {
      const send = find(sandbox, params.id!);
      if (send.status !== 'scheduled') bad(send.status === 'triggered' ? 'this Single Send has already been sent' : 'this Single Send is not scheduled', 'id');
      const at = send.send_at;
      send.status = 'draft';
      send.send_at = null;
      send.updated_at = iso(sandbox);
      return ok({ send_at: at, status: 'draft' });
    },
  },
];
