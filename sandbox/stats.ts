// Statistics and email activity, all derived from the messages the sandbox sent and their events:
// /v3/stats, category stats and sums, Single Send stats, /v3/messages with its query filter.
import { bad, notFound, ok, queryInt, type Json, type Route } from './respond';
import { compile, evaluate, type Node } from './sgql';
import type { Message, SandboxState } from './state';

const METRICS = ['blocks', 'bounce_drops', 'bounces', 'clicks', 'deferred', 'delivered', 'invalid_emails', 'opens', 'processed', 'requests', 'spam_report_drops', 'spam_reports', 'unique_clicks', 'unique_opens', 'unsubscribe_drops', 'unsubscribes'] as const;
type Metrics = Record<(typeof METRICS)[number], number>;

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The metrics of these messages, counting only events within [from, to). */
function metricsOf(messages: Message[], from = -Infinity, to = Infinity): Metrics {
  const m = Object.fromEntries(METRICS.map((k) => [k, 0])) as Metrics;
  for (const message of messages) {
    let opened = false;
    let clicked = false;
    for (const e of message.events) {
      if (e.at < from || e.at >= to) continue;
      if (e.event === 'processed') (m.processed++, m.requests++);
      else if (e.event === 'delivered') m.delivered++;
      else if (e.event === 'bounce') m.bounces++;
      else if (e.event === 'deferred') m.deferred++;
      else if (e.event === 'open') (m.opens++, (opened = true));
      else if (e.event === 'click') (m.clicks++, (clicked = true));
      else if (e.event === 'dropped') {
        if (e.reason === 'Bounced Address') m.bounce_drops++;
        else if (e.reason === 'Spam Reporting Address') m.spam_report_drops++;
        else if (e.reason === 'Unsubscribed Address') m.unsubscribe_drops++;
        else if (e.reason === 'Invalid') m.invalid_emails++;
      }
    }
    if (opened) m.unique_opens++;
    if (clicked) m.unique_clicks++;
  }
  return m;
}

/** The date buckets of a stats request: start_date (required) to end_date (today), by day, week or month. */
function buckets(query: URLSearchParams, now: number): { date: string; from: number; to: number }[] {
  const start = query.get('start_date');
  if (!start || !/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(start))) bad('start_date is required, in the form YYYY-MM-DD', 'start_date');
  const endText = query.get('end_date') ?? dayOf(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endText) || Number.isNaN(Date.parse(endText))) bad('end_date must be in the form YYYY-MM-DD', 'end_date');
  const from = Date.parse(start!);
  const to = Date.parse(endText) + DAY;
  if (to <= from) bad('end_date must not be before start_date', 'end_date');
  if (to - from > 800 * DAY) bad('the date range may span at most 800 days', 'start_date');
  const by = query.get('aggregated_by') ?? 'day';
  if (!['day', 'week', 'month'].includes(by)) bad('aggregated_by must be day, week or month', 'aggregated_by');
  const out: { date: string; from: number; to: number }[] = [];
  for (let at = from; at < to; ) {
    const d = new Date(at);
    const next = by === 'day' ? at + DAY : by === 'week' ? at + (7 - ((d.getUTCDay() + 6) % 7)) * DAY : Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    out.push({ date: dayOf(at), from: at, to: Math.min(next, to) });
    at = Math.min(next, to);
  }
  return out;
}

const paged = <T>(items: T[], query: URLSearchParams, max = 500) => {
  const limit = queryInt(query, 'limit', items.length || 1, 1, Math.max(max, items.length || 1));
  const offset = queryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
  return items.slice(offset, offset + limit);
};

const categoriesParam = (query: URLSearchParams) => {
  const names = query.getAll('categories').flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
  if (!names.length) bad('categories is required', 'categories');
  if (names.length > 10) bad('at most 10 categories may be requested', 'categories');
  return names;
};

// ---- email activity ----

const statusOf = (m: Message) => (m.events.some((e) => e.event === 'delivered') ? 'delivered' : m.events.some((e) => e.event === 'bounce' || e.event === 'dropped') ? 'not_delivered' : 'processed');
const lastEvent = (m: Message) => Math.max(...m.events.map((e) => e.at));
const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const count = (m: Message, event: string) => m.events.filter((e) => e.event === event).length;

const MESSAGE_FIELDS: Record<string, (m: Message) => unknown> = {
  msg_id: (m) => m.msg_id,
  from_email: (m) => m.from_email,
  to_email: (m) => m.to_email,
  subject: (m) => m.subject,
  status: statusOf,
  last_event_time: lastEvent,
  opens_count: (m) => count(m, 'open'),
  clicks_count: (m) => count(m, 'click'),
  categories: (m) => m.categories,
  template_id: (m) => m.template_id,
  asm_group_id: (m) => m.asm_group_id,
  events: (m) => m.events.map((e) => e.event),
  outbound_ip: () => '149.72.1.1',
  originating_ip: () => '203.0.113.10',
  outbound_ip_type: () => 'shared',
  unique_args: (m) => Object.entries(m.custom_args).map(([k, v]) => `${k}=${String(v)}`),
  teammate: () => '',
  api_key_id: () => 'sandboxkey',
};

const messageSummary = (m: Message) => ({
  from_email: m.from_email,
  msg_id: m.msg_id,
  subject: m.subject,
  to_email: m.to_email,
  status: statusOf(m),
  opens_count: count(m, 'open'),
  clicks_count: count(m, 'click'),
  last_event_time: isoSecond(lastEvent(m)),
});

const EVENT_NAMES: Record<string, string> = { bounce: 'bounced', open: 'opened', click: 'clicked' };

function messageDetail(m: Message) {
  return {
    ...messageSummary(m),
    template_id: m.template_id ?? '',
    asm_group_id: m.asm_group_id ?? 0,
    teammate: '',
    api_key_id: 'sandboxkey',
    events: m.events.map((e) => ({
      event_name: EVENT_NAMES[e.event] ?? e.event,
      processed: isoSecond(e.at),
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.event === 'bounce' ? { bounce_type: 'hard' } : {}),
      ...(e.event === 'open' ? { http_user_agent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7)' } : {}),
      ...(e.event === 'delivered' || e.event === 'bounce' ? { mx_server: `mx.${m.to_email.split('@')[1]}` } : {}),
    })),
    originating_ip: '203.0.113.10',
    categories: m.categories,
    unique_args: JSON.stringify(m.custom_args),
    outbound_ip: '149.72.1.1',
    outbound_ip_type: 'shared',
  };
}

// ---- Single Send stats ----

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const SINGLE_SEND_METRICS = ['bounce_drops', 'bounces', 'clicks', 'delivered', 'invalid_emails', 'opens', 'requests', 'spam_report_drops', 'spam_reports', 'unique_clicks', 'unique_opens', 'unsubscribes'] as const;
function singleSendStats(state: SandboxState, id: string, from = -Infinity, to = Infinity) {
  const all = metricsOf(state.messages.filter((m) => m.single_send_id === id), from, to);
  return Object.fromEntries(SINGLE_SEND_METRICS.map((k) => [k, all[k]]));
}

export const statsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v3/stats',
    handle({ query }, sandbox) {
      const rows = buckets(query, sandbox.now()).map((b) => ({ date: b.date, stats: [{ metrics: metricsOf(sandbox.state.messages, b.from, b.to) }] }));
      return ok(paged(rows, query));
    },
  },
  {
    method: 'GET',
    path: '/v3/categories',
    handle({ query }, { state }) {
      const prefix = query.get('category')?.toLowerCase() ?? '';
      const limit = queryInt(query, 'limit', 50, 1, 500);
      const offset = queryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      const names = [...state.categories].sort().filter((c) => c.toLowerCase().startsWith(prefix));
      return ok(names.slice(offset, offset + limit).map((category) => ({ category })));
    },
  },
  {
    method: 'GET',
    path: '/v3/categories/stats',
    handle({ query }, sandbox) {
      const names = categoriesParam(query);
      const periods = buckets(query, sandbox.now());
      return ok(
        periods.map((b) => ({
          date: b.date,
          stats: names.map((name) => ({ metrics: metricsOf(sandbox.state.messages.filter((m) => m.categories.includes(name)), b.from, b.to), name, type: 'category' })),
        })),
      );
    },
  },
  {
    method: 'GET',
    path: '/v3/categories/stats/sums',
    handle({ query }, sandbox) {
      const periods = buckets(query, sandbox.now());
      const from = periods[0]!.from;
      const to = periods.at(-1)!.to;
      const metric = query.get('sort_by_metric') ?? 'delivered';
      if (!(METRICS as readonly string[]).includes(metric)) bad(`sort_by_metric must be one of ${METRICS.join(', ')}`, 'sort_by_metric');
      const direction = query.get('sort_by_direction') ?? 'desc';
      if (direction !== 'asc' && direction !== 'desc') bad('sort_by_direction must be asc or desc', 'sort_by_direction');
      const rows = sandbox.state.categories
        .map((name) => ({ metrics: metricsOf(sandbox.state.messages.filter((m) => m.categories.includes(name)), from, to), name, type: 'category' }))
        .sort((a, b) => (direction === 'asc' ? 1 : -1) * (a.metrics[metric as keyof Metrics] - b.metrics[metric as keyof Metrics]));
      const limit = queryInt(query, 'limit', 5, 1, 500);
      const offset = queryInt(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
      return ok({ date: periods[0]!.date, stats: rows.slice(offset, offset + limit) });
    },
  },
  {
    method: 'GET',
    path: '/v3/messages',
    handle({ query }, { state }) {
      const filter = query.get('query');
      if (!filter) return { status: 400, body: { errors: [{ message: 'query is required' }] } };
      const limit = queryInt(query, 'limit', 10, 1, 1000);
      let tree: Node;
      try {
        tree = compile(filter, (field) => field in MESSAGE_FIELDS);
      } catch (error) {
        return { status: 400, body: { errors: [{ message: `invalid query: ${(error as Error).message}` }] } };
      }
      let hits: Message[];
      try {
        hits = state.messages.filter((m) => evaluate(tree, (field) => MESSAGE_FIELDS[field]!(m) as never));
      } catch (error) {
        return { status: 400, body: { errors: [{ message: `invalid query: ${(error as Error).message}` }] } };
      }
      hits.sort((a, b) => lastEvent(b) - lastEvent(a));
      return ok({ messages: hits.slice(0, limit).map(messageSummary) });
    },
  },
  {
    method: 'GET',
    path: '/v3/messages/:msg_id',
    handle({ params }, { state }) {
      const message = state.messages.find((m) => m.msg_id === params.msg_id);
      if (!message) return { status: 404, body: { errors: [{ message: 'message not found', field: 'msg_id' }] } };
      return ok(messageDetail(message));
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/stats/singlesends',
    handle({ query, origin }, { state }) {
      const ids = query.getAll('singlesend_ids').flatMap((v) => v.split(',')).filter(Boolean);
      if (ids.length > 25) bad('singlesend_ids may list at most 25 ids', 'singlesend_ids');
      const sends = state.singlesends.filter((s) => s.status === 'triggered' && (!ids.length || ids.includes(s.id as string)));
      const size = queryInt(query, 'page_size', 50, 1, 50);
      const start = Number(query.get('page_token') ?? 0) || 0;
      const results = sends.slice(start, start + size).map((s) => ({ id: s.id as string, ab_variation: ZERO_UUID, ab_phase: 'all', aggregation: 'total', stats: singleSendStats(state, s.id as string) }));
      const metadata: Json = { self: `${origin}/v3/marketing/stats/singlesends`, count: sends.length };
      if (start + size < sends.length) metadata.next = `${origin}/v3/marketing/stats/singlesends?page_size=${size}&page_token=${start + size}`;
      return ok({ results, _metadata: metadata });
    },
  },
  {
    method: 'GET',
    path: '/v3/marketing/stats/singlesends/:id',
    handle({ params, query, origin }, { state }) {
      if (!state.singlesends.some((s) => s.id === params.id)) notFound('single send not found', 'id');
      const by = query.get('aggregated_by') ?? 'total';
      if (by !== 'day' && by !== 'total') bad('aggregated_by must be day or total', 'aggregated_by');
      const self = { self: `${origin}/v3/marketing/stats/singlesends/${params.id}`, count: 1 };
      if (by === 'total') return ok({ results: [{ id: params.id, ab_variation: ZERO_UUID, ab_phase: 'all', aggregation: 'total', stats: singleSendStats(state, params.id!) }], _metadata: self });
      const messages = state.messages.filter((m) => m.single_send_id === params.id);
      const first = messages.length ? Math.min(...messages.map((m) => m.events[0]!.at)) : Date.now();
      const startDate = query.get('start_date') ?? dayOf(first);
      const q = new URLSearchParams({ start_date: startDate, ...(query.get('end_date') ? { end_date: query.get('end_date')! } : {}) });
      const rows = buckets(q, Date.now()).map((b) => ({ id: params.id, ab_variation: ZERO_UUID, ab_phase: 'all', aggregation: b.date, stats: singleSendStats(state, params.id!, b.from, b.to) }));
      return ok({ results: rows, _metadata: { ...self, count: rows.length } });
    },
  },
];

