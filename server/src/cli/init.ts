/**
 * `mlsd init`: writes a commented `.mlsdrc.yaml` (the preset, a rules example, every rule option with its
 * default, commented out: generated from `engine/options.ts`) and a first design doc from a template
 * (`engine/templates.ts`, the same templates as the editor's picker). Never overwrites: when either file
 * exists, nothing is written and the command fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { OPTIONS, type OptionSpec } from '../engine/options';
import { SNIPPETS_FILE, expandSnippet, findTemplate, templatesFromText, type DocTemplate } from '../engine/templates';
import { CONFIG_FILE_NAMES } from '../lint/config';
import { packageRoot } from '../lint/docs';

/** The template `mlsd init` uses without `--template`: the seven-step skeleton. */
export const DEFAULT_TEMPLATE = 'blank';
export const CONFIG_FILE = '.mlsdrc.yaml';

/** The templates shipped with mlsd (read from the package's snippets file). */
export function shippedTemplates(root = packageRoot()): DocTemplate[] {
  return templatesFromText(fs.readFileSync(path.join(root, ...SNIPPETS_FILE.split('/')), 'utf8'));
}

/** The file name of the first doc for a template: `design.mlsd.yaml` (blank) or `<id>.mlsd.yaml`. */
export function docFileName(t: DocTemplate): string {
  return t.id === 'blank' ? 'design.mlsd.yaml' : `${t.id}.mlsd.yaml`;
}

/** Wraps text into `# ` comment lines of at most `width` columns, after `indent`. */
function commentLines(text: string, indent: string, width = 100): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + 2 + line.length + 1 + word.length > width) {
      out.push(`${indent}# ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(`${indent}# ${line}`);
  return out;
}

/** The `.mlsdrc.yaml` that `mlsd init` writes. Uncommenting the `options:` block gives the defaults. */
export function configText(): string {
  const lines = [
    '# mlsd configuration. `mlsd lint` and the editor use it for every *.mlsd.yaml in this folder and',
    '# below (the search stops at a folder holding .git). Run `mlsd help lint` for the details.',
    '',
    'extends: recommended # or strict: every info rule becomes a warning',
    '',
    "# A rule's severity, by id or alias: off | hint | info | warning | error (`mlsd rules` lists them,",
    "# `mlsd explain <id>` shows a rule's page).",
    '# rules:',
    '#   MLSD107: off',
    '#   missing-online-metric: error',
    '',
    '# Rule options, with their defaults. Uncomment `options:` and the lines you change.',
    '# options:',
  ];
  for (const o of OPTIONS as readonly OptionSpec[]) {
    lines.push(...commentLines(`${o.description} Read by ${o.rules.join(', ')}.`, '#   '));
    lines.push(`#   ${o.key}: ${o.default}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface InitRequest {
  /** the folder to write into (created when missing) */
  dir: string;
  /** a template id, prefix or label; DEFAULT_TEMPLATE when absent */
  template?: string;
}

export type InitResult =
  | { ok: true; written: string[]; template: DocTemplate }
  | { ok: false; error: string; exists?: boolean };

export function init(req: InitRequest, templates: DocTemplate[] = shippedTemplates()): InitResult {
  const name = req.template ?? DEFAULT_TEMPLATE;
  const template = findTemplate(templates, name);
  if (!template)
    return {
      ok: false,
      error: `Unknown template \`${name}\`; use one of ${templates.map((t) => t.id).join(', ')} (\`mlsd init --list-templates\`).`,
    };
  const config = path.join(req.dir, CONFIG_FILE);
  const doc = path.join(req.dir, docFileName(template));
  const present = [...CONFIG_FILE_NAMES.map((n) => path.join(req.dir, n)), doc].filter((f) => fs.existsSync(f));
  if (present.length)
    return {
      ok: false,
      exists: true,
      error: `${present.map((f) => path.basename(f)).join(' and ')} already exist${present.length === 1 ? 's' : ''} in ${req.dir}; mlsd init does not overwrite files (nothing was written). Remove or rename ${present.length === 1 ? 'it' : 'them'} first, or run it in another folder.`,
    };
  try {
    fs.mkdirSync(req.dir, { recursive: true });
    fs.writeFileSync(config, configText(), { flag: 'wx' });
    fs.writeFileSync(doc, ensureNewline(expandSnippet(template.body)), { flag: 'wx' });
  } catch (err) {
    return { ok: false, error: `Cannot write into ${req.dir}: ${(err as Error).message}` };
  }
  return { ok: true, written: [config, doc], template };
}

/** `mlsd init --list-templates`: one line per template, id first. */
export function templateList(templates: DocTemplate[] = shippedTemplates()): string {
  const w = Math.max(...templates.map((t) => t.id.length));
  return `${templates
    .map(
      (t) =>
        `${t.id.padEnd(w)}  ${t.id === DEFAULT_TEMPLATE ? `${t.label} (default)` : t.label}${t.description ? ` — ${t.description}` : ''}`,
    )
    .join('\n')}\n`;
}

function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
