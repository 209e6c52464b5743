/**
 * The design docs of the editor's workspace folders, for workspace-wide linting (server/src/workspaceDocs.ts):
 * every `*.mlsd.yaml` / `*.mlsd.yml` under each folder, without what the user asked the editor to hide or git to
 * ignore. Skipped: `node_modules`, dot-folders (`.git`, `.e2e`, like the CLI's default search), the editor's
 * `files.exclude` globs (relative to the folder, VS Code syntax) and the patterns of every `.gitignore` met on
 * the way (each relative to its own folder, read with the `ignore` package, git's matching rules).
 *
 * A `.gitignore` in a subfolder cannot re-include (`!pattern`) what a parent `.gitignore` ignores; git would let
 * it for files (not for folders). No connection, no `vscode`: unit-testable on temp folders.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
// `import = require`: esbuild then bundles tinyglobby's CommonJS build (see cli/files.ts)
import tinyglobby = require('tinyglobby');
import { isInside } from './config';

const { glob } = tinyglobby;

const DOC_GLOBS = ['**/*.mlsd.yaml', '**/*.mlsd.yml'];
const ALWAYS_SKIPPED = ['**/node_modules/**'];

export function isWorkspaceDocName(p: string): boolean {
  return /\.mlsd\.ya?ml$/i.test(p);
}

/** The `files.exclude` globs that are on (`true`; a `{when: …}` sibling condition is treated as on). */
export function excludeGlobs(filesExclude: unknown): string[] {
  if (!filesExclude || typeof filesExclude !== 'object' || Array.isArray(filesExclude)) return [];
  const out: string[] = [];
  for (const [glob, on] of Object.entries(filesExclude as Record<string, unknown>)) {
    if (!glob.trim() || on === false || on === null || on === undefined) continue;
    const g = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    // a glob that names a folder hides what is inside it too
    out.push(g, `${g}/**`);
  }
  return out;
}

export interface FolderScan {
  /** absolute paths of the design docs, sorted */
  files: string[];
  /** the `.gitignore` files that were applied */
  gitignores: string[];
}

/**
 * The design docs under one workspace folder (see the module comment for what is skipped). Asynchronous: the
 * server keeps answering while a large folder is walked; `signal` stops a walk that a newer scan replaces.
 */
export async function findWorkspaceDocs(
  root: string,
  filesExclude: unknown = {},
  signal?: AbortSignal,
): Promise<FolderScan> {
  const ignoreGlobs = [...ALWAYS_SKIPPED, ...excludeGlobs(filesExclude)];
  let found: string[];
  try {
    found = await glob([...DOC_GLOBS, '**/.gitignore'], {
      cwd: root,
      ignore: ignoreGlobs,
      dot: false,
      absolute: true,
      followSymbolicLinks: false,
      signal,
    });
  } catch {
    return { files: [], gitignores: [] };
  }
  if (signal?.aborted) return { files: [], gitignores: [] };
  const gitignores = found.filter((f) => path.basename(f) === '.gitignore').map((f) => path.resolve(f));
  // dot: false skips dot-files too; the root's own .gitignore is looked up directly
  const rootIgnore = path.join(root, '.gitignore');
  if (!gitignores.includes(rootIgnore) && fs.existsSync(rootIgnore)) gitignores.push(rootIgnore);
  const matchers: { dir: string; ig: Ignore }[] = [];
  for (const g of gitignores) {
    try {
      matchers.push({ dir: path.dirname(g), ig: ignore().add(fs.readFileSync(g, 'utf8')) });
    } catch {
      // unreadable: ignored
    }
  }
  const files = found
    .filter(isWorkspaceDocName)
    .map((f) => path.resolve(f))
    .filter((f) => !matchers.some((m) => isInside(f, m.dir) && m.ig.ignores(toPosix(path.relative(m.dir, f)))))
    .sort();
  return { files, gitignores: matchers.map((m) => path.join(m.dir, '.gitignore')) };
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
