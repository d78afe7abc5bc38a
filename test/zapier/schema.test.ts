// The compiled app against zapier-platform's own schema: what `zapier-platform validate` checks
// locally, step by step, and the core version the app declares.
import { app, definition } from './app';
import { installedCoreVersion, schemaTools, stepSchema } from './core';
import type { StepDef } from './rules';

const KINDS = [
  ['triggers', 'TriggerSchema'],
  ['creates', 'CreateSchema'],
  ['searches', 'SearchSchema'],
] as const;

const steps = KINDS.flatMap(([kind, schema]) =>
  Object.entries((definition()[kind] ?? {}) as Record<string, StepDef>).map(([key, step]) => [`${kind}.${key}`, schema, step] as const),
);

describe('zapier-platform schema', () => {
  it('core validateApp finds no errors in the compiled app', () => {
    expect(schemaTools.validateApp(schemaTools.compileApp(app))).toEqual([]);
  });

  it('has steps to check (the build is not empty)', () => {
    expect(steps.length).toBeGreaterThan(0);
    expect(Object.keys(app.creates ?? {})).toContain('send_email');
  });

  it.each(steps)('%s is accepted by its %s', (_path, schema, step) => {
    expect(
      stepSchema(schema)
        .validate(step)
        .errors.map((e) => `${e.property}: ${e.message}`),
    ).toEqual([]);
  });

  // The validators are live: the same call reports a step that breaks the schema.
  it.each(KINDS)('%s: the %s rejects a step without noun, display or operation', (_kind, schema) => {
    expect(stepSchema(schema).validate({ key: 'not a key!' }).errors.length).toBeGreaterThan(0);
  });

  it.each(steps.filter(([, , step]) => !step.display.hidden))('%s (visible) has a non-empty sample object', (_path, _schema, step) => {
    const sample = step.operation.sample;
    expect(sample).toEqual(expect.any(Object));
    expect(Array.isArray(sample)).toBe(false);
    expect(Object.keys(sample as object).length).toBeGreaterThan(0);
  });

  it('declares the installed zapier-platform-core version as platformVersion', () => {
    expect(installedCoreVersion()).toMatch(/^\d+\.\d+\.\d+/);
    expect(app.platformVersion).toBe(installedCoreVersion());
  });
});
