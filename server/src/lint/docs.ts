/**
 * Where the rule documentation lives: `docs/rules/<ID>.md` inside the installed package (the .vsix and
 * the npm package ship `docs/`). Links are `file:` URIs so they work offline and match the version.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToUri } from './uri';

let cachedRoot: string | undefined;

/** The package root: the nearest folder above this module with the mlsd package.json. */
export function packageRoot(from = __dirname): string {
  if (cachedRoot && from === __dirname) return cachedRoot;
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const pj = path.join(dir, 'package.json');
    try {
      if (fs.existsSync(pj) && JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'mlsd') {
        if (from === __dirname) cachedRoot = dir;
        return dir;
      }
    } catch {
      // unreadable package.json: keep walking up
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.resolve(from, '..');
}

export function ruleDocsPath(id: string, root = packageRoot()): string {
  return path.join(root, 'docs', 'rules', `${id}.md`);
}

export function ruleDocsUri(id: string, root = packageRoot()): string {
  return pathToUri(ruleDocsPath(id, root));
}
