// Realistic inputs for every operation, run through both faces against the official spec (and, by the
// sandbox tier, against the sandbox). Each operation's cases are in cases/<key>.ts, default-exported;
// contract.test.ts fails for an operation without one.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ContractCase } from './case';

export type { ContractCase } from './case';

const DIR = join(__dirname, 'cases');

export const cases: Record<string, ContractCase[]> = Object.fromEntries(
  readdirSync(DIR)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => [file.replace(/\.ts$/, ''), (require(join(DIR, file)) as { default: ContractCase[] }).default]),
);
