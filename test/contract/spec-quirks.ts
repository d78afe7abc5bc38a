// Known bugs in Twilio's official spec, corrected in the copy Prism serves. Each names one place in one
// operation and says why SendGrid's real behaviour differs. Prism answers an invalid request with a
// 422 instead of the operation's answer, so merely excusing such a violation would still fail the call:
// the spec itself must accept what SendGrid accepts. Never add one for a request of ours that the
// spec rightly refuses: fix the operation instead.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SpecQuirk {
  /** The spec's own path template and method. */
  path: string;
  method: string;
  why: string;
  fix(operation: Json, pathItem: Json, spec: Json): void;
}

/** What a local $ref points at in the merged spec. */
const deref = (spec: Json, node: Json): Json =>
  node?.$ref ? deref(spec, node.$ref.slice(2).split('/').reduce((at: Json, key: string) => at[key], spec)) : node;

/** The JSON body schema of an operation, its refs followed. */
const bodyOf = (operation: Json, spec: Json): Json => deref(spec, deref(spec, operation.requestBody).content['application/json'].schema);

const DYNAMIC_OR_UUID = '^(d-[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$';

/** Path parameters are declared on the path item or the operation; patch wherever this one is. */
function relaxTemplateId(operation: Json, pathItem: Json) {
  for (const parameter of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])])
    if (parameter.name === 'template_id' && parameter.schema?.format === 'uuid') parameter.schema = { type: 'string', pattern: DYNAMIC_OR_UUID };
}

const templateIdQuirk = (path: string, method: string): SpecQuirk => ({
  path,
  method,
  why: 'template_id is typed as a UUID, but dynamic templates\' ids are "d-" and 32 hex digits (only legacy ones are UUIDs), and SendGrid takes both.',
  fix: relaxTemplateId,
});

export const specQuirks: SpecQuirk[] = [
  {
    path: '/v3/marketing/singlesends/{id}/schedule',
    method: 'put',
    why: 'send_at is documented as a future ISO time or the string "now", but typed format date-time only.',
    fix: (operation, _pathItem, spec) => {
      const body = bodyOf(operation, spec);
      const { format: _format, ...rest } = body.properties.send_at;
      body.properties.send_at = { ...rest, anyOf: [{ format: 'date-time' }, { const: 'now' }] };
    },
  },
  {
    path: '/v3/templates/{template_id}/versions/{version_id}',
    method: 'patch',
    why: "PATCH shares the create body, whose name and subject are required, but SendGrid's PATCH changes only the fields sent (its docs mark none required).",
    // A copy without `required`, for this operation only: creating a version still needs both.
    fix: (operation, _pathItem, spec) => {
      const { required: _required, ...schema } = bodyOf(operation, spec);
      operation.requestBody = { required: true, content: { 'application/json': { schema } } };
    },
  },
  {
    path: '/v3/categories/stats',
    method: 'get',
    why: 'categories is typed as one string, but SendGrid takes up to 10 categories as the parameter repeated (categories=a&categories=b).',
    fix: (operation) => {
      const parameter = operation.parameters.find((p: Json) => p.name === 'categories');
      parameter.schema = { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10 };
      parameter.explode = true;
    },
  },
  {
    path: '/v3/contactdb/recipients/search',
    method: 'post',
    why: "list_id is marked required, but SendGrid's reference calls it optional (it only limits the search to one list); without it the whole contact database is searched.",
    fix: (operation, _pathItem, spec) => {
      const body = bodyOf(operation, spec);
      body.required = body.required.filter((name: string) => name !== 'list_id');
    },
  },
  // Parameters sit on the path item, shared by its methods: one fix per path.
  ...[
    ['/v3/templates/{template_id}', 'get'],
    ['/v3/templates/{template_id}/versions', 'post'],
    ['/v3/templates/{template_id}/versions/{version_id}', 'get'],
    ['/v3/templates/{template_id}/versions/{version_id}/activate', 'post'],
  ].map(([path, method]) => templateIdQuirk(path!, method!)),
];

/** Applies every quirk to a merged spec; a quirk whose place is gone from the spec is an error, so none outlives its bug. */
export function applySpecQuirks(spec: Json, quirks = specQuirks): void {
  for (const quirk of quirks) {
    const pathItem = spec.paths?.[quirk.path];
    const operation = pathItem?.[quirk.method];
    if (!operation) throw new Error(`spec quirk for ${quirk.method.toUpperCase()} ${quirk.path}: no such operation in the spec`);
    quirk.fix(operation, pathItem, spec);
  }
}
