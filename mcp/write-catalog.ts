// Build step: writes the tool catalog the server lists (dist/catalog.json), so the server need not
// build a hundred JSON Schemas at every start.
import { writeFileSync } from 'node:fs';
import operations from '../operations';
import { catalogData } from './catalog';

writeFileSync(process.argv[2] ?? 'dist/catalog.json', JSON.stringify(catalogData(operations)));
