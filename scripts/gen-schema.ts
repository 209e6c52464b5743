/** Writes schemas/mlsd.schema.json from the field catalogue (npm run gen:schema). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaText } from '../server/src/engine/schema';
import { rulesIndexMarkdown } from '../server/src/lint/rulesIndex';

const out = path.resolve(__dirname, '../../schemas/mlsd.schema.json');
fs.writeFileSync(out, schemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);

const index = path.resolve(__dirname, '../../docs/rules.md');
fs.writeFileSync(index, rulesIndexMarkdown());
process.stdout.write(`wrote ${path.relative(process.cwd(), index)}\n`);
