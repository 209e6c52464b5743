import { STEP_KEYS, STEP_TITLES } from '../engine/catalog';
import type { MNode } from '../engine/parse';
import type { Rule } from './types';

const ORDER = STEP_KEYS.join(' → ');

/** Indices (into `steps`) of a longest increasing subsequence; ties keep the earliest keys. */
function keptInOrder(steps: number[]): Set<number> {
  const n = steps.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (steps[j] < steps[i] && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
    }
  }
  let best = 0;
  for (let i = 1; i < n; i++) if (len[i] > len[best]) best = i;
  const keep = new Set<number>();
  for (let i = n ? best : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export const mlsd010: Rule = {
  meta: {
    id: 'MLSD010',
    alias: 'section-order',
    title: 'Step sections out of framework order',
    step: 0,
    defaultSeverity: 'info',
    fixable: 'none',
    description:
      'The step sections are not in framework order (requirements, framing, data, model, evaluation, serving, monitoring); reported once, at the first section key that is out of place.',
  },
  check({ doc, report }) {
    const top = doc.top;
    if (!top) return;
    const present: { node: MNode; step: number }[] = [];
    for (const e of top.entries ?? []) {
      if (e.aliased || e.keyStart === undefined) continue;
      const step = (STEP_KEYS as readonly string[]).indexOf(e.key ?? '');
      if (step >= 0) present.push({ node: e, step });
    }
    if (present.length < 2) return;
    const keep = keptInOrder(present.map((p) => p.step));
    const i = present.findIndex((_, k) => !keep.has(k));
    if (i < 0) return;
    const bad = present[i];
    const key = STEP_KEYS[bad.step];
    // where it belongs: after the last in-order section of an earlier step (or before the first of a later one)
    const after = [...present].reverse().find((p) => keep.has(present.indexOf(p)) && p.step < bad.step);
    const before = present.find((p, k) => keep.has(k) && p.step > bad.step);
    const anchor = after ?? before;
    const place = after
      ? `move it after \`${STEP_KEYS[after.step]}\` (step ${after.step + 1})`
      : before
        ? `move it before \`${STEP_KEYS[before.step]}\` (step ${before.step + 1})`
        : 'move it to its place';
    const others = present.filter((_p, k) => k > i && !keep.has(k)).map((p) => `\`${STEP_KEYS[p.step]}\``);
    const also = others.length ? ` Also out of place: ${others.join(', ')}.` : '';
    report({
      start: bad.node.keyStart!,
      end: bad.node.keyEnd!,
      message: `\`${key}\` (step ${bad.step + 1}, ${STEP_TITLES[key]}) is out of framework order: ${place}`,
      explanation: `Keep the step sections in the order ${ORDER}, so the doc reads like the design review it prepares — each step builds on the one before.${also}`,
      related: anchor
        ? [
            {
              start: anchor.node.keyStart!,
              end: anchor.node.keyEnd!,
              message: `\`${key}\` belongs ${anchor === after ? 'after' : 'before'} this section`,
            },
          ]
        : undefined,
    });
  },
};
