// Transactional templates and their versions, on both faces: the requests SendGrid gets, and bad input refused before any.
import { callMcp, countRequests, sendgrid, textOf, zapier } from './helpers';

const DYNAMIC = 'd-2c214ac919e84170b21855cc129b4a5f';
const LEGACY = '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b';
const VERSION = '6e2b4a1c-3d5f-4e7a-9b8c-0d1e2f3a4b5c';

const version = (fields: Record<string, unknown> = {}) => ({
  id: VERSION,
  template_id: DYNAMIC,
  active: 1,
  name: 'Spring 2026',
  subject: 'Your order {{order_id}} has shipped',
  updated_at: '2026-03-02 09:41:17',
  editor: 'code',
  ...fields,
});
const template = (fields: Record<string, unknown> = {}) => ({
  id: DYNAMIC,
  name: 'Order Shipped',
  generation: 'dynamic',
  updated_at: '2026-03-02 09:41:17',
  versions: [version(), version({ id: '7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d', active: 0, name: 'Winter', updated_at: '2026-01-05 08:00:00' })],
  ...fields,
});

describe('get_template', () => {
  it('on Zapier, returns the template with its versions and ISO-8601 times', async () => {
    sendgrid().get(`/v3/templates/${DYNAMIC}`).reply(200, template());
    const [found] = await zapier('searches', 'get_template', { template_id: DYNAMIC });
    expect(found.updated_at).toBe('2026-03-02T09:41:17Z');
    expect(found.versions.map((v: { updated_at: string }) => v.updated_at)).toEqual(['2026-03-02T09:41:17Z', '2026-01-05T08:00:00Z']);
  });

  it('on MCP, accepts a legacy UUID id and says which version is active', async () => {
    sendgrid().get(`/v3/templates/${LEGACY}`).reply(200, template({ id: LEGACY, generation: 'legacy' }));
    const result = await callMcp('get_template', { template_id: LEGACY });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toContain(`Template "Order Shipped" (${LEGACY}, legacy) has 2 version(s); the active one is "Spring 2026".`);
  });

  it('reports a template that does not exist as not found', async () => {
    sendgrid().get(`/v3/templates/${DYNAMIC}`).reply(404, { errors: [{ field: null, message: 'Template not found' }] });
    const result = await callMcp('get_template', { template_id: DYNAMIC });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/found nothing at GET \/v3\/templates\/d-2c214ac919e84170b21855cc129b4a5f \(404\)/);
  });

  it.each([['d-123'], ['template-1'], ['d-2c214ac919e84170b21855cc129b4a5f/versions'], ['../scopes']])('refuses the id %s before any request', async (id) => {
    const count = countRequests();
    const result = await callMcp('get_template', { template_id: id });
    expect(textOf(result)).toMatch(/template_id: must be a template id/);
    expect(count()).toBe(0);
  });
});

describe('create_template', () => {
  it('creates a dynamic template unless told otherwise', async () => {
    sendgrid().post('/v3/templates', { name: 'Order Shipped', generation: 'dynamic' }).reply(201, template({ versions: [] }));
    const created = await zapier('creates', 'create_template', { name: ' Order Shipped ' });
    expect(created).toMatchObject({ id: DYNAMIC, updated_at: '2026-03-02T09:41:17Z' });
  });

  it('creates a legacy template on MCP', async () => {
    sendgrid().post('/v3/templates', { name: 'Receipt', generation: 'legacy' }).reply(201, template({ id: LEGACY, name: 'Receipt', generation: 'legacy', versions: [] }));
    const result = await callMcp('create_template', { name: 'Receipt', generation: 'legacy' });
    expect(textOf(result)).toContain(`Created legacy template "Receipt" (id ${LEGACY}).`);
  });

  it('refuses a name over 100 characters or an unknown generation before any request', async () => {
    const count = countRequests();
    await expect(zapier('creates', 'create_template', { name: 'x'.repeat(101) })).rejects.toThrow(/name: Too big/);
    const result = await callMcp('create_template', { name: 'Receipt', generation: 'modern' });
    expect(textOf(result)).toMatch(/generation: Invalid option/);
    expect(count()).toBe(0);
  });
});

describe('duplicate_template', () => {
  it('posts the new name to the template and returns the copy', async () => {
    sendgrid().post(`/v3/templates/${DYNAMIC}`, { name: 'Order Shipped (copy)' }).reply(201, template({ id: 'd-8f1b3c5d7e9f4a1b3c5d7e9f1a3b5c7d', name: 'Order Shipped (copy)' }));
    const copy = await zapier('creates', 'duplicate_template', { template_id: DYNAMIC, name: 'Order Shipped (copy)' });
    expect(copy).toMatchObject({ id: 'd-8f1b3c5d7e9f4a1b3c5d7e9f1a3b5c7d', name: 'Order Shipped (copy)' });
    sendgrid().post(`/v3/templates/${LEGACY}`, { name: 'Receipt v2' }).reply(201, template({ id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d', name: 'Receipt v2', generation: 'legacy' }));
    const result = await callMcp('duplicate_template', { template_id: LEGACY, name: 'Receipt v2' });
    expect(textOf(result)).toContain(`Duplicated template ${LEGACY} as "Receipt v2" (id 2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d).`);
  });

  it('refuses a copy without a name', async () => {
    const count = countRequests();
    const result = await callMcp('duplicate_template', { template_id: DYNAMIC });
    expect(textOf(result)).toMatch(/name: is required/);
    expect(count()).toBe(0);
  });
});

describe('delete_template', () => {
  it('deletes the template on both faces', async () => {
    sendgrid().delete(`/v3/templates/${DYNAMIC}`).reply(204);
    await expect(zapier('creates', 'delete_template', { template_id: DYNAMIC })).resolves.toEqual({ id: DYNAMIC, deleted: true });
    sendgrid().delete(`/v3/templates/${LEGACY}`).reply(204);
    const result = await callMcp('delete_template', { template_id: LEGACY });
    expect(result.structuredContent).toEqual({ id: LEGACY, deleted: true });
  });

  it('reports a missing template as not found, not as deleted', async () => {
    sendgrid().delete(`/v3/templates/${DYNAMIC}`).reply(404, { errors: [{ field: null, message: 'Template not found' }] });
    await expect(zapier('creates', 'delete_template', { template_id: DYNAMIC })).rejects.toThrow(/found nothing/);
  });
});

describe('create_template_version', () => {
  it('on Zapier, sends test data given as JSON text unchanged, keeps a given plain text, and activates from "true"', async () => {
    let body: unknown;
    sendgrid().post(`/v3/templates/${DYNAMIC}/versions`, (b) => ((body = b), true)).reply(201, version());
    const created = await zapier('creates', 'create_template_version', {
      template_id: DYNAMIC,
      name: 'Spring 2026',
      subject: 'Your order {{order_id}} has shipped',
      html_content: '<p>Hi {{first_name}}</p>',
      plain_content: 'Hi {{first_name}}',
      editor: 'code',
      test_data: '{"first_name": "Ada", "order_id": "1042"}',
      active: 'true',
      generate_plain_content: '',
    });
    expect(body).toEqual({
      name: 'Spring 2026',
      subject: 'Your order {{order_id}} has shipped',
      html_content: '<p>Hi {{first_name}}</p>',
      plain_content: 'Hi {{first_name}}',
      // Without it SendGrid would replace the plain text with one generated from the HTML.
      generate_plain_content: false,
      editor: 'code',
      test_data: '{"first_name": "Ada", "order_id": "1042"}',
      active: 1,
    });
    expect(created.updated_at).toBe('2026-03-02T09:41:17Z');
  });

  it('on MCP, sends test data given as an object as JSON text, and an inactive version as 0', async () => {
    let body: unknown;
    sendgrid().post(`/v3/templates/${DYNAMIC}/versions`, (b) => ((body = b), true)).reply(201, version({ active: 0 }));
    const result = await callMcp('create_template_version', {
      template_id: DYNAMIC,
      name: 'Spring 2026',
      subject: 'Shipped',
      html_content: '<p>Hi</p>',
      test_data: { first_name: 'Ada', order: { id: 1042 } },
      active: false,
    });
    expect(result.isError).toBeFalsy();
    expect(body).toEqual({ name: 'Spring 2026', subject: 'Shipped', html_content: '<p>Hi</p>', test_data: '{"first_name":"Ada","order":{"id":1042}}', active: 0 });
    expect(textOf(result)).toContain(`Created version "Spring 2026" (id ${VERSION}) of template ${DYNAMIC}.`);
  });

  it.each([
    ['test data that is not JSON', { test_data: '{first_name: Ada}' }, /test_data: is not valid JSON/],
    ['test data that is a JSON list', { test_data: '[1, 2]' }, /test_data: must be a JSON object/],
    ['test data on a legacy template', { template_id: LEGACY, test_data: { a: 1 } }, /test_data: applies to dynamic templates/],
    ['plain text with generated plain text', { plain_content: 'Hi', generate_plain_content: true }, /generate_plain_content: cannot be yes when a plain-text body is given/],
    ['a subject over 255 characters', { subject: 's'.repeat(256) }, /subject: Too big/],
    ['no subject', { subject: undefined }, /subject: is required/],
    ['an unknown editor', { editor: 'wysiwyg' }, /editor: Invalid option/],
    ['an unknown field', { html: '<p>Hi</p>' }, /html: is not a known field/],
  ])('refuses %s before any request', async (_name, change, message) => {
    const count = countRequests();
    const result = await callMcp('create_template_version', { template_id: DYNAMIC, name: 'v1', subject: 'Hi', ...change });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
    expect(count()).toBe(0);
  });
});

describe('update_template_version', () => {
  it('sends only the fields given', async () => {
    sendgrid().patch(`/v3/templates/${DYNAMIC}/versions/${VERSION}`, { subject: 'Shipped: {{order_id}}' }).reply(200, version({ subject: 'Shipped: {{order_id}}' }));
    const updated = await zapier('creates', 'update_template_version', { template_id: DYNAMIC, version_id: VERSION, subject: 'Shipped: {{order_id}}', name: '' });
    expect(updated.subject).toBe('Shipped: {{order_id}}');
    sendgrid().patch(`/v3/templates/${DYNAMIC}/versions/${VERSION}`, { test_data: '{"first_name":"Grace"}', active: 1 }).reply(200, version());
    const result = await callMcp('update_template_version', { template_id: DYNAMIC, version_id: VERSION, test_data: { first_name: 'Grace' }, active: true });
    expect(textOf(result)).toContain(`Updated version "Spring 2026" (id ${VERSION}) of template ${DYNAMIC}.`);
  });

  it('refuses an update that changes nothing, or a version id that is not a UUID', async () => {
    const count = countRequests();
    const nothing = await callMcp('update_template_version', { template_id: DYNAMIC, version_id: VERSION });
    expect(textOf(nothing)).toMatch(/give at least one field to change: name, subject, html_content/);
    const badId = await callMcp('update_template_version', { template_id: DYNAMIC, version_id: 'v-1', name: 'x' });
    expect(textOf(badId)).toMatch(/version_id: must be a version id, a UUID/);
    expect(count()).toBe(0);
  });
});

describe('activate_template_version', () => {
  it('activates the version on both faces', async () => {
    sendgrid().post(`/v3/templates/${DYNAMIC}/versions/${VERSION}/activate`, (b) => b === undefined || b === '' || Object.keys(b).length === 0).twice().reply(200, version());
    const activated = await zapier('creates', 'activate_template_version', { template_id: DYNAMIC, version_id: VERSION });
    expect(activated).toMatchObject({ id: VERSION, active: 1 });
    const result = await callMcp('activate_template_version', { template_id: DYNAMIC, version_id: VERSION });
    expect(textOf(result)).toContain(`Version "Spring 2026" (id ${VERSION}) is now the active version of template ${DYNAMIC}.`);
  });

  it('names the permission a restricted key lacks', async () => {
    sendgrid().post(`/v3/templates/${DYNAMIC}/versions/${VERSION}/activate`).reply(403, { errors: [{ field: null, message: 'access forbidden' }] });
    await expect(zapier('creates', 'activate_template_version', { template_id: DYNAMIC, version_id: VERSION })).rejects.toThrow(/templates\.versions\.activate\.create/);
  });
});

describe('list_template_versions', () => {
  it('on Zapier, lists the versions of the template chosen in the form, the active one marked', async () => {
    sendgrid().get(`/v3/templates/${DYNAMIC}`).reply(200, template());
    // Zapier hands a dropdown the values of the whole form; the other fields are ignored.
    const versions = await zapier('triggers', 'list_template_versions', { template_id: DYNAMIC, name: 'Spring 2026', subject: 'x' }, { page: 0 });
    expect(versions.map((v: { id: string; label: string }) => [v.id, v.label])).toEqual([
      [VERSION, 'Spring 2026 (active)'],
      ['7f3b2c1d-9e8a-4b6c-a5d4-3e2f1a0b9c8d', 'Winter'],
    ]);
  });

  it('lists nothing, and asks nothing, before a template is chosen', async () => {
    const count = countRequests();
    await expect(zapier('triggers', 'list_template_versions', {}, { page: 0 })).resolves.toEqual([]);
    const result = await callMcp('list_template_versions', {});
    expect(textOf(result)).toContain('No template chosen, so no versions.');
    expect(count()).toBe(0);
  });
});
