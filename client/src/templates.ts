/**
 * Design-doc templates for the extension's **New Design Doc from Template…** picker. The templates and
 * the snippet expansion live in `server/src/engine/templates.ts` (shared with `mlsd init`); this module
 * only reads the extension's snippets file.
 *
 * No `vscode` import: unit-testable with node:test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SNIPPETS_FILE, templatesFromText, type DocTemplate } from '../../server/src/engine/templates';

export * from '../../server/src/engine/templates';

/** Path of the snippets file inside the extension (or the repository). */
export function snippetsPath(extensionRoot: string): string {
  return path.join(extensionRoot, ...SNIPPETS_FILE.split('/'));
}

/** Reads the templates from the extension's (or repository's) snippets file. */
export function loadTemplates(extensionRoot: string): DocTemplate[] {
  return templatesFromText(fs.readFileSync(snippetsPath(extensionRoot), 'utf8'));
}
