// How the built CLI chooses its backend: a real key, the sandbox, or a clear refusal.
import { cleanEnv, killAll, requireBuild, spawnCli } from './processes';

jest.setTimeout(20_000);

beforeAll(requireBuild);
afterAll(killAll);

const STARTED = /^sendgrid-mcp: \d+ tools over stdio, backed by (.*)$/m;

describe('choosing a backend', () => {
  it('exits with code 2, naming SENDGRID_API_KEY, when there is no key and no --sandbox', async () => {
    const run = spawnCli([]);
    expect(await run.exited).toBe(2);
    expect(run.stderr.text).toContain('SENDGRID_API_KEY is not set');
    expect(run.stdout.text).toBe('');
  });

  it('uses the sandbox with --sandbox-if-no-key and no key, and exits when stdin closes', async () => {
    const run = spawnCli(['--sandbox-if-no-key']);
    const [, backend] = await run.stderr.until(STARTED);
    expect(backend).toMatch(/sandbox/);
    // The client closing stdin ends the session; the sandbox's listener must not keep the process up.
    run.child.stdin!.end();
    expect(await run.exited).toBe(0);
  });

  // The control for the case above: with a key, --sandbox-if-no-key must use SendGrid (no request is made at start).
  it('uses SendGrid, not the sandbox, with --sandbox-if-no-key when a key is set', async () => {
    const run = spawnCli(['--sandbox-if-no-key'], cleanEnv({ SENDGRID_API_KEY: 'SG.not-a-real-key.for-a-startup-test' }));
    const [, backend] = await run.stderr.until(STARTED);
    expect(backend).toMatch(/^SendGrid at https:\/\/api\.sendgrid\.com/);
    expect(backend).not.toMatch(/sandbox/);
  });
});
