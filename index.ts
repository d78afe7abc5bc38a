// The Zapier app, built from the operation registries (as tests and scripts use it). The build ships
// the same app from zapier-app.ts, whose steps load their operation only when they run.
import type { App, Create, Search, Trigger } from 'zapier-platform-core';
import creates from './creates';
import dropdowns from './dynamic-fields';
import { byKey, toCreate, toSearch, toSearchOrCreate, toTrigger } from './lib/zapier';
import searches from './searches';
import triggers from './triggers';
import shell from './zapier-shell';

export default {
  ...shell,
  triggers: byKey([...triggers.map((op) => toTrigger(op)), ...dropdowns.map((op) => toTrigger(op, { hidden: true }))]),
  creates: byKey(creates.map(toCreate)),
  searches: byKey(searches.map(toSearch)),
  searchOrCreates: byKey(searches.filter((op) => op.zapier?.searchOrCreate).map(toSearchOrCreate)),
} satisfies App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;
