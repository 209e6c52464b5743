/**
 * Section skeletons: the text inserted for a missing step (MLSD006 fix, top-level completion,
 * snippets' fallbacks). Written with a 2-space unit and re-indented to the doc's own unit.
 */
import { STEP_KEYS, type StepKey } from './catalog';
import type { MlsdDoc } from './model';
import type { TextEdit } from './edits';

export const SECTION_SKELETONS: Record<StepKey, string> = {
  requirements: `requirements:
  business_objective: TBD
  scale:
    dau: TBD
  performance:
    mode: TBD
    latency:
      p99: TBD
  out_of_scope: [TBD]`,
  framing: `framing:
  ml_objective: TBD
  task_type: TBD
  input: TBD
  output: TBD
  output_use: TBD`,
  data: `data:
  sources:
    - id: TBD
      kind: TBD
  labels:
    source: TBD
    positive: TBD
  split:
    strategy: TBD`,
  model: `model:
  baseline: TBD
  candidates:
    - id: TBD
      architecture: TBD
  loss: TBD`,
  evaluation: `evaluation:
  offline:
    metrics: [TBD]
  online:
    metrics: [TBD]`,
  serving: `serving:
  mode: TBD
  rollout:
    strategy: TBD
    rollback: TBD
  fallback: TBD`,
  monitoring: `monitoring:
  operational: [latency, throughput, error-rate]
  ml: [prediction-drift, feature-drift]
  retraining:
    cadence: TBD`,
};

/**
 * Re-indents a block written with a 2-space unit to `unit` spaces a level, keeping the content of a
 * list item two columns after its dash (`- id: x` / `  kind: y`), where a plain level rule would not.
 */
export function reindent(text: string, unit: number): string {
  if (unit === 2) return text;
  const stack: { old: number; now: number }[] = [];
  return text
    .split('\n')
    .map((line) => {
      const m = /^( *)(.*)$/.exec(line)!;
      const s = m[1].length;
      if (m[2] === '') return line;
      while (stack.length && stack[stack.length - 1].old > s) stack.pop();
      const top = stack[stack.length - 1];
      const now = !top ? s : top.old === s ? top.now : top.now + unit;
      if (!top || top.old !== s) stack.push({ old: s, now });
      let rest = m[2];
      let at = s;
      let nowAt = now;
      while (/^- /.test(rest)) {
        at += 2;
        nowAt += 2;
        stack.push({ old: at, now: nowAt });
        rest = rest.slice(2);
      }
      return ' '.repeat(now) + m[2];
    })
    .join('\n');
}

export function sectionSkeleton(key: StepKey, unit = 2): string {
  return reindent(SECTION_SKELETONS[key], unit);
}

/**
 * The edit that inserts a missing step section at its place in step order: before the next present
 * step section, else after the last top-level entry. Undefined for a flow-style or non-mapping top level.
 */
export function insertSectionEdit(doc: MlsdDoc, key: StepKey): TextEdit | undefined {
  const top = doc.top;
  const text = doc.text;
  const skeleton = sectionSkeleton(key, doc.parsed.indent);
  if (!top) {
    if (doc.root) return undefined;
    const sep = text.length && !text.endsWith('\n') ? '\n' : '';
    return { start: text.length, end: text.length, newText: `${sep}${skeleton}\n` };
  }
  if (top.flow) return undefined;
  const idx = STEP_KEYS.indexOf(key);
  for (const later of STEP_KEYS.slice(idx + 1)) {
    const n = top.entries?.find((e) => e.key === later);
    if (n && n.keyStart !== undefined && !n.aliased) {
      let ls = n.keyStart;
      while (ls > 0 && text[ls - 1] !== '\n') ls--;
      if (text.slice(ls, n.keyStart).trim() !== '') continue;
      // keep comments that sit directly above the next section with it
      let at = ls;
      while (at > 0) {
        let ps = at - 1;
        while (ps > 0 && text[ps - 1] !== '\n') ps--;
        const line = text.slice(ps, at).trim();
        if (line.startsWith('#') && !/^#\s*mlsd-disable/.test(line)) at = ps;
        else break;
      }
      return { start: at, end: at, newText: `${skeleton}\n` };
    }
  }
  const sep = text.length && !text.endsWith('\n') ? '\n' : '';
  return { start: text.length, end: text.length, newText: `${sep}${skeleton}\n` };
}
