// Zapier's publishing checks that can be judged from the app definition alone (codes are Zapier's).
// Zapier's check service needs the network, so each rule is a small function returning its problems,
// each naming the path and the offending value.
import { ID_WITHOUT_DROPDOWN } from './allow-list';
import { installedCoreVersion } from './core';
import { authFields, each, everyField, fieldsOf, show, staticFields, stepsOf, stringsIn, type AppDef, type FieldDef } from './definition';

export type { AppDef, FieldDef, StepDef } from './definition';

export interface Check {
  code: string;
  rule: string;
  run(app: AppDef): string[] | Promise<string[]>;
}

// ── text helpers ─────────────────────────────────────────────────────────────────────────────────

const WELL_FORMED_LINK = /\[([^[\]]+)\]\(([^()\s]+)\)/g;
const urlsIn = (text: string) => [...text.matchAll(/\bhttps?:\/\/[^\s)\]]+/gi)].map((m) => m[0]);

/** Problems with markdown links: a broken one, one that is not https, or a URL outside any link. */
export function linkProblems(text: string): string[] {
  const problems: string[] = [];
  for (const [, , url] of text.matchAll(WELL_FORMED_LINK)) {
    if (!URL.canParse(url!) || new URL(url!).protocol !== 'https:') problems.push(`link to ${show(url)} is not https`);
  }
  const rest = text.replace(WELL_FORMED_LINK, '');
  if (/\]\s*\(|\[[^\]]*\]\s+\(|\[\]\(/.test(rest) || /\[[^\]]*$/.test(rest)) problems.push(`broken markdown link in ${show(text)}`);
  for (const url of urlsIn(rest)) problems.push(`bare URL ${show(url)}`);
  if (/(^|\s)www\.\S+/i.test(rest)) problems.push(`bare URL in ${show(text)}`);
  return problems;
}

// Small words stay lowercase inside a Title Case label (D018); the first and last word are capitalized.
const SMALL_WORDS = new Set('a an the and but or nor for so yet as at by in of off on per to up via vs'.split(' '));

export function titleCaseProblem(label: string): string | undefined {
  if (label.length < 2 || label.length > 64) return `${show(label)} is not 2–64 characters`;
  const words = label.split(/\s+/);
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/^[("'“]+|[)"'”:,.!?]+$/g, ''); // "(Advanced)" → "Advanced"
    if (!word || /^[\d\W]/.test(word)) continue;
    const inside = i > 0 && i < words.length - 1;
    if (inside && SMALL_WORDS.has(word.toLowerCase())) {
      if (word !== word.toLowerCase()) return `${show(label)}: the small word ${show(word)} should be lowercase`;
    } else if (!/^[A-Z]/.test(word)) return `${show(label)}: ${show(word)} should be capitalized`;
  }
  return undefined;
}

const normalized = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/^(the|a|an) /, '')
    .trim();

// An ISO-8601 date-time with a zone (D023); a calendar date alone (2026-03-02) has no zone to state.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOOKS_LIKE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}|^\d{1,2}\/\d{1,2}\/\d{2,4}|^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d/;
const DATE_KEY = /(_at|_on|_date|_time|^date|^time|^timestamp)$/i;
const lastKey = (path: string) =>
  path
    .replace(/\[\d+\]$/, '')
    .split('.')
    .at(-1) ?? '';

const at = (path: string, problem: string | undefined) => (problem ? `${path}: ${problem}` : undefined);

const isProvided = (value: unknown) => value !== undefined && value !== null && value !== '';

/** A fake key, and every 8-character piece of it: none may show in a connection label. */
export const FAKE_KEY = 'SG.fakeKeyForLabelTest.Qx7Lm2Vb9Rt4Np8Kc3Wd6Zh1Yf5Js0';
const keyPieces = (key: string) => Array.from({ length: key.length - 7 }, (_, i) => key.slice(i, i + 8));

function fakeAuthData(app: AppDef): Record<string, string> {
  const authData: Record<string, string> = {};
  for (const field of app.authentication?.fields ?? []) authData[field.key] = field.type === 'password' ? FAKE_KEY : '';
  return authData;
}

/** What an auth test typically returns about the account, for two different accounts. */
const ACCOUNTS = [
  { id: 101, username: 'ada_lovelace', email: 'ada@example.com', name: 'Ada Lovelace' },
  { id: 202, username: 'grace_hopper', email: 'grace@example.com', name: 'Grace Hopper' },
];

async function labelFor(app: AppDef, inputData: Record<string, unknown>): Promise<string> {
  const label = app.authentication!.connectionLabel;
  const bundle = { authData: fakeAuthData(app), inputData };
  const z = { console, request: () => Promise.reject(new Error('no network in this check')) };
  return String(typeof label === 'function' ? await (label as (z: unknown, b: unknown) => unknown)(z, bundle) : label);
}

// ── the rules ────────────────────────────────────────────────────────────────────────────────────

export const CHECKS: Check[] = [
  {
    code: 'D007-auth',
    rule: 'authentication has a test that needs no configuration, on https',
    run(app) {
      const test = app.authentication?.test;
      if (!test) return ['authentication.test is missing'];
      const url = typeof test === 'object' ? (test as { url?: string }).url : undefined;
      return url !== undefined && !url.startsWith('https://') ? [`authentication.test.url ${show(url)} is not https`] : [];
    },
  },
  {
    code: 'D003',
    rule: 'the connection label identifies the account, is not constant and never shows the key',
    async run(app) {
      const label = app.authentication?.connectionLabel;
      if (typeof label !== 'function' && typeof label !== 'string') return ['authentication.connectionLabel is missing'];
      if (typeof label === 'string') {
        const problems = /\{\{[^}]+\}\}/.test(label) ? [] : [`connection label ${show(label)} is a constant`];
        const secret = (app.authentication?.fields ?? []).find((f) => f.type === 'password' && label.includes(f.key));
        return secret ? [...problems, `connection label ${show(label)} shows ${secret.key}`] : problems;
      }
      const labels = await Promise.all([...ACCOUNTS, {}].map((account) => labelFor(app, account)));
      const problems: string[] = [];
      if (labels[0] === labels[1]) problems.push(`connection label ${show(labels[0])} is the same for two accounts`);
      for (const text of labels) if (!text.trim()) problems.push('connection label is empty');
      for (const text of labels) {
        const leaked = keyPieces(FAKE_KEY).find((piece) => text.includes(piece));
        if (leaked) problems.push(`connection label ${show(text)} contains ${show(leaked)}, part of the API key`);
      }
      return problems;
    },
  },
  {
    code: 'D002',
    rule: 'each auth field has help text with a markdown link to where the credential is found',
    run: (app) =>
      each(authFields(app), (field, path) =>
        field.helpText && /\[[^\]]+\]\(https?:\/\/[^)\s]+\)/.test(field.helpText)
          ? undefined
          : `${path}: help text ${show(field.helpText)} has no markdown link`,
      ),
  },
  {
    code: 'D021',
    rule: 'trigger descriptions start "Triggers when " and end with a period',
    run: (app) =>
      each(stepsOf(app, ['triggers']), (step, path) =>
        /^Triggers when .+\.$/s.test(step.display.description) ? undefined : `${path}: ${show(step.display.description)}`,
      ),
  },
  {
    code: 'D010',
    rule: 'polling trigger samples have an id (or a primary output field)',
    run: (app) =>
      each(stepsOf(app, ['triggers']), (step, path) => {
        if ((step.operation.type ?? 'polling') !== 'polling') return undefined;
        const primary = (step.operation.outputFields ?? []).some((f) => typeof f === 'object' && f.primary);
        const sample = step.operation.sample as Record<string, unknown> | undefined;
        return primary || isProvided(sample?.id) ? undefined : `${path}: sample ${show(sample)} has no id`;
      }),
  },
  {
    code: 'D006/D017',
    rule: 'REST hook triggers have performSubscribe, performUnsubscribe and performList',
    run: (app) =>
      each(stepsOf(app, ['triggers']), (step, path) =>
        step.operation.type !== 'hook'
          ? undefined
          : (['performSubscribe', 'performUnsubscribe', 'performList'] as const)
              .filter((m) => !step.operation[m])
              .map((m) => `${path}: no ${m}`),
      ),
  },
  {
    code: 'D005',
    rule: "every dynamic 'trigger.id.label' names an existing trigger whose sample has the id and label fields",
    run: (app) =>
      each(everyField(app), (field, path) => {
        if (!field.dynamic) return undefined;
        const [triggerKey, idField, labelField] = field.dynamic.split('.');
        const trigger = app.triggers?.[triggerKey!];
        if (!trigger) return `${path}: dynamic ${show(field.dynamic)} names no trigger`;
        if (!idField || !labelField) return `${path}: dynamic ${show(field.dynamic)} lacks an id or label field`;
        const sample = (trigger.operation.sample ?? {}) as Record<string, unknown>;
        return [idField, labelField]
          .filter((k) => !isProvided(sample[k]))
          .map((k) => `${path}: ${show(field.dynamic)}, but the sample of ${triggerKey} has no ${k}`);
      }),
  },
  {
    code: 'dropdown-paging',
    // Whether a list can be long is not in the definition, so each dropdown must state its choice;
    // dropdown-paging.test.ts runs the ones that say true to see that they really page.
    rule: 'dropdown triggers state canPaginate (true where the list can be long)',
    run(app) {
      const dropdowns = new Set(everyField(app).flatMap(({ item }) => (item.dynamic ? [item.dynamic.split('.')[0]!] : [])));
      return each(stepsOf(app, ['triggers']), (step, path) =>
        (dropdowns.has(step.key) || step.display.hidden) && typeof step.operation.canPaginate !== 'boolean'
          ? `${path}: dropdown trigger without canPaginate`
          : undefined,
      );
    },
  },
  {
    code: 'create-description',
    rule: 'create descriptions start with a verb in the third person and end with a period',
    run: (app) =>
      each(stepsOf(app, ['creates']), (step, path) =>
        /^[A-Z][a-z]*[a-rt-z]s\b.*\.$/s.test(step.display.description)
          ? undefined
          : `${path}: ${show(step.display.description.slice(0, 60))}`,
      ),
  },
  {
    code: 'D022',
    rule: 'every create has at least one static input field',
    run: (app) =>
      each(stepsOf(app, ['creates']), (step, path) => (staticFields(step).length ? undefined : `${path}: no static input field`)),
  },
  {
    code: 'search-text',
    rule: 'search labels start "Find", descriptions start "Finds" and end with a period',
    run: (app) =>
      each(stepsOf(app, ['searches']), (step, path) => [
        ...(/^Find\b/.test(step.display.label) ? [] : [`${path}: label ${show(step.display.label)}`]),
        ...(/^Finds\b.*\.$/s.test(step.display.description) ? [] : [`${path}: description ${show(step.display.description)}`]),
      ]),
  },
  {
    code: 'D009',
    rule: 'every search has at least one search field',
    run: (app) =>
      each(stepsOf(app, ['searches']), (step, path) => (step.operation.inputFields?.length ? undefined : `${path}: no input field`)),
  },
  {
    code: 'D014',
    rule: 'a field bound to a search is a plain string, number or integer',
    run: (app) =>
      each(everyField(app), (field, path) =>
        field.search && (!['string', 'number', 'integer', undefined].includes(field.type) || field.list || field.dict || field.children)
          ? `${path}: search-bound field is ${show({ type: field.type, list: field.list, dict: field.dict, children: Boolean(field.children) })}`
          : undefined,
      ),
  },
  {
    code: 'D013/D015',
    rule: 'searchOrCreates name an existing search and create, under the search key',
    run: (app) =>
      Object.entries(app.searchOrCreates ?? {}).flatMap(([key, soc]) => [
        ...(app.searches?.[soc.search] ? [] : [`searchOrCreates.${key}: no search ${show(soc.search)}`]),
        ...(app.creates?.[soc.create] ? [] : [`searchOrCreates.${key}: no create ${show(soc.create)}`]),
        ...(soc.key === soc.search && key === soc.search
          ? []
          : [`searchOrCreates.${key}: key ${show(soc.key)} is not its search ${show(soc.search)}`]),
      ]),
  },
  {
    code: 'D001',
    rule: 'no step input field key looks like a credential',
    run: (app) =>
      each(stepsOf(app).flatMap(fieldsOf), (field, path) =>
        /api[_-]?key|token|secret|passw(or)?d/i.test(field.key) ? `${path}: key ${show(field.key)} looks like a credential` : undefined,
      ),
  },
  {
    code: 'D004',
    rule: 'fields that take an id use a dynamic dropdown (or a search); lists use list: true, not comma-separated text',
    run: (app) =>
      each(stepsOf(app).flatMap(fieldsOf), (field, path) => {
        // Exact paths only, each with its reason: see allow-list.ts.
        if (/(^ids?|_ids?|[a-z]Ids?)$/.test(field.key) && !field.dynamic && !field.search && !(path in ID_WITHOUT_DROPDOWN))
          return `${path}: id field without a dropdown`;
        if (!field.list && /comma[- ]separated|separated by commas/i.test(field.helpText ?? ''))
          return `${path}: comma-separated text instead of list: true`;
        return undefined;
      }),
  },
  {
    code: 'D011',
    rule: 'help text does not repeat the label',
    run: (app) =>
      each(everyField(app), (field, path) =>
        field.helpText && field.label && normalized(field.helpText) === normalized(field.label)
          ? `${path}: help text ${show(field.helpText)} repeats the label`
          : undefined,
      ),
  },
  {
    code: 'D008/D007',
    rule: 'help text is at most 1,000 characters, with no bare URLs and only well-formed https markdown links',
    run: (app) =>
      each(everyField(app), (field, path) => {
        const text = field.helpText ?? '';
        return [
          ...(text.length > 1000 ? [`${path}: help text is ${text.length} characters`] : []),
          ...linkProblems(text).map((p) => `${path}: ${p}`),
        ];
      }),
  },
  {
    code: 'unique-keys',
    rule: 'input field keys are unique within a step, children included',
    run: (app) =>
      each(stepsOf(app), (step, path) => {
        const keys = fieldsOf({ path, item: step }).map(({ item }) => item.key);
        return [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))].map((key) => `${path}: key ${show(key)} is used twice`);
      }),
  },
  {
    code: 'children-depth',
    rule: 'children are one level deep',
    run: (app) =>
      each(stepsOf(app).flatMap(fieldsOf), (field, path) =>
        field.children?.some((child) => child.children) ? `${path}: children have children` : undefined,
      ),
  },
  {
    code: 'required-first',
    rule: 'required fields come before optional ones',
    run(app) {
      const order = (fields: FieldDef[], path: string) => {
        const firstOptional = fields.findIndex((f) => !f.required);
        return fields
          .filter((f, i) => f.required && firstOptional !== -1 && i > firstOptional)
          .map((f) => `${path}: required ${show(f.key)} comes after optional ${show(fields[firstOptional]!.key)}`);
      };
      return [
        ...order(app.authentication?.fields ?? [], 'authentication.fields'),
        ...stepsOf(app).flatMap((step) => [
          ...order(staticFields(step.item), step.path),
          ...fieldsOf(step).flatMap(({ item, path }) => (item.children ? order(item.children, path) : [])),
        ]),
      ];
    },
  },
  {
    code: 'D018',
    rule: 'labels are Title Case, 2–64 characters',
    run: (app) => [
      ...each(stepsOf(app), (step, path) => at(path, titleCaseProblem(step.display.label))),
      ...each(everyField(app), (field, path) => (field.label ? at(path, titleCaseProblem(field.label)) : undefined)),
    ],
  },
  {
    code: 'keys',
    rule: 'keys match ^[a-zA-Z]+[a-zA-Z0-9_]*$ and say what they do',
    run(app) {
      const bad = (key: string) =>
        !/^[a-zA-Z]+[a-zA-Z0-9_]*$/.test(key) || /^(trigger|create|search|action|step|field|input)_?\d*$/i.test(key);
      return [
        ...each(stepsOf(app), (step, path) => (bad(step.key) ? `${path}: key ${show(step.key)}` : undefined)),
        ...each(everyField(app), (field, path) => (bad(field.key) ? `${path}: key ${show(field.key)}` : undefined)),
      ];
    },
  },
  {
    code: 'noun',
    rule: 'the noun is one singular word or a short phrase',
    run: (app) =>
      each(stepsOf(app), (step, path) =>
        step.noun.split(/\s+/).length > 3 || step.noun.length > 30 || /[^s]s$/.test(step.noun)
          ? `${path}: noun ${show(step.noun)}`
          : undefined,
      ),
  },
  {
    code: 'no-zapier',
    rule: 'descriptions do not mention Zapier',
    run: (app) => [
      ...each(stepsOf(app), (step, path) =>
        /zapier/i.test(step.display.description) ? `${path}: description mentions Zapier` : undefined,
      ),
      ...Object.entries(app.searchOrCreates ?? {}).flatMap(([key, soc]) =>
        /zapier/i.test(soc.display.description) ? [`searchOrCreates.${key}: mentions Zapier`] : [],
      ),
    ],
  },
  {
    code: 'D012',
    rule: 'every visible step has a non-empty sample that is one object, not an array',
    run: (app) =>
      each(stepsOf(app), (step, path) => {
        const sample = step.operation.sample;
        if (step.display.hidden) return undefined;
        return sample && typeof sample === 'object' && !Array.isArray(sample) && Object.keys(sample).length
          ? undefined
          : `${path}: sample ${show(sample)}`;
      }),
  },
  {
    code: 'D023',
    rule: 'dates in samples are ISO-8601 with a time zone',
    run: (app) =>
      each(stepsOf(app), (step, path) =>
        stringsIn(step.operation.sample, `${path}.sample`)
          .filter(
            ([where, text]) =>
              (LOOKS_LIKE_DATE_TIME.test(text) || (DATE_KEY.test(lastKey(where)) && !/^\d{4}-\d{2}-\d{2}$/.test(text))) &&
              !ISO_WITH_ZONE.test(text),
          )
          .map(([where, text]) => `${where}: ${show(text)} is not ISO-8601 with a time zone`),
      ),
  },
  {
    code: 'booleans',
    rule: 'booleans in samples are true/false, not text',
    run: (app) =>
      each(stepsOf(app), (step, path) =>
        stringsIn(step.operation.sample, `${path}.sample`)
          .filter(([, text]) => /^(true|false)$/i.test(text))
          .map(([where, text]) => `${where}: ${show(text)} is text, not a boolean`),
      ),
  },
  {
    code: 'D024',
    rule: 'required output fields are in the sample, with matching types',
    run: (app) =>
      each(stepsOf(app), (step, path) =>
        (step.operation.outputFields ?? []).flatMap((field) => {
          if (typeof field !== 'object' || !field.required) return [];
          const value = field.key
            .split('__')
            .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], step.operation.sample);
          if (value === undefined) return [`${path}: required output field ${show(field.key)} is not in the sample`];
          const ok: Record<string, (v: unknown) => boolean> = {
            string: (v) => typeof v === 'string',
            integer: Number.isInteger,
            number: (v) => typeof v === 'number',
            boolean: (v) => typeof v === 'boolean',
            datetime: (v) => typeof v === 'string' && ISO_WITH_ZONE.test(v),
          };
          return field.type && ok[field.type] && !ok[field.type]!(value)
            ? [`${path}: output field ${show(field.key)} is ${show(value)}, not ${field.type}`]
            : [];
        }),
      ),
  },
  {
    code: 'D027',
    rule: 'platformVersion is the zapier-platform-core version installed',
    run: (app) =>
      app.platformVersion === installedCoreVersion()
        ? []
        : [`platformVersion ${show(app.platformVersion)} is not ${installedCoreVersion()}`],
  },
];
