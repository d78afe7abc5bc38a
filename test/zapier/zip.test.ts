// build/build.zip, the file Zapier deploys: unpacked on its own, it must load the same app, and the
// copy of zapier-platform-core packed inside it must accept that app (Zapier's runtime is that core).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { app, definition, ROOT } from './app';

jest.setTimeout(60_000);

const ZIP = join(ROOT, 'build', 'build.zip');
const decompress = require('zapier-platform-cli/src/utils/decompress') as (zipPath: string, destDir: string) => Promise<unknown>;

/** Run inside the unpacked zip with its own node_modules: load the app, then ask the packed core's handler about it. */
const PROBE = `
const app = require('./index.js');
const { handler } = require('./zapierwrapper.js');
const keys = (steps) => Object.keys(steps || {}).sort();
(async () => {
  // calledFromCli: as \`zapier-platform validate\` calls it, so the handler reports nothing to Zapier's log service.
  const validate = await handler({ command: 'validate', calledFromCli: true });
  const definition = await handler({ command: 'definition', calledFromCli: true });
  process.stdout.write(JSON.stringify({
    core: require.resolve('zapier-platform-core'),
    coreVersion: require('zapier-platform-core').version,
    keys: { triggers: keys(app.triggers), creates: keys(app.creates), searches: keys(app.searches) },
    validate,
    definition,
  }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

interface Probe {
  core: string;
  coreVersion: string;
  keys: Record<'triggers' | 'creates' | 'searches', string[]>;
  validate: { status: string; results: unknown[] };
  definition: { status: string; results: Record<string, unknown> };
}

let dir = '';
let probe: Probe;

beforeAll(async () => {
  // No skipping: a missing zip means the deployable was never checked.
  if (!existsSync(ZIP)) throw new Error(`${ZIP} is missing: run \`npm run zapier:build\` first (npm test does).`);
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'sendgrid-zip-')));
  await decompress(ZIP, dir);
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', PROBE], { cwd: dir, timeout: 45_000, maxBuffer: 16 * 1024 * 1024 });
  probe = JSON.parse(stdout) as Probe;
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const keys = (steps: object | undefined) => Object.keys(steps ?? {}).sort();

describe('build/build.zip', () => {
  it('holds the entry point, the compiled app and the wrapper Zapier calls', () => {
    for (const file of ['index.js', 'dist/index.js', 'zapierwrapper.js', 'definition.json', 'package.json'])
      expect([file, existsSync(join(dir, file))]).toEqual([file, true]);
  });

  it('loads, on its own, an app with the same triggers, creates and searches as the source', () => {
    expect(probe.keys).toEqual({ triggers: keys(app.triggers), creates: keys(app.creates), searches: keys(app.searches) });
    expect(probe.keys.creates.length).toBeGreaterThan(0);
  });

  it('runs its own packed zapier-platform-core, the version the app declares', () => {
    expect(probe.core.startsWith(dir + sep)).toBe(true);
    expect(probe.coreVersion).toBe(app.platformVersion);
  });

  it("is accepted by its own core: the wrapper's validate command returns no errors", () => {
    expect(probe.validate).toEqual({ status: 'SUCCESS', results: [] });
  });

  it("serves, through the wrapper's definition command, the definition built from the current source", () => {
    expect(probe.definition.status).toBe('SUCCESS');
    expect(probe.definition.results).toEqual(definition());
    // definition.json is what `zapier-platform upload` sends; a stale one would describe another app.
    expect(JSON.parse(readFileSync(join(dir, 'definition.json'), 'utf8'))).toEqual(probe.definition.results);
  });
});
