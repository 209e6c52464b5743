/**
 * Shared pieces of the generative serving rules (genai.md §7, MLSD650–659): the figures come from
 * engine/genaiServing (computed once there, shared with inlay hints and hover); this module only prints
 * them the way genai.md §6 asks and names what the rules range on.
 */
import type { GenaiOptions } from '../../engine/genaiServing';
import type { MlsdDoc, Span } from '../../engine/model';
import type { RuleOptions } from '../../engine/options';
import type { MNode } from '../../engine/parse';

export {
  formatFigure,
  formatGB,
  formatInt,
  formatMs,
  fmtParams,
  ratioNote,
} from '../../engine/genaiFigures';

/** The rule options the serving figures read. */
export function servingOptions(options: RuleOptions): GenaiOptions {
  return {
    gpuMemoryUtilization: options.gpu_memory_utilization,
    hoursPerMonth: options.hours_per_month,
    defaultPeakFactor: options.default_peak_factor,
  };
}

/** The span of the first stated node of `paths`: its value for a scalar, its key otherwise; else the doc's first line. */
export function firstSpan(doc: MlsdDoc, paths: string[]): Span {
  for (const p of paths) {
    const n = doc.node(p);
    if (n) return spanOf(doc, n);
  }
  return doc.docSpan();
}

/** A node's value span when it is a scalar, else its key span. */
export function spanOf(doc: MlsdDoc, n: MNode): Span {
  return n.kind === 'scalar' ? doc.valueSpan(n) : doc.keySpan(n);
}
