/**
 * Every generated file of the repository, computed in memory: `npm run gen` writes them and
 * `test/unit/generated.test.ts` fails naming any file that differs. Adding a generated file = a line here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_SCHEMA_PATH, configSchemaText } from '../../server/src/cli/configSchema';
import { schemaText } from '../../server/src/engine/schema';
import { rulesIndexMarkdown } from '../../server/src/lint/rulesIndex';
import { RULES } from '../../server/src/rules';
import { PAGE_SKELETON, withRuleDocHeader } from './ruleDocs';
import { ruleSnapshots } from './ruleSnapshots';

export const GEN_COMMAND = 'npm run gen';

export interface GeneratedFile {
  /** path relative to the repository root, with `/` */
  file: string;
  text: string;
  /** what it is generated from */
  from: string;
}

/** The repository root, from the compiled `out/scripts/gen/` or the sources' `scripts/gen/`. */
export function repoRoot(dir = __dirname): string {
  return path.resolve(dir, path.basename(path.resolve(dir, '../..')) === 'out' ? '../../..' : '../..');
}

const posix = (p: string) => p.split(path.sep).join('/');

export function generatedFiles(root: string = repoRoot()): GeneratedFile[] {
  const read = (f: string) =>
    fs.existsSync(path.join(root, f)) ? fs.readFileSync(path.join(root, f), 'utf8') : PAGE_SKELETON;
  return [
    { file: 'schemas/mlsd.schema.json', text: schemaText(), from: 'the field catalogue (engine/catalog.ts)' },
    { file: posix(CONFIG_SCHEMA_PATH), text: configSchemaText(), from: 'the rule registry and options' },
    { file: 'docs/rules.md', text: rulesIndexMarkdown(), from: 'the rule registry' },
    ...RULES.map((r) => {
      const file = `docs/rules/${r.meta.id}.md`;
      return { file, text: withRuleDocHeader(read(file), r), from: `the meta of ${r.meta.id} (header block)` };
    }),
    // a rule without a fixture folder has no snapshot yet (rules.test.ts reports the missing fixtures)
    ...ruleSnapshots(root).map((s) => ({
      file: posix(s.file),
      text: s.text,
      from: `the findings of ${s.file.split(/[\\/]/).at(-2)} on its fixtures`,
    })),
  ];
}

/** The generated files whose text on disk differs (or that are missing). */
export function staleFiles(root: string = repoRoot(), files = generatedFiles(root)): GeneratedFile[] {
  return files.filter((g) => {
    const p = path.join(root, g.file);
    return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== g.text;
  });
}
