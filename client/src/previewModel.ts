/**
 * The preview's webview page and its messages, without `vscode` (unit-testable): the HTML of the page
 * (strict CSP, one nonce'd script, theme from VS Code's CSS variables), the body rendered from the
 * server's render model (`mlsd/render`, format `model`), the messages the page may send, the step at an
 * editor offset (scroll sync) and the request scheduler (debounced, one request in flight, stale
 * answers dropped). preview.ts wires these to the editor.
 */
import * as path from 'node:path';
import { blockHtml, escapeHtml, figuresHtml, type KeyCell, richText } from '../../server/src/engine/render/htmlParts';
import type { RenderFinding, RenderModel, RenderStep } from '../../server/src/engine/render/model';

export { escapeHtml };

/** A random nonce for the page's script and styles (base64 of 16 random bytes). */
export function makeNonce(random: (n: number) => Uint8Array): string {
  return Buffer.from(random(16)).toString('base64');
}

/** The diagram SVG carries its own `<style>`: under the CSP it needs the page's nonce. */
export function withStyleNonce(svg: string, nonce: string): string {
  return svg.replace(/<style(\s[^>]*)?>/g, (_m, attrs: string | undefined) => `<style nonce="${nonce}"${attrs ?? ''}>`);
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A key cell in the preview is a button that reveals the key in the editor. */
const revealKey: KeyCell = (r) =>
  `<button type="button" class="key link" data-offset="${r.span[0]}" title="Reveal ${escapeHtml(r.path)} in the editor"><code>${escapeHtml(r.key)}</code></button>`;

function findingHtml(f: RenderFinding): string {
  return (
    `<li class="finding ${f.severity}">` +
    `<button type="button" class="reveal" data-offset="${f.span[0]}" data-line="${f.line}" data-rule="${escapeHtml(f.ruleId)}" ` +
    `title="Reveal line ${f.line} in the editor">` +
    `<span class="sev ${f.severity}">${f.severity}</span> ` +
    `<span class="rule">${escapeHtml(f.ruleId)}</span> <span class="where">line ${f.line}</span> ` +
    `<span class="msg">${richText(f.message)}</span></button>` +
    `<button type="button" class="docs link" data-docs="${escapeHtml(f.ruleId)}" title="Rule documentation">docs</button>` +
    (f.explanation ? `<p>${richText(f.explanation)}</p>` : '') +
    '</li>'
  );
}

function stepHtml(s: RenderStep): string {
  const out: string[] = [`<section class="step" id="step-${s.step}" data-step="${s.step}">`];
  const heading = `${s.step}. ${escapeHtml(s.title)}`;
  out.push(
    s.span
      ? `<h2><button type="button" class="link heading" data-offset="${s.span[0]}" title="Reveal in the editor">${heading}</button></h2>`
      : `<h2>${heading}</h2>`,
  );
  if (s.note) out.push(`<blockquote>${escapeHtml(s.note)}</blockquote>`);
  if (!s.present) out.push('<p class="missing">Not written yet.</p>');
  for (const b of s.blocks) out.push(blockHtml(b, revealKey, 'h4'));
  if (s.findings.length) out.push(`<ul class="findings">${s.findings.map(findingHtml).join('')}</ul>`);
  out.push('</section>');
  return out.join('\n');
}

/** The preview's body (inside `<main>`) for one render model. Every text from the doc is escaped. */
export function previewBody(m: RenderModel, nonce: string): string {
  const card = m.scorecard;
  const verdictClass = card.verdict === 'complete' ? 'complete' : card.verdict === 'draft' ? 'draft' : 'ready';
  const out: string[] = ['<header>', `<h1>${escapeHtml(m.title)}</h1>`];
  const meta: string[] = [];
  if (m.archetype) meta.push(`archetype <code>${escapeHtml(m.archetype)}</code>`);
  if (m.status) meta.push(`status <code>${escapeHtml(m.status)}</code>`);
  if (m.owners.length) meta.push(`owners: ${m.owners.map(escapeHtml).join(', ')}`);
  if (meta.length) out.push(`<p class="meta">${meta.join(' · ')}</p>`);
  out.push(
    `<div class="scorecard" id="scorecard"><span class="verdict ${verdictClass}">${escapeHtml(card.verdict)}</span> ` +
      `<span class="readiness">readiness <strong>${card.readiness}/100</strong></span> · ${card.stated}/${card.expected} checklist items · ` +
      `${plural(card.errors, 'error')} · ${plural(card.warnings, 'warning')}`,
    '<ol class="steps">',
  );
  for (const s of card.steps) {
    const pct = s.expected ? Math.round((100 * s.stated) / s.expected) : 100;
    const counts = [
      s.errors ? `<span class="sev error">${plural(s.errors, 'error')}</span>` : '',
      s.warnings ? `<span class="sev warning">${plural(s.warnings, 'warning')}</span>` : '',
    ]
      .filter(Boolean)
      .join(' ');
    out.push(
      `<li><a href="#step-${s.step}" class="steplink" data-step="${s.step}" title="${escapeHtml(s.title)}: ${s.stated} of ${s.expected} checklist items stated">` +
        `<span class="n">${s.step}</span> ${escapeHtml(s.title)} <span class="frac">${s.stated}/${s.expected}</span>` +
        `<span class="meter" aria-hidden="true"><span class="fill w${Math.round(pct / 10) * 10}"></span></span>` +
        `${counts ? ` <span class="counts">${counts}</span>` : ''}</a></li>`,
    );
  }
  out.push('</ol></div>', '</header>');
  if (m.summary) out.push(`<p class="summary">${escapeHtml(m.summary)}</p>`);
  if (m.diagram.svg)
    out.push(
      '<section id="diagram"><h2>System diagram</h2>',
      `<div class="diagram" tabindex="0" role="button" aria-pressed="false" title="Click or Enter: actual size / fit the width">${withStyleNonce(m.diagram.svg, nonce)}</div></section>`,
    );
  if (m.figures.length) out.push(figuresHtml(m.figures));
  if (m.docFindings.length)
    out.push(
      '<section id="doc-findings"><h2>Document</h2>',
      `<ul class="findings">${m.docFindings.map(findingHtml).join('')}</ul></section>`,
    );
  for (const s of m.steps) out.push(stepHtml(s));
  if (m.extra.length) {
    out.push('<section id="extra"><h2>Also in this doc</h2>');
    for (const b of m.extra) out.push(blockHtml(b, revealKey, 'h4'));
    out.push('</section>');
  }
  return out.join('\n');
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:0 20px 48px;color:var(--vscode-editor-foreground);background:var(--vscode-editor-background);
font-family:var(--vscode-font-family);font-size:var(--vscode-font-size,13px);line-height:1.5}
main{max-width:1000px;margin:0 auto}
header{padding:12px 0 8px;border-bottom:1px solid var(--vscode-panel-border,transparent)}
h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.25em;margin:1.6em 0 .5em;padding-bottom:.2em;border-bottom:1px solid var(--vscode-panel-border,rgba(128,128,128,.35))}
h4{margin:1em 0 .3em;font-size:1em}
.meta{margin:0 0 .4em;color:var(--vscode-descriptionForeground)}
code{font-family:var(--vscode-editor-font-family);font-size:.95em;background:var(--vscode-textCodeBlock-background);padding:0 .25em;border-radius:3px}
table{border-collapse:collapse;width:100%;margin:.3em 0 1em}
th,td{border:1px solid var(--vscode-panel-border,rgba(128,128,128,.35));padding:3px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--vscode-sideBar-background,transparent);font-weight:600}
.fields td:first-child{white-space:nowrap;width:1%}
.note,.missing{color:var(--vscode-descriptionForeground);font-style:italic}
blockquote{margin:.3em 0 .8em;padding:.1em .8em;border-left:3px solid var(--vscode-textBlockQuote-border);background:var(--vscode-textBlockQuote-background)}
button.link,button.reveal{font:inherit;color:inherit;background:none;border:none;padding:0;margin:0;cursor:pointer;text-align:left}
button.heading{font-weight:inherit}
button.link:hover,button.reveal:hover .msg{color:var(--vscode-textLink-activeForeground);text-decoration:underline}
button.docs{margin-left:.6em;color:var(--vscode-textLink-foreground);font-size:.9em}
button:focus-visible,a:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:2px}
a{color:var(--vscode-textLink-foreground)}
.scorecard{margin:.2em 0}
.verdict{display:inline-block;padding:0 .6em;border-radius:999px;border:1px solid currentColor;font-weight:600}
.verdict.draft{color:var(--vscode-errorForeground)}.verdict.ready{color:var(--vscode-editorWarning-foreground)}
.verdict.complete{color:var(--vscode-testing-iconPassed,var(--vscode-charts-green))}
ol.steps{list-style:none;display:flex;flex-wrap:wrap;gap:4px 14px;padding:0;margin:.4em 0 0}
.steplink{color:inherit;text-decoration:none;white-space:nowrap}.steplink:hover{text-decoration:underline}
.steplink .n{font-weight:600}.frac{color:var(--vscode-descriptionForeground)}
.meter{display:inline-block;width:36px;height:5px;margin-left:4px;vertical-align:middle;background:var(--vscode-editorWidget-border,rgba(128,128,128,.35));border-radius:3px;overflow:hidden}
.fill{display:block;height:100%;background:var(--vscode-charts-blue,var(--vscode-textLink-foreground))}
${Array.from({ length: 11 }, (_, i) => `.w${i * 10}{width:${i * 10}%}`).join('')}
.counts{font-size:.9em}
.diagram{border:1px solid var(--vscode-panel-border,rgba(128,128,128,.35));border-radius:4px;padding:6px;overflow-x:auto}
.diagram svg{display:block;max-width:100%;height:auto;cursor:zoom-in}
.diagram.actual svg{max-width:none;cursor:zoom-out}
.over{color:var(--vscode-errorForeground);font-weight:600}
ul.findings{list-style:none;padding:0;margin:.5em 0 1em}
.finding{margin:.2em 0 .6em;padding:.3em .6em;border-left:3px solid var(--vscode-editorInfo-foreground)}
.finding.error{border-left-color:var(--vscode-editorError-foreground)}.finding.warning{border-left-color:var(--vscode-editorWarning-foreground)}
.finding p{margin:.2em 0 0;color:var(--vscode-descriptionForeground)}
.sev{font-size:.85em;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
.sev.error{color:var(--vscode-editorError-foreground)}.sev.warning{color:var(--vscode-editorWarning-foreground)}
.sev.info,.sev.hint{color:var(--vscode-editorInfo-foreground)}
.rule{font-weight:600}.where{color:var(--vscode-descriptionForeground)}
section.step.current>h2{border-bottom-color:var(--vscode-focusBorder)}
body.vscode-high-contrast .finding,body.vscode-high-contrast th,body.vscode-high-contrast td{border-color:var(--vscode-contrastBorder)}
body.vscode-high-contrast .verdict{border-width:2px}
.empty{color:var(--vscode-descriptionForeground);padding:2em 0}
`;

/** The page's script: clicks (and Enter/Space on the buttons) post `reveal`; `update` replaces the body; `scrollTo` follows the editor. */
const SCRIPT = `(function(){
const vscode=acquireVsCodeApi();
const main=document.getElementById('main');
let current=0;
function mark(step){for(const s of document.querySelectorAll('section.step.current'))s.classList.remove('current');
const el=document.getElementById('step-'+step);if(el)el.classList.add('current');return el;}
function toggle(d){const on=d.classList.toggle('actual');d.setAttribute('aria-pressed',String(on));diagramActual=on;}
let diagramActual=false;
document.addEventListener('keydown',function(e){const t=e.target instanceof Element?e.target:null;
if(t&&t.classList.contains('diagram')&&(e.key==='Enter'||e.key===' ')){e.preventDefault();toggle(t);}});
document.addEventListener('click',function(e){
const t=e.target instanceof Element?e.target:null;if(!t)return;
const docs=t.closest('[data-docs]');if(docs){e.preventDefault();vscode.postMessage({type:'ruleDocs',ruleId:docs.getAttribute('data-docs')});return;}
const r=t.closest('[data-offset]');if(r){e.preventDefault();vscode.postMessage({type:'reveal',offset:Number(r.getAttribute('data-offset'))});return;}
const d=t.closest('.diagram');if(d){toggle(d);return;}
const s=t.closest('a.steplink');if(s){e.preventDefault();const step=Number(s.getAttribute('data-step'));const el=mark(step);
if(el){el.scrollIntoView({block:'start'});const b=el.querySelector('[data-offset]');if(b)b.focus({preventScroll:true});}}
});
window.addEventListener('message',function(e){const m=e.data;if(!m||typeof m!=='object')return;
if(m.type==='update'&&typeof m.html==='string'){
const a=document.activeElement;let keep=null;
if(a&&main.contains(a)){const r=a.getAttribute('data-rule'),o=a.getAttribute('data-offset');
keep=r?'[data-rule="'+CSS.escape(r)+'"]':o?'[data-offset="'+CSS.escape(o)+'"]':null;}
main.innerHTML=m.html;if(diagramActual){const d=main.querySelector('.diagram');if(d){d.classList.add('actual');d.setAttribute('aria-pressed','true');}}
if(keep){const n=main.querySelector(keep);if(n)n.focus({preventScroll:true});}document.body.setAttribute('data-version',String(m.version));if(current)mark(current);}
else if(m.type==='scrollTo'&&typeof m.step==='number'){current=m.step;const el=mark(m.step);if(el)el.scrollIntoView({block:'start'});}
});
if(document.body.getAttribute('data-uri'))vscode.setState({uri:document.body.getAttribute('data-uri')});
vscode.postMessage({type:'ready'});
})();`;

export interface PreviewPageInput {
  /** webview.cspSource */
  cspSource: string;
  nonce: string;
  title: string;
  /** the body from `previewBody`, or a placeholder */
  body: string;
  version?: number | null;
  /** the doc's uri, kept in the page's state so that the preview comes back after a reload */
  uri?: string;
}

/** The whole webview page: strict CSP, nonce'd style and script, no remote content. */
export function previewHtml(p: PreviewPageInput): string {
  const csp = [
    "default-src 'none'",
    `img-src ${p.cspSource} data:`,
    `style-src ${p.cspSource} 'nonce-${p.nonce}'`,
    `script-src 'nonce-${p.nonce}'`,
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style nonce="${p.nonce}">${CSS}</style>`,
    '</head>',
    `<body data-version="${p.version ?? ''}" data-uri="${escapeHtml(p.uri ?? '')}">`,
    `<main id="main">${p.body}</main>`,
    `<script nonce="${p.nonce}">${SCRIPT}</script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The placeholder body before the first answer, or when the server has none. */
export function placeholderBody(text: string): string {
  return `<p class="empty">${escapeHtml(text)}</p>`;
}

// ------------------------------------------------------------------------------------------ messages

/** What the page may ask. Anything else is ignored (the page is untrusted input). */
export type PreviewMessage =
  | { type: 'ready' }
  | { type: 'reveal'; offset: number }
  | { type: 'reveal'; line: number }
  | { type: 'ruleDocs'; ruleId: string };

const isIndex = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < 2 ** 31;

export function parsePreviewMessage(msg: unknown): PreviewMessage | undefined {
  if (!msg || typeof msg !== 'object') return undefined;
  const m = msg as Record<string, unknown>;
  if (m.type === 'ready') return { type: 'ready' };
  if (m.type === 'reveal') {
    if (isIndex(m.offset)) return { type: 'reveal', offset: m.offset };
    if (isIndex(m.line) && m.line >= 1) return { type: 'reveal', line: m.line };
    return undefined;
  }
  if (m.type === 'ruleDocs' && typeof m.ruleId === 'string' && /^MLSD\d{3}$/i.test(m.ruleId))
    return { type: 'ruleDocs', ruleId: m.ruleId.toUpperCase() };
  return undefined;
}

/** The step (1–7) whose section holds `offset`: the last section (in the text) that starts at or before it; 0 when none. */
export function stepAtOffset(m: Pick<RenderModel, 'steps'>, offset: number): number {
  let best = 0;
  let bestStart = -1;
  for (const s of m.steps) {
    if (!s.span) continue;
    const start = s.span[0];
    if (start <= offset && start > bestStart) {
      best = s.step;
      bestStart = start;
    }
  }
  return best;
}

/** The doc uri kept in a restored panel's state, if well-formed. */
export function restoredUri(state: unknown): string | undefined {
  const uri = state && typeof state === 'object' ? (state as { uri?: unknown }).uri : undefined;
  return typeof uri === 'string' && /^(file|untitled|vscode-remote):/.test(uri) ? uri : undefined;
}

/** Whether an answer for `incoming` should be dropped: older than what is shown. */
export function isStale(shown: number | null | undefined, incoming: number | null | undefined): boolean {
  return typeof shown === 'number' && typeof incoming === 'number' && incoming < shown;
}

// ------------------------------------------------------------------------------------------ scheduler

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Debounced requests with at most one in flight: `schedule(ms)` (re)starts the timer; when it fires
 * while a request runs, one more request follows that one (never two at once, never a queue).
 */
export class RenderScheduler {
  private timer: unknown;
  private inFlight = false;
  private again = false;
  /** requests started (for tests) */
  started = 0;

  constructor(
    private readonly run: () => Promise<void>,
    private readonly timers: Timers,
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  schedule(ms: number): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      void this.fire();
    }, ms);
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
    this.again = false;
  }

  private async fire(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.started++;
    try {
      await this.run();
    } catch {
      // the caller reports its own errors
    } finally {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    }
  }
}

/** The default export file: `<dir>/<name>.md` for `<dir>/<name>.mlsd.yaml`. */
export function exportTarget(docPath: string, ext: string): string {
  const base = path
    .basename(docPath)
    .replace(/\.mlsd\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '');
  return path.join(path.dirname(docPath), `${base || 'design'}.${ext}`);
}
