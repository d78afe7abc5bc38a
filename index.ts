// The Zapier app, built from the operation registries. Zapier's runtime loads it through index.js.
import type { App, Create, Search, Trigger } from 'zapier-platform-core';
import authentication, { addAuth } from './authentication';
import creates from './creates';
import dropdowns from './dynamic-fields';
import { byKey, toCreate, toSearch, toSearchOrCreate, toTrigger } from './lib/zapier';
import { dependencies, version } from './package.json';
import searches from './searches';
import triggers from './triggers';

export default {
  version,
  // The core version is pinned exactly in package.json, so this is the version in use.
  platformVersion: dependencies['zapier-platform-core'],
  authentication,
  flags: {
    // Our client handles every status itself: 429 becomes a ThrottledError timed by X-RateLimit-Reset.
    skipThrowForStatus: true,
    throwForThrottlingEarly: false,
    // Every request goes through z.request, which Zapier logs already; patching Node's http and fetch
    // for every run would only add global side effects.
    skipHttpPatch: true,
  },
  beforeRequest: [addAuth],
  triggers: byKey([...triggers.map((op) => toTrigger(op)), ...dropdowns.map((op) => toTrigger(op, { hidden: true }))]),
  creates: byKey(creates.map(toCreate)),
  searches: byKey(searches.map(toSearch)),
  searchOrCreates: byKey(searches.filter((op) => op.zapier?.searchOrCreate).map(toSearchOrCreate)),
} satisfies App<Record<string, Trigger>, Record<string, Create>, Record<string, Search>>;
