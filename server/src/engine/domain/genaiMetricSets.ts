/**
 * The named metric groupings of genai.md §2.6 that the generative evaluation and monitoring rules read
 * (MLSD550–554, MLSD750–752), as canonical metric names (aliases resolve through the metric catalogue),
 * and the words those rules look for in the free-text monitoring lists (genai.md §7). Pure data.
 */

/** The *reference-overlap and intrinsic set* (MLSD551): scores that compare wording or measure likelihood. */
export const OVERLAP_INTRINSIC_METRICS: readonly string[] = [
  'bleu',
  'rouge',
  'meteor',
  'chrf',
  'ter',
  'cider',
  'spice',
  'bertscore',
  'perplexity',
];

/** The *grounding set* (MLSD550 b): whether answers stay within the retrieved passages. */
export const GROUNDING_METRICS: readonly string[] = [
  'faithfulness',
  'hallucination-rate',
  'citation-precision',
  'citation-recall',
];

/** The *retrieval-judged set* (MLSD550 a): judged quality of the retrieved context. */
export const RETRIEVAL_JUDGED_METRICS: readonly string[] = ['context-precision', 'context-recall', 'context-relevance'];

/**
 * Retrieval metrics (MLSD550 a), with or without `@k`: an unscoped one in the offline list is MLSD503's
 * finding (scope it to the retrieval stage), not a missing measurement.
 */
export const RETRIEVAL_METRICS: readonly string[] = ['recall', 'precision', 'mrr', 'ndcg', 'map', 'hit-rate'];

/** The *safety set* (MLSD554 offline, MLSD751 online). */
export const SAFETY_METRICS: readonly string[] = [
  'toxicity-rate',
  'refusal-rate',
  'attack-success-rate',
  'pii-leakage-rate',
  'nsfw-rate',
  'safety-incident-rate',
  'report-rate',
];

/** The *human-preference set* (MLSD553 a). */
export const HUMAN_PREFERENCE_METRICS: readonly string[] = ['human-eval', 'win-rate', 'elo'];

/**
 * The *quality-feedback set* (MLSD750): online signals of output quality (`thumbs-down-rate` and
 * `feedback-rate` are aliases of `thumbs-up-rate`, `csat` of `satisfaction`).
 */
export const QUALITY_FEEDBACK_METRICS: readonly string[] = [
  'acceptance-rate',
  'thumbs-up-rate',
  'regeneration-rate',
  'edit-rate',
  'copy-rate',
  'download-rate',
  'deflection-rate',
  'escalation-rate',
  'satisfaction',
  'win-rate',
  'llm-judge-score',
  'faithfulness',
  'hallucination-rate',
  'answer-relevance',
  'human-eval',
];

/** MLSD553 (b): distribution-level metrics of generated images (generative precision and recall included). */
export const IMAGE_DISTRIBUTION_METRICS: readonly string[] = ['fid', 'kid', 'inception-score', 'precision', 'recall'];

/** MLSD553 (b): distribution-level and temporal metrics of generated video. */
export const VIDEO_DISTRIBUTION_METRICS: readonly string[] = ['fvd', 'kvd', 'vbench', 'temporal-consistency'];

/** MLSD553 (c): prompt-alignment metrics of text-conditioned media. */
export const ALIGNMENT_METRICS: readonly string[] = ['clip-score', 'vqa-score', 'pickscore', 'hps', 'image-reward'];

/** MLSD553 (d): identity metrics of personalized media. */
export const IDENTITY_METRICS: readonly string[] = ['face-similarity', 'dino-score', 'clip-i'];

/**
 * MLSD750: words in `monitoring.ml` items that name a production quality signal (matched case-insensitively
 * at the start of a word, `_` and `-` read as spaces).
 */
export const QUALITY_SIGNAL_WORDS: readonly string[] = [
  'faithfulness',
  'groundedness',
  'hallucination',
  'judge',
  'human audit',
  'human review',
  'thumbs',
  'feedback',
  'csat',
  'satisfaction',
  'regeneration',
  'acceptance',
];

/** MLSD752 (c): words in `monitoring.operational` items that track streaming latency. */
export const STREAMING_TELEMETRY_WORDS: readonly string[] = ['ttft', 'first token', 'tpot', 'inter token'];

/** MLSD752 (b): words in `monitoring.operational` items that track tokens or cost per request. */
export const TOKEN_TELEMETRY_WORDS: readonly string[] = ['token', 'cost'];

/**
 * Whether a free-text item names one of `words`: lower-cased, `_` and `-` read as spaces, each word found
 * where a word starts (`judge` matches "judged", `regeneration` matches "regenerations"; `token` does not
 * match "detokenizer").
 */
export function mentionsWord(item: string, words: readonly string[]): boolean {
  const t = ` ${item.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ')}`;
  return words.some((w) => {
    let i = t.indexOf(w);
    while (i >= 0) {
      if (i === 0 || !/[a-z0-9]/.test(t[i - 1])) return true;
      i = t.indexOf(w, i + 1);
    }
    return false;
  });
}

/**
 * Whether a free-text item contains one of `words` anywhere (genai.md §7 MLSD752 "contains"): lower-cased,
 * `_` and `-` read as spaces, so `model_version`, `promptVersion` and `time-to-first-token` all count.
 */
export function containsWord(item: string, words: readonly string[]): boolean {
  const t = item.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  return words.some((w) => t.includes(w));
}
