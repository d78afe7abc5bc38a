// Five tiers: unit (nock, source), contract (Prism + Twilio's official spec), mcp (the built server
// over stdio and HTTP), zapier (the compiled app and its zip), sandbox (the embedded SendGrid stand-in).
// `npm test` builds before running them.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2023' }, module: { type: 'commonjs' } }],
};
const tier = (name, extra = {}) => ({
  displayName: name,
  testEnvironment: 'node',
  transform,
  // Source before build output: `../../index` is index.ts here, not the compiled index.js.
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: [`<rootDir>/test/${name}/**/*.test.ts`],
  ...extra,
});

module.exports = {
  projects: [
    tier('unit', { setupFilesAfterEnv: ['<rootDir>/test/unit/setup.ts'] }),
    tier('contract', { globalSetup: '<rootDir>/test/contract/prism.ts', globalTeardown: '<rootDir>/test/contract/prism-stop.ts' }),
    tier('mcp'),
    tier('zapier'),
    // The embedded sandbox: its behaviours, Prism (proxy mode) checking it against the spec, every tool on it.
    tier('sandbox'),
  ],
};
