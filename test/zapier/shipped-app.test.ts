// The app the build ships (dist/index.js, from zapier-app.ts) lists its steps from what the build wrote
// and loads each operation only when its step runs. It must be the very app the source builds.
import source from '../../index';
import { app, definition } from './app';
import { schemaTools } from './core';

it('defines exactly what the app built from source defines (the written steps are not stale)', () => {
  expect(definition()).toEqual(schemaTools.serializeApp(schemaTools.compileApp(source)));
});

it('gives every step of the shipped app a perform, and dynamic fields where the source has them', () => {
  for (const kind of ['triggers', 'creates', 'searches'] as const) {
    type Steps = Record<string, { operation: { perform?: unknown; inputFields: unknown[] } }>;
    const steps = (app as unknown as Record<typeof kind, Steps>)[kind];
    const fromSource = (source as unknown as Record<typeof kind, Steps>)[kind];
    expect(Object.keys(steps).sort()).toEqual(Object.keys(fromSource).sort());
    for (const [key, step] of Object.entries(steps)) {
      expect(typeof step.operation.perform).toBe('function');
      const functions = (fields: unknown[]) => fields.filter((f) => typeof f === 'function').length;
      expect({ key, functions: functions(step.operation.inputFields) }).toEqual({ key, functions: functions(fromSource[key]!.operation.inputFields) });
    }
  }
});
