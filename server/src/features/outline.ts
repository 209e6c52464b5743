/**
 * The `mlsd/designOutline` request: the seven framework steps of one doc for the client's
 * "ML Design" view.
 *
 * Per step:
 * - status: `missing` when the doc has no section for it; `partial` when the section is there but has
 *   an error or warning of one of that step's rules (rule `meta.step`), or of a structural (step 0)
 *   rule located inside the section (an empty section gets MLSD006 at its key, so it is partial);
 *   `present` otherwise.
 * - findings: those of the step's rules, those located inside the section (any rule; the last section
 *   extends to the end of the file), and the
 *   structural findings about the step (MLSD006 carries `data.step`). A finding can therefore be
 *   listed under two steps (a step-5 rule pointing into `model`); the doc-level counts count it once.
 * - children: the section's direct sub-keys with their ranges.
 * - score: the step's line of the review scorecard (checklist items stated / expected, the errors and
 *   warnings the scorecard files under the step, the items still to state); the outline carries the
 *   overall readiness and verdict. Taken from the scorecard memoized per analysis (features/scorecard.ts).
 */
import { STEP_KEYS, STEP_TITLES } from '../engine/catalog';
import type { MlsdDoc } from '../engine/model';
import { lineEndAt, type MNode } from '../engine/parse';
import type {
  DesignOutline,
  DesignOutlineChild,
  DesignOutlineFinding,
  DesignOutlineStep,
  SeverityName,
} from '../protocol';
import { ruleById } from '../rules';
import type { Finding } from '../rules/types';
import { toRange } from '../lspConvert';
import type { Analysis } from '../lint/analysis';
import { scorecardOf } from './scorecard';
import { extentOf } from './symbols';

const zero = (): Record<SeverityName, number> => ({ error: 0, warning: 0, info: 0, hint: 0 });

function stepOfRule(ruleId: string): number {
  return ruleById(ruleId)?.meta.step ?? 0;
}

/** The step a structural finding is about, when it says so (MLSD006's `aboutStep`). */
function findingStep(f: Finding): number | undefined {
  const s = f.aboutStep;
  return s !== undefined && s >= 1 && s <= 7 ? s : undefined;
}

function childDetail(doc: MlsdDoc, n: MNode): string | undefined {
  if (n.kind === 'seq') {
    const k = n.items?.length ?? 0;
    return `${k} item${k === 1 ? '' : 's'}`;
  }
  if (n.kind === 'map') {
    const k = n.entries?.length ?? 0;
    return `${k} key${k === 1 ? '' : 's'}`;
  }
  const t = doc.textOf(n);
  if (t === undefined)
    return n.value === null || n.value === undefined || String(n.value).trim() === '' ? 'empty' : String(n.value);
  const one = t.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}

/**
 * v1.1 (genai.md §12): a one-line summary of the generative parts where they sit in the ML Design view —
 * `model.retrieval`, `model.prompt`, `model.decoding`, `evaluation.judges`, `serving.gpu`,
 * `serving.guardrails` — instead of a bare key count. Undefined when nothing in them is stated.
 */
function genaiDetail(doc: MlsdDoc, step: string, n: MNode): string | undefined {
  const at = (...k: string[]) => doc.str([step, n.key ?? '', ...k]);
  const parts = (xs: (string | false | undefined)[]) => xs.filter(Boolean).join(', ') || undefined;
  switch (`${step}.${n.key}`) {
    case 'model.retrieval': {
      const corpus = doc.textList('model.retrieval.corpus');
      return parts([
        at('top_k') && `top ${at('top_k')}`,
        corpus.length > 0 && `${corpus.length} source${corpus.length === 1 ? '' : 's'}`,
        at('reranker') && `reranker ${at('reranker')}`,
        at('access_control') && `access ${at('access_control')}`,
      ]);
    }
    case 'model.prompt':
      return parts([
        at('version'),
        at('max_input_tokens') && `≤ ${at('max_input_tokens')} in`,
        at('max_output_tokens') && `≤ ${at('max_output_tokens')} out`,
      ]);
    case 'model.decoding':
      return parts([
        at('strategy') ?? at('sampler'),
        at('temperature') && `T ${at('temperature')}`,
        at('top_p') && `p ${at('top_p')}`,
        at('beam_width') && `beam ${at('beam_width')}`,
        at('steps') && `${at('steps')} steps`,
      ]);
    case 'evaluation.judges': {
      const js = doc.entries('evaluation.judges').map((j) => {
        const id = doc.textOf(j.entries?.find((e) => e.key === 'id'));
        const kind = doc.textOf(j.entries?.find((e) => e.key === 'kind'));
        return id && (kind ? `${id} (${kind})` : id);
      });
      return parts(js);
    }
    case 'serving.gpu':
      return parts([
        at('count') && at('type') ? `${at('count')} × ${at('type')}` : (at('type') ?? at('count')),
        at('per_replica') && `${at('per_replica')} per replica`,
        at('max_batch') && `batch ${at('max_batch')}`,
      ]);
    case 'serving.guardrails': {
      const i = doc.textList('serving.guardrails.input').length;
      const o = doc.textList('serving.guardrails.output').length;
      return parts([i > 0 && `${i} input`, o > 0 && `${o} output check${o === 1 ? '' : 's'}`]);
    }
    default:
      return undefined;
  }
}

export function designOutline(a: Analysis): DesignOutline {
  const doc = a.doc;
  const findings = a.lint.findings;
  const counts = zero();
  for (const f of findings) counts[f.severity]++;
  const toFinding = (f: Finding): DesignOutlineFinding => ({
    code: f.ruleId,
    alias: f.alias,
    message: f.message,
    severity: f.severity,
    range: toRange(doc, f.start, f.end),
  });

  const card = scorecardOf(a);
  const tops = doc.top?.entries ?? [];
  const lastTop = tops[tops.length - 1];
  const steps: DesignOutlineStep[] = STEP_KEYS.map((key, i) => {
    const step = i + 1;
    const title = STEP_TITLES[key];
    const node = tops.find((e) => e.key === key);
    const ext = node ? extentOf(doc, node) : undefined;
    // the section's territory: to the end of its last line, and to the end of the file for the last
    // top-level key (a syntax error at the end of a half-written doc belongs to the section above it)
    const zoneEnd = !ext ? -1 : node === lastTop ? doc.text.length : lineEndAt(doc.parsed, ext.end);
    const inside = (f: Finding) => !!ext && f.start >= ext.start && f.start <= zoneEnd;
    const mine = findings.filter((f) => {
      const rs = stepOfRule(f.ruleId);
      return rs === step || inside(f) || (rs === 0 && findingStep(f) === step);
    });
    const stepCounts = zero();
    for (const f of mine) stepCounts[f.severity]++;
    const serious = mine.some((f) => {
      if (f.severity !== 'error' && f.severity !== 'warning') return false;
      const rs = stepOfRule(f.ruleId);
      return rs === step || (rs === 0 && (inside(f) || findingStep(f) === step));
    });
    const children: DesignOutlineChild[] = [];
    if (node && node.kind === 'map') {
      for (const e of node.entries ?? []) {
        const ce = extentOf(doc, e);
        const c: DesignOutlineChild = {
          key: e.key ?? '',
          label: e.key || '(empty key)',
          range: toRange(doc, ce.start, ce.end),
        };
        const detail =
          (e.kind === 'map' || e.kind === 'seq' ? genaiDetail(doc, key, e) : undefined) ?? childDetail(doc, e);
        if (detail) c.detail = detail;
        children.push(c);
      }
    }
    const out: DesignOutlineStep = {
      step,
      key,
      title,
      label: `${step} · ${title}`,
      status: !node ? 'missing' : serious ? 'partial' : 'present',
      counts: stepCounts,
      children,
      findings: [...mine].sort((x, y) => x.start - y.start || x.end - y.end).map(toFinding),
    };
    if (ext) out.range = toRange(doc, ext.start, ext.end);
    const sc = card.steps.find((x) => x.step === step);
    if (sc) {
      out.score = {
        stated: sc.stated,
        expected: sc.expected,
        errors: sc.errors,
        warnings: sc.warnings,
        toState: sc.items.filter((x) => !x.stated).map((x) => x.title),
      };
    }
    return out;
  });

  const outline: DesignOutline = {
    uri: a.uri,
    version: a.version,
    steps,
    counts,
    readiness: card.readiness,
    verdict: card.verdict,
  };
  const title = doc.str('title');
  if (title !== undefined) outline.title = title.replace(/\s+/g, ' ').trim();
  return outline;
}
