/**
 * `mlsd/render`: the render model (and its HTML / Markdown) of one analysed doc version. Built from the
 * cached `Analysis` and memoized per analysis object, so asking again for an unchanged doc costs nothing.
 */
import { renderModel, type RenderModel, toHtml, toMarkdown } from '../engine/render';
import type { Analysis } from '../lint/analysis';
import type { RenderFormat, RenderResult } from '../protocol';
import { scorecardOf } from './scorecard';

const models = new WeakMap<Analysis, RenderModel>();
const results = new WeakMap<Analysis, Map<RenderFormat, RenderResult>>();

export function renderModelOf(a: Analysis): RenderModel {
  let m = models.get(a);
  if (!m) {
    m = renderModel({ doc: a.doc, findings: a.lint.findings, options: a.config.options, scorecard: scorecardOf(a) });
    models.set(a, m);
  }
  return m;
}

export function render(a: Analysis, format: RenderFormat = 'model'): RenderResult {
  let byFormat = results.get(a);
  if (!byFormat) {
    byFormat = new Map();
    results.set(a, byFormat);
  }
  let r = byFormat.get(format);
  if (!r) {
    const m = renderModelOf(a);
    const base = { uri: a.uri, version: a.version, format };
    r =
      format === 'html'
        ? { ...base, text: toHtml(m) }
        : format === 'markdown'
          ? { ...base, text: toMarkdown(m) }
          : { ...base, model: m as unknown as Record<string, unknown> };
    byFormat.set(format, r);
  }
  return r;
}
