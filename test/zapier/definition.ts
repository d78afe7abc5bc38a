// The shape of a Zapier app definition as the publishing checks read it, and ways to walk it:
// every step, every field (children included) and every string in a sample, each with its path.

type Fn = (...args: never[]) => unknown;

export interface FieldDef {
  key: string;
  label?: string;
  helpText?: string;
  required?: boolean;
  type?: string;
  dynamic?: string;
  search?: string;
  list?: boolean;
  dict?: boolean;
  children?: FieldDef[];
}

export interface OutputFieldDef {
  key: string;
  type?: string;
  required?: boolean;
  primary?: boolean;
}

export interface StepDef {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: {
    type?: string;
    canPaginate?: boolean;
    inputFields?: (FieldDef | Fn)[];
    outputFields?: (OutputFieldDef | Fn)[];
    sample?: unknown;
    perform?: unknown;
    performSubscribe?: unknown;
    performUnsubscribe?: unknown;
    performList?: unknown;
  };
}

export interface AppDef {
  platformVersion?: string;
  authentication?: { type: string; test?: unknown; connectionLabel?: unknown; fields?: FieldDef[] };
  triggers?: Record<string, StepDef>;
  creates?: Record<string, StepDef>;
  searches?: Record<string, StepDef>;
  searchOrCreates?: Record<string, { key: string; display: { label: string; description: string }; search: string; create: string }>;
}

type Kind = 'triggers' | 'creates' | 'searches';
export interface Located<T> {
  path: string;
  item: T;
}

export const show = (value: unknown) => JSON.stringify(value);

export function stepsOf(app: AppDef, kinds: Kind[] = ['triggers', 'creates', 'searches']): Located<StepDef>[] {
  return kinds.flatMap((kind) => Object.entries(app[kind] ?? {}).map(([key, item]) => ({ path: `${kind}.${key}`, item })));
}

/** Static input fields (dynamic-field functions are judged when they run, not here). */
export const staticFields = (step: StepDef) => (step.operation.inputFields ?? []).filter((f): f is FieldDef => typeof f === 'object');

/** A step's fields and their children, each with its path. */
export function fieldsOf(step: Located<StepDef>): Located<FieldDef>[] {
  const walk = (fields: FieldDef[], path: string): Located<FieldDef>[] =>
    fields.flatMap((field) => [{ path: `${path}.${field.key}`, item: field }, ...walk(field.children ?? [], `${path}.${field.key}`)]);
  return walk(staticFields(step.item), `${step.path}.inputFields`);
}

export const authFields = (app: AppDef): Located<FieldDef>[] =>
  (app.authentication?.fields ?? []).map((field) => ({ path: `authentication.fields.${field.key}`, item: field }));

/** Every field a user sees: the connection's and each step's. */
export const everyField = (app: AppDef) => [...authFields(app), ...stepsOf(app).flatMap(fieldsOf)];

/** Every [path, string] inside a sample, however deep. */
export function stringsIn(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${path}.${k}`));
  return [];
}

/** Runs a per-item rule over items and gathers what it reports. */
export const each = <T>(items: Located<T>[], rule: (item: T, path: string) => string | string[] | undefined) =>
  items.flatMap(({ item, path }) => [rule(item, path) ?? []].flat());
