// The Zapier app as the build ships it (dist/index.js): the steps as the build wrote them, each loading
// its own operation module when it first runs, so a cold start pays for one operation, not a hundred.
// `virtual:` modules are made by build.mjs: the written steps, and one loader per operation file.
import type { App, Create, Search, Trigger } from 'zapier-platform-core';
import { byKey, lazyStep, type StepData } from './lib/zapier';
import loaders from 'virtual:operation-loaders';
import steps from 'virtual:zapier-steps';
import shell from './zapier-shell';

const lazy = (data: StepData) => {
  const load = loaders[data.definition.key];
  if (!load) throw new Error(`No operation file for the step ${data.definition.key}.`);
  return lazyStep(data, load);
};

export default {
  ...shell,
  triggers: byKey(steps.triggers.map(lazy)),
  creates: byKey(steps.creates.map(lazy)),
  searches: byKey(steps.searches.map(lazy)),
  searchOrCreates: byKey(steps.searchOrCreates),
} as App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;
