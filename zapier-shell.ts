// What the Zapier app is besides its steps: version, authentication, flags and request middleware.
import authentication, { addAuth } from './authentication';
import { dependencies, version } from './package.json';

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
};
