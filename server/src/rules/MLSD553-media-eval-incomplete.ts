import {
  ALIGNMENT_METRICS,
  HUMAN_PREFERENCE_METRICS,
  IDENTITY_METRICS,
  IMAGE_DISTRIBUTION_METRICS,
  type TaskType,
  VIDEO_DISTRIBUTION_METRICS,
} from '../engine/domain';
import {
  allDocMetrics,
  generatorTaskType,
  judgeKinds,
  metricNames,
  metricsApplyingTo,
  personalizedGeneration,
  stageFacts,
  textConditioned,
} from '../engine/facts';
import type { MlsdDoc, Span } from '../engine/model';
import { fitHeadline } from './support';
import type { Report, Rule } from './types';

type Media = 'image-generation' | 'video-generation';
const MEDIA: readonly Media[] = ['image-generation', 'video-generation'];

/** The media generation types of the doc: the generator's, `framing.task_type` or any stage's. */
function mediaTypes(doc: MlsdDoc): Media[] {
  const types = new Set<TaskType | undefined>([
    generatorTaskType(doc),
    doc.taskType(),
    ...stageFacts(doc).map((s) => s.taskType),
  ]);
  return MEDIA.filter((t) => types.has(t));
}

/**
 * The metrics applying to a media type (genai.md §4): listed on or scoped to a stage of that type, plus the
 * unscoped offline metrics when `framing.task_type` is that type — or is not stated (reading chosen: an
 * unscoped `fid` in a doc that frames no task type is the image generator's metric, not a missing one).
 */
function distributionMeasured(doc: MlsdDoc, t: Media): boolean {
  const framing = doc.taskType();
  const names = metricNames(metricsApplyingTo(doc, t, framing === undefined || framing === t));
  const wanted = t === 'image-generation' ? IMAGE_DISTRIBUTION_METRICS : VIDEO_DISTRIBUTION_METRICS;
  return [...names].some((n) => wanted.includes(n));
}

function rangeOf(doc: MlsdDoc): Span {
  for (const p of ['evaluation.offline.metrics', 'evaluation']) {
    const n = doc.node(p);
    if (n) return doc.keySpan(n);
  }
  return doc.docSpan();
}

export const mlsd553: Rule = {
  meta: {
    id: 'MLSD553',
    alias: 'media-eval-incomplete',
    title: 'Image or video generation evaluated without human preference, distribution, alignment or identity metrics',
    step: 5,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "image or video generation (the generator's, the framing's or a stage's task type) with (a) no human-preference metric (human-eval, win-rate, elo) and no `kind: human` judge; (b) no distribution metric applying to the image (fid, kid, inception-score, precision, recall) or video (fvd, kvd, vbench, temporal-consistency) generator; (c) text-conditioned with no alignment metric (clip-score, vqa-score, pickscore, hps, image-reward); (d) personalized with no identity metric (face-similarity, dino-score, clip-i); one finding per missing part",
  },
  check({ doc, report }) {
    const media = mediaTypes(doc);
    if (!media.length) return;
    const span = rangeOf(doc);
    const names = metricNames(allDocMetrics(doc));
    const has = (set: readonly string[]) => [...names].some((n) => set.includes(n));
    const video = media.includes('video-generation');
    const what = video && !media.includes('image-generation') ? 'video' : video ? 'images and video' : 'images';
    const out: Report[] = [];

    if (!has(HUMAN_PREFERENCE_METRICS) && !judgeKinds(doc).has('human'))
      out.push({
        ...span,
        message: fitHeadline([
          `No human evaluation of the generated ${what}: no human-eval, win-rate or elo, no human judge`,
          `No human evaluation of the generated ${what}`,
        ]),
        explanation:
          'No human evaluation: no metric is `human-eval`, `win-rate` or `elo`, and no `evaluation.judges` entry has `kind: human`. Distribution and alignment scores miss what users judge: malformed hands and faces, garbled text, aesthetics, missed prompt details. Side-by-side preference against the current model is the acceptance test for generated media. ' +
          'Add `win-rate` (or `human-eval`) with `judge:` naming a `kind: human` judge (3 raters per item, a written rubric, a few hundred prompts).',
      });

    const noDist = media.filter((t) => !distributionMeasured(doc, t));
    if (noDist.length) {
      const motion = noDist.includes('video-generation');
      const wanted = noDist.map((t) => (t === 'image-generation' ? '`fid` or `kid`' : '`fvd`')).join(' (images) and ');
      out.push({
        ...span,
        message: fitHeadline([
          `No distribution-level metric for the ${motion ? 'video' : 'image'} generator: no ${motion ? 'FVD, KVD or VBench' : 'FID, KID or generative precision/recall'}`,
          'No distribution-level metric: nothing detects a loss of realism or diversity',
        ]),
        explanation:
          `No distribution-level metric: nothing detects a loss of realism or diversity (mode collapse) across many samples${motion ? '; per-frame FID does not see motion' : ''}. Per-sample scores and a few rated examples look fine while the generator produces the same few faces, poses or compositions. ` +
          `Add ${wanted}${noDist.length > 1 ? ' (video)' : ''} on the generator, computed on at least 10k samples against held-out real data.`,
      });
    }

    const cond = textConditioned(doc);
    if (cond && !has(ALIGNMENT_METRICS))
      out.push({
        ...span,
        message: fitHeadline([
          'Nothing measures whether outputs follow the prompt: no clip-score, vqa-score or preference model',
          'Nothing measures whether outputs follow the prompt',
        ]),
        explanation:
          `Nothing measures whether outputs follow the prompt (${cond}): no metric is \`clip-score\`, \`vqa-score\`, \`pickscore\`, \`hps\` or \`image-reward\`. Realistic images that ignore the prompt score well on FID. ` +
          'Add `clip-score`, and `vqa-score` for counting, spatial relations and attribute binding, which CLIP reads poorly.',
      });

    const personal = personalizedGeneration(doc);
    if (personal && !has(IDENTITY_METRICS))
      out.push({
        ...span,
        message: fitHeadline([
          'Nothing measures whether outputs still look like the person: no face-similarity, dino-score or clip-i',
          'Nothing measures whether outputs still look like the person in the reference photos',
        ]),
        explanation:
          `Nothing measures whether the output still looks like the person in the reference photos (${personal}): no metric is \`face-similarity\`, \`dino-score\` or \`clip-i\`. Identity drift is the failure users of personalized generation notice first. ` +
          'Add `face-similarity` (face-recognition embeddings against the reference photos), read together with prompt fidelity and diversity, since copying the reference photo also scores high.',
      });

    for (const r of out) report(r);
  },
};
