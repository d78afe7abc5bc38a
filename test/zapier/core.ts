// The zapier-platform tools that judge the app, used as `zapier-platform validate` and the runtime use them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const coreDir = dirname(require.resolve('zapier-platform-core'));

/** The installed core's version. Its exports map blocks require('zapier-platform-core/package.json'), so read the file. */
export const installedCoreVersion = (): string =>
  (JSON.parse(readFileSync(join(coreDir, 'package.json'), 'utf8')) as { version: string }).version;

export interface SchemaError {
  property: string;
  message: string;
}

/** Core's own compile / validate / serialize. validateApp takes a compiled app and returns its errors. */
export const schemaTools = require('zapier-platform-core/src/tools/schema') as {
  compileApp(appRaw: unknown): unknown;
  validateApp(compiledApp: unknown): SchemaError[];
  serializeApp(compiledApp: unknown): Record<string, unknown>;
};

/** A step schema of zapier-platform-schema, resolved from core so it is the very copy core validates with. */
export const stepSchema = (name: 'TriggerSchema' | 'CreateSchema' | 'SearchSchema') =>
  require(require.resolve(`zapier-platform-schema/lib/schemas/${name}`, { paths: [coreDir] })) as {
    validate(definition: unknown): { errors: SchemaError[] };
  };
