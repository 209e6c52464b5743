/**
 * `mlsd export <doc> --format markdown|html [-o FILE]`: lints the doc with its config (the same search as
 * `mlsd lint`), builds the engine's render model and writes it as Markdown or one self-contained HTML
 * file. The findings are part of the export, so they never change the exit code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderModel, toHtml, toMarkdown } from '../engine/render';
import { analyze, lint } from '../lint/engine';
import { pathToUri } from '../lint/uri';
import type { CliOptions } from './args';
import { CliConfigs, display } from './configs';

export type ExportResult = { ok: true; text: string; written?: string } | { ok: false; error: string };

/** Renders `opts.exportDoc`; with `--output-file`, writes it there (creating folders). */
export function exportDoc(opts: CliOptions, cwd: string): ExportResult {
  const file = path.resolve(cwd, opts.exportDoc!);
  const label = display(file, cwd);
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e?.code === 'ENOENT' ? 'no such file' : e?.code === 'EISDIR' ? 'it is a directory' : e?.message;
    return { ok: false, error: `Cannot read ${label}: ${why}` };
  }
  const configs = new CliConfigs(opts, cwd);
  const config = configs.errors.length ? undefined : configs.forFile(file).config;
  if (!config || configs.errors.length)
    return {
      ok: false,
      error: configs.errors.map((e) => `configuration error in ${e.source}: ${e.message}`).join('\n'),
    };
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  const doc = analyze(text, pathToUri(file));
  const findings = lint(doc, config).findings;
  const format = opts.format === 'html' ? 'html' : 'markdown';
  const model = renderModel({ doc, findings, options: config.options, svg: format === 'html' });
  const out = format === 'html' ? toHtml(model) : toMarkdown(model);
  if (opts.outputFile === undefined) return { ok: true, text: out };
  const target = path.resolve(cwd, opts.outputFile);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, out);
  } catch (err) {
    return { ok: false, error: `Cannot write ${opts.outputFile}: ${(err as Error).message}` };
  }
  return { ok: true, text: out, written: display(target, cwd) };
}
