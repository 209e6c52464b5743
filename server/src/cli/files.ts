/**
 * Which files `mlsd lint` reads: the default search, directories, explicit files and globs. A pattern that
 * matches nothing is an error (ESLint's "No files matching the pattern"), reported by the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
// `import = require` makes esbuild bundle tinyglobby's (and fdir's) CommonJS build: their ESM build calls
// createRequire(import.meta.url), which is undefined in our CommonJS bundle
import tinyglobby = require('tinyglobby');

const { globSync, isDynamicPattern } = tinyglobby;

export const DOC_GLOBS = ['**/*.mlsd.yaml', '**/*.mlsd.yml'];
/** skipped in every search (dot-folders such as .git or .e2e are skipped by `dot: false`) */
const IGNORE = ['**/node_modules/**'];

export function isDesignDocName(p: string): boolean {
  return /\.mlsd\.ya?ml$/i.test(p);
}

export interface Expansion {
  /** absolute paths, in the order of the patterns, each once */
  files: string[];
  /** one message per pattern that matched nothing */
  errors: string[];
}

function docsUnder(dir: string): string[] {
  return globSync(DOC_GLOBS, { cwd: dir, ignore: IGNORE, dot: false, absolute: true, followSymbolicLinks: false })
    .map((f) => path.resolve(f))
    .sort();
}

export function expandPatterns(patterns: string[], cwd: string): Expansion {
  const files: string[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const add = (list: string[]) => {
    for (const f of list) {
      if (!seen.has(f)) {
        seen.add(f);
        files.push(f);
      }
    }
  };

  if (!patterns.length) {
    const found = docsUnder(cwd);
    if (!found.length) errors.push(`No design docs (*.mlsd.yaml, *.mlsd.yml) were found under ${cwd}.`);
    add(found);
    return { files, errors };
  }

  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
      // a dangling or looping symlink exists but cannot be read: lint it, so the read error names it
      try {
        if (fs.lstatSync(abs).isSymbolicLink()) {
          add([abs]);
          continue;
        }
      } catch {
        // does not exist at all: a pattern, or an error below
      }
    }
    if (stat?.isDirectory()) {
      const found = docsUnder(abs);
      if (!found.length)
        errors.push(`No design docs (*.mlsd.yaml, *.mlsd.yml) were found in the directory "${pattern}".`);
      add(found);
    } else if (stat) {
      add([abs]); // an explicit file is linted whatever its name (and a read error is reported later)
    } else if (isDynamicPattern(pattern)) {
      const posix = pattern.replace(/\\/g, '/');
      // `docs/**` or `docs/*` names no file type: it means the design docs there; `docs/*.yaml` means every match
      const last = posix.split('/').pop() ?? '';
      const docsOnly = !last.includes('.');
      let found = globSync(posix, {
        cwd,
        ignore: IGNORE,
        dot: false,
        absolute: true,
        followSymbolicLinks: false,
        expandDirectories: false,
      });
      if (docsOnly) found = found.filter(isDesignDocName);
      found = found.map((f) => path.resolve(f)).sort();
      if (!found.length) errors.push(`No files matching the pattern "${pattern}" were found.`);
      add(found);
    } else {
      errors.push(`No files matching the pattern "${pattern}" were found.`);
    }
  }
  return { files, errors };
}
