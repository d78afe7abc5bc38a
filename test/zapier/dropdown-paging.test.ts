// canPaginate is a promise to Zapier's "Load more" in a dropdown: page 1 brings what page 0 did not.
// The definition cannot show whether a trigger keeps it, so run each one that says canPaginate (the
// compiled app, through core's own handler) against the embedded sandbox, whose lists fit in one page.
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { app } from './app';

type Handler = (event: Record<string, unknown>) => Promise<{ results: { id: unknown }[] }>;
const { createAppHandler } = require('zapier-platform-core') as { createAppHandler(app: unknown): Handler };

let sandbox: Sandbox;
const savedBaseUrl = process.env.SENDGRID_API_BASE_URL;

beforeAll(async () => {
  sandbox = await startSandbox();
  process.env.SENDGRID_API_BASE_URL = sandbox.url;
});

afterAll(async () => {
  if (savedBaseUrl === undefined) delete process.env.SENDGRID_API_BASE_URL;
  else process.env.SENDGRID_API_BASE_URL = savedBaseUrl;
  await sandbox.close();
});

/** One page of a trigger, as Zapier asks for it; cursorTestObj keeps z.cursor local instead of calling Zapier. */
async function page(key: string, number: number) {
  const handler = createAppHandler(app);
  const bundle = { authData: { api_key: 'SG.sandbox', region: 'us' }, inputData: {}, meta: { page: number } };
  const { results } = await handler({
    command: 'execute',
    method: `triggers.${key}.operation.perform`,
    bundle,
    cursorTestObj: {},
    calledFromCli: true,
  });
  return results.map((item) => item.id);
}

const paginated = Object.values(app.triggers ?? {}).filter((trigger) => trigger.operation.canPaginate);

describe('dropdown triggers that declare canPaginate', () => {
  it('exist (so the loop below checks something)', () => {
    expect(paginated.length).toBeGreaterThan(0);
  });

  it.each(paginated.map((trigger) => [trigger.key]))('%s: page 1 repeats nothing from page 0', async (key) => {
    const first = await page(key, 0);
    expect(first.length).toBeGreaterThan(0);
    const second = await page(key, 1);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
  });
});
