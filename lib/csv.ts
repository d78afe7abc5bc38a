// Just enough CSV (RFC 4180: quoted fields, doubled quotes, CRLF or LF) to read a file's header row and
// the rows of an import job's error file.

/** Rows of fields; stops after `maxRows` rows when given. */
export function parseCsv(text: string, maxRows = Infinity): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first header
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += c;
  }
  if (rows.length < maxRows && (field !== '' || row.length)) endRow();
  return rows;
}

/** The header row's column names, trimmed. */
export const csvHeader = (text: string): string[] => (parseCsv(text, 1)[0] ?? []).map((name) => name.trim());

/** Rows as objects keyed by the header row, at most `max` of them, and how many rows there were in all. */
export function csvRecords(text: string, max: number): { records: Record<string, string>[]; total: number } {
  const [header = [], ...rows] = parseCsv(text);
  const records = rows.slice(0, max).map((row) => Object.fromEntries(header.map((name, i) => [name.trim(), row[i] ?? ''])));
  return { records, total: rows.length };
}
