// The COMPILED Zapier app: root index.js, which re-exports dist/index.js (made by `npm run build`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { schemaTools } from './core';
import type { AppDef } from './rules';

export const ROOT = join(__dirname, '..', '..');

// Testing a missing or stale build would prove nothing; say how to make it.
if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/index.js is missing: run `npm run build` before the zapier tests.');

/** What Zapier's runtime loads: `require('.')` at the project root. */
export const app = require('../../index.js') as AppDef;

/** The app as JSON, functions replaced by markers: the definition Zapier receives. */
export const definition = () => schemaTools.serializeApp(schemaTools.compileApp(app)) as unknown as AppDef;
