/**
 * The render model as ONE self-contained HTML file: inline CSS and the inline SVG diagram, no script, no
 * remote content (a Content-Security-Policy meta forbids both), every text from the doc escaped; light
 * and dark from `prefers-color-scheme` (the diagram's colours follow the same CSS variables), and a print
 * stylesheet so the browser's Print → PDF gives a clean document.
 */
import { coverageBar } from '../scorecard';
import { blockHtml, escapeHtml, figuresHtml, richText } from './htmlParts';
import type { RenderFinding, RenderModel } from './model';

export { blockHtml, escapeHtml, richText };

const CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d0d7de;--panel:#f6f8fa;
--accent:#0969da;--error:#cf222e;--warning:#9a6700;--ok:#1a7f37;
--vscode-editor-background:var(--bg);--vscode-editor-foreground:var(--fg);--vscode-descriptionForeground:var(--muted);
--vscode-sideBar-background:var(--panel);--vscode-panel-border:var(--border);--vscode-editorLineNumber-foreground:#6e7781;
--vscode-charts-blue:#0969da;--vscode-charts-purple:#8250df;--vscode-charts-green:#1a7f37;--vscode-editorWarning-foreground:#9a6700}
@media (prefers-color-scheme: dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--panel:#151b23;
--accent:#4493f8;--error:#f85149;--warning:#d29922;--ok:#3fb950;--vscode-editorLineNumber-foreground:#8b949e;
--vscode-charts-blue:#4daafc;--vscode-charts-purple:#b180d7;--vscode-charts-green:#89d185;--vscode-editorWarning-foreground:#cca700}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif}
main{max-width:1100px;margin:0 auto;padding:32px 24px 64px}
h1{font-size:1.9em;margin:0 0 .2em}h2{font-size:1.35em;margin:2em 0 .6em;padding-bottom:.25em;border-bottom:1px solid var(--border)}
h3{font-size:1.05em;margin:1.4em 0 .4em}
.meta{color:var(--muted);margin:0 0 1em}.summary{font-size:1.05em}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:var(--panel);padding:.1em .3em;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em;font-size:.92em}
th,td{border:1px solid var(--border);padding:5px 8px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--panel);font-weight:600}
.note{color:var(--muted);font-style:italic}
.fields td:first-child{white-space:nowrap;width:1%}
blockquote{margin:.4em 0 1em;padding:.2em 1em;border-left:3px solid var(--border);color:var(--muted)}
.verdict{display:inline-block;padding:.15em .6em;border-radius:999px;border:1px solid var(--border);font-weight:600}
.verdict.draft{color:var(--error)}.verdict.ready{color:var(--warning)}.verdict.complete{color:var(--ok)}
.bar{font-family:ui-monospace,monospace;letter-spacing:1px;color:var(--accent)}
.diagram{border:1px solid var(--border);border-radius:6px;padding:8px;overflow-x:auto;background:var(--bg)}
.diagram svg{display:block;max-width:100%;height:auto}
.over{color:var(--error);font-weight:600}
.finding{margin:.3em 0 .8em}.finding .sev{font-weight:600}.sev.error{color:var(--error)}.sev.warning{color:var(--warning)}
.sev.info,.sev.hint{color:var(--accent)}.finding p{margin:.2em 0 0 1.2em;color:var(--muted)}
a{color:var(--accent)}
.missing{color:var(--muted);font-style:italic}
@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--border:#999;--panel:#f2f2f2}
body{font-size:11pt}main{max-width:none;padding:0}h2{break-after:avoid}table,.diagram,.finding{break-inside:avoid}
a{color:inherit;text-decoration:none}.diagram{border:none}}
`;

function findingHtml(f: RenderFinding): string {
  return (
    `<div class="finding"><span class="sev ${f.severity}">${f.severity}</span> ` +
    `<a href="${escapeHtml(f.docsUrl)}">${escapeHtml(f.ruleId)}</a> <code>${escapeHtml(f.alias)}</code>, line ${f.line}: ` +
    `${richText(f.message)}${f.explanation ? `<p>${richText(f.explanation)}</p>` : ''}</div>`
  );
}

export function toHtml(m: RenderModel): string {
  const card = m.scorecard;
  const verdictClass = card.verdict === 'complete' ? 'complete' : card.verdict === 'draft' ? 'draft' : 'ready';
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="mlsd export">`,
    `<title>${escapeHtml(m.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${escapeHtml(m.title)}</h1>`,
  ];
  const meta: string[] = [];
  if (m.archetype) meta.push(`archetype <code>${escapeHtml(m.archetype)}</code>`);
  if (m.status) meta.push(`status <code>${escapeHtml(m.status)}</code>`);
  if (m.owners.length) meta.push(`owners: ${m.owners.map(escapeHtml).join(', ')}`);
  if (meta.length) out.push(`<p class="meta">${meta.join(' · ')}</p>`);
  if (m.summary) out.push(`<p class="summary">${escapeHtml(m.summary)}</p>`);

  out.push(
    '<section id="scorecard"><h2>Review scorecard</h2>',
    `<p><span class="verdict ${verdictClass}">${escapeHtml(card.verdict)}</span> readiness <strong>${card.readiness}/100</strong> · ` +
      `${card.stated}/${card.expected} checklist items stated · ${card.errors} errors · ${card.warnings} warnings · ${card.infos} notes</p>`,
    '<table><thead><tr><th>Step</th><th>Stated</th><th>Coverage</th><th>Errors</th><th>Warnings</th><th>Still to state</th></tr></thead><tbody>',
  );
  for (const s of card.steps) {
    const missing = s.items.filter((i) => !i.stated).map((i) => escapeHtml(i.title));
    out.push(
      `<tr><td><a href="#step-${s.step}">${s.step}. ${escapeHtml(s.title)}</a></td><td>${s.stated}/${s.expected}</td>` +
        `<td class="bar" aria-label="${s.stated} of ${s.expected}">${coverageBar(s.stated, s.expected)}</td>` +
        `<td>${s.errors || ''}</td><td>${s.warnings || ''}</td><td>${missing.join('; ') || '—'}</td></tr>`,
    );
  }
  out.push('</tbody></table></section>');

  if (m.diagram.svg)
    out.push('<section id="diagram"><h2>System diagram</h2>', `<div class="diagram">${m.diagram.svg}</div></section>`);

  if (m.figures.length) out.push(figuresHtml(m.figures));

  for (const s of m.steps) {
    out.push(`<section id="step-${s.step}"><h2>${s.step}. ${escapeHtml(s.title)}</h2>`);
    if (s.note) out.push(`<blockquote>${escapeHtml(s.note)}</blockquote>`);
    if (!s.present) out.push('<p class="missing">Not written yet.</p>');
    for (const b of s.blocks) out.push(blockHtml(b));
    out.push('</section>');
  }
  if (m.extra.length) {
    out.push('<section id="extra"><h2>Also in this doc</h2>');
    for (const b of m.extra) out.push(blockHtml(b));
    out.push('</section>');
  }

  out.push('<section id="review-notes"><h2>Review notes</h2>');
  const any = m.docFindings.length || m.steps.some((s) => s.findings.length);
  if (!any) out.push('<p>No findings: mlsd has nothing to add.</p>');
  if (m.docFindings.length) out.push('<h3>Document</h3>', ...m.docFindings.map(findingHtml));
  for (const s of m.steps)
    if (s.findings.length) out.push(`<h3>${s.step}. ${escapeHtml(s.title)}</h3>`, ...s.findings.map(findingHtml));
  out.push('</section>', '</main></body>', '</html>');
  return `${out.join('\n')}\n`;
}
