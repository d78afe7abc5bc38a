// Modules build.mjs makes while bundling the shipped Zapier app (zapier-app.ts).
declare module 'virtual:operation-loaders' {
  import type { AnyOperation } from '../lib/operation';
  /** Operation key → its module, loaded on first use. */
  const loaders: Record<string, () => Promise<AnyOperation>>;
  export default loaders;
}

declare module 'virtual:zapier-steps' {
  import type { ZapierSteps } from '../zapier-steps';
  const steps: ZapierSteps;
  export default steps;
}
