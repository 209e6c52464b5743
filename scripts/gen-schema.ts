/** Writes schemas/mlsd.schema.json from the field catalogue (npm run gen:schema). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { schemaText } from '../server/src/engine/schema';

const out = path.resolve(__dirname, '../../schemas/mlsd.schema.json');
fs.writeFileSync(out, schemaText());
process.stdout.write(`wrote ${path.relative(process.cwd(), out)}\n`);
