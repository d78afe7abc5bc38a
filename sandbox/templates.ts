// Transactional templates (legacy and dynamic) and their versions, one of them active.
import { randomBytes, randomUUID } from 'node:crypto';
import { resource } from './resources';
import { bad, boolean, integer, noContent, notFound, objectBody, ok, text, type Json, type Route } from './respond';
import type { Sandbox } from './server';
import { templateTime } from './seed';
import type { SandboxState } from './state';

type Template = SandboxState['templates'][number];
const now = (sandbox: Sandbox) => templateTime(sandbox.now());

const versionSummary = (v: Json) => {
  const { test_data: _t, warnings: _w, ...summary } = v;
  return summary;
};
const templateView = (t: Template) => ({ id: t.id, name: t.name, generation: t.generation, updated_at: t.updated_at, versions: t.versions.map(versionSummary) });

function findTemplate(state: SandboxState, id: string) {
  return state.templates.find((t) => t.id === id) ?? notFound('template not found', 'template_id');
}

function findVersion(template: Template, id: string) {
  return template.versions.find((v) => v.id === id) ?? notFound('version not found', 'version_id');
}

/** Sets a version's fields from a body; `required` for a new version. */
function versionFields(template: Template, version: Json, body: Json, required: boolean) {
  const name = text(body, 'name', { required, max: 100 });
  const subject = text(body, 'subject', { required: required && template.generation === 'legacy', max: 255 });
  const html = text(body, 'html_content', { max: 1_048_576 });
  const plain = text(body, 'plain_content', { max: 1_048_576 });
  const active = integer(body, 'active', { min: 0, max: 1 });
  const generate = boolean(body, 'generate_plain_content');
  const editor = body.editor;
  if (editor !== undefined && editor !== 'code' && editor !== 'design') bad('editor must be code or design', 'editor');
  const testData = text(body, 'test_data');
  if (template.generation === 'legacy') {
    // Legacy templates wrap the mail's own content, so they must say where it goes.
    if (html !== undefined && !html.includes('<%body%>')) bad('The html_content must contain the <%body%> tag.', 'html_content');
    if (plain !== undefined && !plain.includes('<%body%>')) bad('The plain_content must contain the <%body%> tag.', 'plain_content');
  }
  Object.assign(version, {
    ...(name !== undefined ? { name } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(html !== undefined ? { html_content: html } : {}),
    ...(plain !== undefined ? { plain_content: plain } : {}),
    ...(generate !== undefined ? { generate_plain_content: generate } : {}),
    ...(editor !== undefined ? { editor } : {}),
    ...(testData !== undefined ? { test_data: testData } : {}),
  });
  if (active !== undefined) activate(template, version, active);
}

function activate(template: Template, version: Json, active = 1) {
  if (active === 1) for (const v of template.versions) v.active = 0;
  version.active = active;
}

const templates = resource<Template>({
  path: '/v3/templates',
  itemPath: '/v3/templates/:id',
  items: (s) => s.templates,
  id: (t) => t.id,
  notFound: 'template not found',
  list: {
    paging: 'token',
    max: 200,
    sizeRequired: true,
    filter(items, { query }) {
      const generations = (query.get('generations') ?? 'legacy').split(',').map((g) => g.trim());
      if (!generations.every((g) => g === 'legacy' || g === 'dynamic')) bad('generations must be legacy, dynamic or legacy,dynamic', 'generations');
      return items.filter((t) => generations.includes(t.generation));
    },
  },
  create: {
    status: 201,
    build(body, sandbox) {
      const name = text(body, 'name', { required: true, max: 100 })!;
      const generation = body.generation ?? 'legacy';
      if (generation !== 'legacy' && generation !== 'dynamic') bad('generation must be legacy or dynamic', 'generation');
      if (sandbox.state.templates.length >= 300) bad('you have reached the limit of 300 templates', 'name');
      const id = generation === 'dynamic' ? `d-${randomBytes(16).toString('hex')}` : randomUUID();
      return { id, name, generation: generation as Template['generation'], updated_at: now(sandbox), versions: [] };
    },
  },
  get: true,
  update: {
    status: 200,
    apply(template, body, sandbox) {
      const name = text(body, 'name', { max: 100 });
      if (name !== undefined) template.name = name;
      template.updated_at = now(sandbox);
    },
  },
  remove: { status: 204 },
  view: templateView,
});

const versionView = (v: Json) => v;

export const templateRoutes: Route[] = [
  ...templates,
  {
    // Duplicate: a new template with copies of every version.
    method: 'POST',
    path: '/v3/templates/:id',
    handle({ params, body }, sandbox) {
      const source = findTemplate(sandbox.state, params.id!);
      const input = body === undefined ? {} : objectBody(body);
      const name = text(input, 'name', { max: 100 }) ?? `Duplicate: ${source.name}`.slice(0, 100);
      const id = source.generation === 'dynamic' ? `d-${randomBytes(16).toString('hex')}` : randomUUID();
      const copy: Template = { id, name, generation: source.generation, updated_at: now(sandbox), versions: source.versions.map((v) => ({ ...v, id: randomUUID(), template_id: id, updated_at: now(sandbox) })) };
      sandbox.state.templates.push(copy);
      return ok(templateView(copy), 201);
    },
  },
  {
    method: 'POST',
    path: '/v3/templates/:id/versions',
    handle({ params, body }, sandbox) {
      const template = findTemplate(sandbox.state, params.id!);
      const version: Json = { id: randomUUID(), template_id: template.id, active: 0, generate_plain_content: true, editor: 'code', thumbnail_url: '', updated_at: now(sandbox) };
      versionFields(template, version, objectBody(body), true);
      if (!template.versions.length && objectBody(body).active === undefined) version.active = 1;
      if (template.versions.length >= 300) bad('a template can have at most 300 versions', 'name');
      template.versions.push(version);
      template.updated_at = now(sandbox);
      return ok(versionView(version), 201);
    },
  },
  {
    method: 'GET',
    path: '/v3/templates/:id/versions/:version_id',
    handle({ params }, { state }) {
      return ok(versionView(findVersion(findTemplate(state, params.id!), params.version_id!)));
    },
  },
  {
    method: 'PATCH',
    path: '/v3/templates/:id/versions/:version_id',
    handle({ params, body }, sandbox) {
      const template = findTemplate(sandbox.state, params.id!);
      const version = findVersion(template, params.version_id!);
      versionFields(template, version, objectBody(body), false);
      version.updated_at = template.updated_at = now(sandbox);
      return ok(versionView(version));
    },
  },
  {
    method: 'DELETE',
    path: '/v3/templates/:id/versions/:version_id',
    handle({ params }, { state }) {
      const template = findTemplate(state, params.id!);
      const version = findVersion(template, params.version_id!);
      template.versions.splice(template.versions.indexOf(version), 1);
      return noContent();
    },
  },
  {
    method: 'POST',
    path: '/v3/templates/:id/versions/:version_id/activate',
    handle({ params }, sandbox) {
      const template = findTemplate(sandbox.state, params.id!);
      const version = findVersion(template, params.version_id!);
      activate(template, version);
      version.updated_at = template.updated_at = now(sandbox);
      return ok(versionView(version));
    },
  },
];

/** The active version of a template, for mail sent with it. */
export const activeVersion = (state: SandboxState, id: string) => state.templates.find((t) => t.id === id)?.versions.find((v) => v.active === 1);
