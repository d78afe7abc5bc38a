// The sandbox's own URLs, outside SendGrid's API: the CSV upload URL of a contact import, the
// download URL of an export, a job's error file, and a small control surface for tests.
import { gunzipSync } from 'node:zlib';
import { contactView, receiveUpload, RESERVED_FIELDS } from './contacts';
import { FAULT_KINDS, type FaultKind } from './faults';
import { bad, isObject, notFound, ok, type Route } from './respond';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const csvCell = (value: unknown) => {
  const s = Array.isArray(value) ? value.join(',') : value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const sandboxRoutes: Route[] = [
  {
    method: 'PUT',
    path: '/_sandbox/uploads/:id',
    handle({ params, raw, headers }, sandbox) {
      const job = sandbox.state.jobs.find((j) => j.id === params.id && j.type === 'import') ?? notFound('upload not found');
      if (job.due !== undefined || job.status !== 'pending') bad('this import already has its file');
      let bytes = raw;
      if (headers['content-encoding'] === 'gzip' || (raw[0] === 0x1f && raw[1] === 0x8b)) {
        try {
          bytes = gunzipSync(raw);
        } catch {
          bad('the file is not valid gzip');
        }
      }
      const rows = parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, ''));
      if (rows.length < 2) bad('the CSV file needs a header row and at least one contact');
      receiveUpload(sandbox, job, rows);
      return { status: 200 };
    },
  },
  {
    method: 'GET',
    path: '/_sandbox/exports/:file',
    handle({ params, origin }, { state }) {
      const [id, type = 'csv'] = params.file!.split('.');
      const job = state.jobs.find((j) => j.id === id && j.type === 'export' && j.status !== 'pending') ?? notFound('export not found');
      const contacts = state.contacts.filter((c) => job.contact_ids?.includes(c.id)).map((c) => contactView(c, state, origin));
      if (type === 'json') return { status: 200, text: contacts.map((c) => JSON.stringify(c)).join('\n'), headers: { 'content-type': 'application/json' } };
      const columns = ['contact_id', ...RESERVED_FIELDS.filter((f) => !['contact_id'].includes(f.name)).map((f) => f.name), ...state.fields.map((f) => f.name)];
      const lines = [columns.join(',').toUpperCase()];
      for (const c of contacts) lines.push(columns.map((col) => csvCell(col === 'contact_id' ? c.id : (c as Record<string, unknown>)[col] ?? (c.custom_fields as Record<string, unknown>)[col])).join(','));
      return { status: 200, text: `${lines.join('\n')}\n`, headers: { 'content-type': 'text/csv' } };
    },
  },
  {
    method: 'GET',
    path: '/_sandbox/errors/:id',
    handle({ params }, { state }) {
      // A CSV of the contacts the job could not process, one row each: its position, its email, why.
      const job = state.jobs.find((j) => j.id === params.id) ?? notFound('job not found');
      const rows = (job.errors ?? []).map((e) => [e.index === undefined ? '' : e.index + 1, e.email ?? '', e.message].map(csvCell).join(','));
      return { status: 200, text: `${['row', 'email', 'error'].join(',')}\n${rows.map((r) => `${r}\n`).join('')}`, headers: { 'content-type': 'text/csv' } };
    },
  },
  {
    // Control for tests that drive a sandbox in another process: { "route": "POST /v3/mail/send", "kind": 503, "count": 2 }.
    method: 'POST',
    path: '/_sandbox/faults',
    handle({ body }, sandbox) {
      if (!isObject(body)) bad('the body must be an object');
      const b = body as Record<string, unknown>;
      if (b.clear) sandbox.faults.clear();
      if (b.kind !== undefined) {
        if (!FAULT_KINDS.includes(b.kind as FaultKind)) bad(`kind must be one of ${FAULT_KINDS.join(', ')}`, 'kind');
        if (typeof b.rate === 'number') sandbox.faults.all(b.rate, b.kind as FaultKind);
        else sandbox.faults.next(typeof b.route === 'string' ? b.route : '*', b.kind as FaultKind, typeof b.count === 'number' ? b.count : 1);
      }
      return { status: 204 };
    },
  },
  {
    method: 'POST',
    path: '/_sandbox/advance',
    handle({ query }, sandbox) {
      const ms = Number(query.get('ms') ?? 0);
      if (!Number.isFinite(ms) || ms < 0) bad('ms must be a positive number', 'ms');
      void sandbox.advance(ms);
      return ok({ now: new Date(sandbox.now()).toISOString() });
    },
  },
];
