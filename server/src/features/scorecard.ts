/**
 * The review scorecard (engine/scorecard.ts) of one analysed doc version, for the ML Design view
 * (`mlsd/designOutline`) and the Design Docs list (`mlsd/workspaceDocs`). Computed once per `Analysis`
 * object and memoized like features/render.ts, so asking again for an unchanged doc costs nothing.
 */
import { type Scorecard, scorecard } from '../engine/scorecard';
import type { Analysis } from '../lint/analysis';

const cards = new WeakMap<Analysis, Scorecard>();

export function scorecardOf(a: Analysis): Scorecard {
  let c = cards.get(a);
  if (!c) {
    c = scorecard(a.doc, a.lint.findings);
    cards.set(a, c);
  }
  return c;
}
