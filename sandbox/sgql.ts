// SendGrid's query language, as contact search, segments and email activity use it: comparisons
// (=, !=, <>, <, <=, >, >=), LIKE with % and _ (%% for a literal %), IN (...), IS [NOT] NULL, BETWEEN … AND …, AND/OR/NOT,
// parentheses, CONTAINS(field, value), 'single' or "double" quoted strings, numbers and TIMESTAMP "…".
// A segment's `SELECT … FROM contact_data WHERE …` is read from its WHERE on.

type Token = { kind: 'word' | 'string' | 'number' | 'op' | 'punct'; text: string; at: number };
type Value = string | number | boolean | null | undefined | Value[];

export type Node =
  | { type: 'and' | 'or'; left: Node; right: Node }
  | { type: 'not'; inner: Node }
  | { type: 'compare'; op: string; left: Operand; right: Operand }
  | { type: 'like'; left: Operand; pattern: Operand; negate: boolean }
  | { type: 'in'; left: Operand; values: Operand[]; negate: boolean }
  | { type: 'null'; left: Operand; negate: boolean }
  | { type: 'between'; left: Operand; low: Operand; high: Operand }
  | { type: 'call'; name: string; args: Operand[] };

type Operand = { type: 'field'; name: string } | { type: 'literal'; value: Value; time?: boolean } | { type: 'call'; name: string; args: Operand[] };

export class QueryError extends Error {}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL', 'BETWEEN', 'TIMESTAMP', 'TRUE', 'FALSE']);

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= query.length) throw new QueryError(`unterminated string starting at position ${i + 1}`);
        if (query[j] === c && query[j + 1] === c) (text += c), (j += 2);
        else if (query[j] === c) break;
        else if (query[j] === '\\' && j + 1 < query.length) (text += query[j + 1]), (j += 2);
        else text += query[j++];
      }
      tokens.push({ kind: 'string', text, at: i });
      i = j + 1;
    } else if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(query[i + 1] ?? ''))) {
      const m = /^-?\d+(\.\d+)?/.exec(query.slice(i))!;
      tokens.push({ kind: 'number', text: m[0], at: i });
      i += m[0].length;
    } else if (/[A-Za-z_`]/.test(c)) {
      const m = /^`?[A-Za-z_][\w.]*`?/.exec(query.slice(i))!;
      tokens.push({ kind: 'word', text: m[0].replace(/`/g, ''), at: i });
      i += m[0].length;
    } else {
      const op = ['!=', '<>', '<=', '>=', '=', '<', '>'].find((o) => query.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'op', text: op, at: i });
        i += op.length;
      } else if ('(),'.includes(c)) {
        tokens.push({ kind: 'punct', text: c, at: i });
        i++;
      } else throw new QueryError(`unexpected character ${JSON.stringify(c)} at position ${i + 1}`);
    }
  }
  return tokens;
}

export function parse(query: string): Node {
  if (typeof query !== 'string' || !query.trim()) throw new QueryError('the query is empty');
  const where = /^\s*SELECT\b[\s\S]*?\bWHERE\b/i.exec(query);
  const tokens = tokenize(where ? query.slice(where[0].length) : query);
  let pos = 0;
  const peek = () => tokens[pos];
  const isWord = (word: string, t = peek()) => t?.kind === 'word' && t.text.toUpperCase() === word;
  const expect = (text: string) => {
    const t = tokens[pos++];
    if (!t || (t.kind === 'word' ? t.text.toUpperCase() : t.text) !== text) throw new QueryError(`expected ${text} ${t ? `at position ${t.at + 1}` : 'at the end of the query'}`);
  };

  const operand = (): Operand => {
    const t = tokens[pos++];
    if (!t) throw new QueryError('the query ends too early');
    if (t.kind === 'string') return { type: 'literal', value: t.text };
    if (t.kind === 'number') return { type: 'literal', value: Number(t.text) };
    if (t.kind === 'word') {
      const word = t.text.toUpperCase();
      if (word === 'TIMESTAMP') {
        const s = tokens[pos++];
        if (s?.kind !== 'string' || Number.isNaN(Date.parse(s.text))) throw new QueryError(`TIMESTAMP needs a quoted date and time at position ${t.at + 1}`);
        return { type: 'literal', value: Date.parse(s.text), time: true };
      }
      if (word === 'NULL') return { type: 'literal', value: null };
      if (word === 'TRUE' || word === 'FALSE') return { type: 'literal', value: word === 'TRUE' };
      if (KEYWORDS.has(word)) throw new QueryError(`unexpected ${t.text} at position ${t.at + 1}`);
      if (peek()?.text === '(') {
        pos++;
        const args: Operand[] = [];
        while (peek() && peek()!.text !== ')') {
          args.push(operand());
          if (peek()?.text === ',') pos++;
        }
        expect(')');
        return { type: 'call', name: t.text.toUpperCase(), args };
      }
      return { type: 'field', name: t.text };
    }
    throw new QueryError(`unexpected ${t.text} at position ${t.at + 1}`);
  };

  const condition = (): Node => {
    const left = operand();
    if (left.type === 'call' && (!peek() || isWord('AND') || isWord('OR') || peek()!.text === ')')) return left;
    const t = peek();
    if (!t) throw new QueryError('a condition needs an operator, such as = or LIKE');
    if (t.kind === 'op') {
      pos++;
      return { type: 'compare', op: t.text === '<>' ? '!=' : t.text, left, right: operand() };
    }
    let negate = false;
    if (isWord('NOT')) (negate = true), pos++;
    if (isWord('LIKE')) return pos++, { type: 'like', left, pattern: operand(), negate };
    if (isWord('IN')) {
      pos++;
      expect('(');
      const values: Operand[] = [];
      while (peek() && peek()!.text !== ')') {
        values.push(operand());
        if (peek()?.text === ',') pos++;
      }
      expect(')');
      return { type: 'in', left, values, negate };
    }
    if (!negate && isWord('IS')) {
      pos++;
      if (isWord('NOT')) (negate = true), pos++;
      expect('NULL');
      return { type: 'null', left, negate };
    }
    if (!negate && isWord('BETWEEN')) {
      pos++;
      const low = operand();
      expect('AND');
      return { type: 'between', left, low, high: operand() };
    }
    throw new QueryError(`unexpected ${t.text} at position ${t.at + 1}`);
  };

  const unary = (): Node => {
    if (isWord('NOT')) return pos++, { type: 'not', inner: unary() };
    if (peek()?.text === '(') {
      pos++;
      const inner = or();
      expect(')');
      return inner;
    }
    return condition();
  };
  const and = (): Node => {
    let left = unary();
    while (isWord('AND')) (pos++, (left = { type: 'and', left, right: unary() }));
    return left;
  };
  const or = (): Node => {
    let left = and();
    while (isWord('OR')) (pos++, (left = { type: 'or', left, right: and() }));
    return left;
  };
  const tree = or();
  if (pos < tokens.length) throw new QueryError(`unexpected ${tokens[pos]!.text} at position ${tokens[pos]!.at + 1}`);
  return tree;
}

/** The fields a query names, so a caller can refuse unknown ones before evaluating. */
export function fieldsOf(node: Node | Operand): string[] {
  switch (node.type) {
    case 'field':
      return [node.name];
    case 'literal':
      return [];
    case 'and':
    case 'or':
      return [...fieldsOf(node.left), ...fieldsOf(node.right)];
    case 'not':
      return fieldsOf(node.inner);
    case 'compare':
      return [...fieldsOf(node.left), ...fieldsOf(node.right)];
    case 'like':
      return fieldsOf(node.left);
    case 'in':
      return [...fieldsOf(node.left), ...node.values.flatMap(fieldsOf)];
    case 'null':
      return fieldsOf(node.left);
    case 'between':
      return fieldsOf(node.left);
    case 'call':
      return node.args.flatMap(fieldsOf);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const asTime = (v: Value) => (typeof v === 'string' && ISO_DATE.test(v) ? Date.parse(v) : undefined);
const asNumber = (v: Value) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : undefined);

function compare(a: Value, b: Value, timeHint: boolean): number | undefined {
  if (a === undefined || a === null || b === undefined || b === null) return undefined;
  const ta = typeof a === 'number' && timeHint ? a : asTime(a);
  const tb = typeof b === 'number' && timeHint ? b : asTime(b);
  if (ta !== undefined && tb !== undefined) return ta - tb;
  const na = asNumber(a);
  const nb = asNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb;
  return String(a).toLowerCase().localeCompare(String(b).toLowerCase());
}

const isEmpty = (v: Value) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** Evaluates a parsed query for one record, reading fields with `lookup`. */
export function evaluate(node: Node, lookup: (field: string) => Value): boolean {
  const value = (o: Operand): Value => (o.type === 'field' ? lookup(o.name) : o.type === 'literal' ? o.value : callValue(o));
  const isTime = (o: Operand) => o.type === 'literal' && o.time === true;
  const callValue = (o: { name: string; args: Operand[] }): Value => {
    const args = o.args.map(value);
    switch (o.name) {
      case 'CONTAINS':
      case 'ARRAY_CONTAINS': {
        const [hay, needle] = args;
        if (Array.isArray(hay)) return hay.some((item) => String(item).toLowerCase() === String(needle).toLowerCase());
        return typeof hay === 'string' && hay.toLowerCase().includes(String(needle).toLowerCase());
      }
      case 'LOWER':
        return typeof args[0] === 'string' ? args[0].toLowerCase() : args[0];
      case 'UPPER':
        return typeof args[0] === 'string' ? args[0].toUpperCase() : args[0];
      default:
        throw new QueryError(`unknown function ${o.name}`);
    }
  };
  const equal = (a: Value, b: Value, timeHint: boolean): boolean => {
    if (Array.isArray(a)) return a.some((item) => equal(item, b, timeHint));
    return compare(a, b, timeHint) === 0;
  };
  switch (node.type) {
    case 'and':
      return evaluate(node.left, lookup) && evaluate(node.right, lookup);
    case 'or':
      return evaluate(node.left, lookup) || evaluate(node.right, lookup);
    case 'not':
      return !evaluate(node.inner, lookup);
    case 'call':
      return callValue(node) === true;
    case 'compare': {
      const a = value(node.left);
      const b = value(node.right);
      const hint = isTime(node.left) || isTime(node.right);
      if (node.op === '=') return equal(a, b, hint);
      if (node.op === '!=') return !equal(a, b, hint);
      const order = compare(a, b, hint);
      if (order === undefined) return false;
      return node.op === '<' ? order < 0 : node.op === '<=' ? order <= 0 : node.op === '>' ? order > 0 : order >= 0;
    }
    case 'like': {
      const pattern = String(value(node.pattern) ?? '');
      // % is any run of characters and _ any one; %% is a literal %.
      const source = pattern
        .split('%%')
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.'))
        .join('%');
      const regex = new RegExp(`^${source}$`, 'is');
      const a = value(node.left);
      const hit = Array.isArray(a) ? a.some((item) => regex.test(String(item))) : a !== undefined && a !== null && regex.test(String(a));
      return hit !== node.negate;
    }
    case 'in': {
      const a = value(node.left);
      const hit = node.values.some((v) => equal(a, value(v), isTime(v)));
      return hit !== node.negate;
    }
    case 'null':
      return isEmpty(value(node.left)) !== node.negate;
    case 'between': {
      const a = value(node.left);
      const hint = isTime(node.low) || isTime(node.high);
      const low = compare(a, value(node.low), hint);
      const high = compare(a, value(node.high), hint);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
  }
}

/** Parses a query and checks its fields against the known ones; throws QueryError with SendGrid-like wording. */
export function compile(query: string, known: (field: string) => boolean): Node {
  const tree = parse(query);
  const unknown = fieldsOf(tree).filter((f) => !known(f));
  if (unknown.length) throw new QueryError(`unknown field${unknown.length > 1 ? 's' : ''}: ${[...new Set(unknown)].join(', ')}`);
  return tree;
}
