/**
 * The small HTML pieces that the export (render/html.ts) and the VS Code preview (client/src/previewModel.ts)
 * share: escaping, rule text with code spans, and a step's tables. Types only from the engine, so the client
 * bundle stays small.
 */
import type { Block, RenderModel } from './model';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return String(s)
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Rule messages and explanations carry Markdown code spans: escaped text, spans as <code>. */
export function richText(s: string): string {
  return s
    .split(/(`[^`\n]*`)/g)
    .map((part, i) => (i % 2 ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}

/** How a fields table shows a key: plain code in export; the preview makes it a reveal button. */
export type KeyCell = (row: Extract<Block, { kind: 'fields' }>['rows'][number]) => string;

/** One block of a step (a fields table or a list table), shared by the HTML export and the preview. */
export function blockHtml(
  b: Block,
  keyCell: KeyCell = (r) => `<code>${escapeHtml(r.key)}</code>`,
  headingTag: 'h3' | 'h4' = 'h3',
): string {
  const out: string[] = [];
  if (b.title) out.push(`<${headingTag}><code>${escapeHtml(b.title)}</code></${headingTag}>`);
  if (b.note) out.push(`<blockquote>${escapeHtml(b.note)}</blockquote>`);
  if (b.kind === 'fields') {
    const notes = b.rows.some((r) => r.note);
    out.push(
      `<table class="fields"><thead><tr><th>Key</th><th>Value</th>${notes ? '<th>Why</th>' : ''}</tr></thead><tbody>`,
    );
    for (const r of b.rows)
      out.push(
        `<tr><td>${keyCell(r)}</td><td>${escapeHtml(r.value)}</td>${notes ? `<td class="note">${escapeHtml(r.note ?? '')}</td>` : ''}</tr>`,
      );
  } else {
    out.push(`<table><thead><tr>${b.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of b.rows)
      out.push(
        `<tr>${r.map((c) => `<td>${escapeHtml(c.text)}${c.note ? ` <span class="note">— ${escapeHtml(c.note)}</span>` : ''}</td>`).join('')}</tr>`,
      );
  }
  out.push('</tbody></table>');
  return out.join('\n');
}

/** The figures section: what the rules and inlay hints compute, once. */
export function figuresHtml(figures: RenderModel['figures']): string {
  const out = [
    '<section id="figures"><h2>Figures</h2><table><thead><tr><th>Figure</th><th>Value</th><th>How</th></tr></thead><tbody>',
  ];
  for (const f of figures)
    out.push(
      `<tr><td>${escapeHtml(f.label)}</td><td${f.over ? ' class="over"' : ''}>${escapeHtml(f.value)}</td><td>${escapeHtml(f.detail ?? '')}</td></tr>`,
    );
  out.push('</tbody></table></section>');
  return out.join('\n');
}
