// Build step: writes every Zapier step but its functions (dist/zapier-steps.json), so that the
// shipped app need not build a hundred schemas and forms at every cold start.
import { writeFileSync } from 'node:fs';
import creates from './creates';
import dropdowns from './dynamic-fields';
import { stepData, toSearchOrCreate, type StepData } from './lib/zapier';
import searches from './searches';
import triggers from './triggers';

export interface ZapierSteps {
  triggers: StepData[];
  creates: StepData[];
  searches: StepData[];
  searchOrCreates: ReturnType<typeof toSearchOrCreate>[];
}

const steps: ZapierSteps = {
  triggers: [...triggers.map((op) => stepData(op, 'trigger')), ...dropdowns.map((op) => stepData(op, 'trigger', true))],
  creates: creates.map((op) => stepData(op, 'create')),
  searches: searches.map((op) => stepData(op, 'search')),
  searchOrCreates: searches.filter((op) => op.zapier?.searchOrCreate).map(toSearchOrCreate),
};

writeFileSync(process.argv[2] ?? 'dist/zapier-steps.json', JSON.stringify(steps));
