import { GENAI_METRICS } from './genaiMetrics';

/**
 * The metric catalogue (format.md "Metric names"; definitions and misuse from domain.md §3.1–3.7), and the
 * operational guardrails offered for `evaluation.online.guardrails` besides the lower-is-better online
 * metrics.
 */

export type MetricFamily =
  | 'classification'
  | 'regression'
  | 'ranking'
  | 'detection'
  | 'generation'
  | 'clustering'
  | 'online';

export interface MetricInfo {
  /** canonical base name, e.g. `ndcg`, `precision`, `roc-auc` */
  name: string;
  /** accepted aliases (canonical spelling), e.g. `auc`, `auroc` for `roc-auc` */
  aliases: string[];
  family: MetricFamily;
  /** one-line definition (markdown) */
  definition: string;
  /** when to use it */
  whenToUse: string;
  /** common misuse, if any */
  misuse?: string;
  /** takes a cutoff `@k` (precision@k, ndcg@k …) */
  takesK?: boolean;
  /** takes an IoU threshold `@iou=` (detection ap/map) */
  takesIou?: boolean;
  /** lower is better */
  lowerIsBetter?: boolean;
  /** v1.1 generative metrics (genai-domain.md §3): the range of values, e.g. `0–1`, `≥ 0` */
  range?: string;
}

// ---------------------------------------------------------------------------------------------
// Metric catalogue (format.md "Metric names"; definitions and misuse from domain.md §3.1–3.7)
// ---------------------------------------------------------------------------------------------

/** The shared sentence of the four calibration metrics' "when to use" (rules.md Interpretation). */
const CALIBRATION =
  ' A **calibration metric** (log-loss, nce, brier, ece): it checks that a score read as a probability matches the observed rate, which AUCs cannot see. With `output_use: probability` it fits any task type.';

export const METRICS: readonly MetricInfo[] = [
  // --- classification -------------------------------------------------------------------------
  {
    name: 'accuracy',
    aliases: [],
    family: 'classification',
    definition: 'Share of correct predictions: (TP + TN) / all.',
    whenToUse: 'Balanced classes where every error costs the same.',
    misuse: 'Misleading under class imbalance: with a 1% positive rate the always-negative model scores 0.99.',
  },
  {
    name: 'precision',
    aliases: [],
    family: 'classification',
    takesK: true,
    takesIou: true,
    definition: 'TP / (TP + FP). As `precision@k`: relevant items in the top k / k. In detection: at an IoU threshold.',
    whenToUse:
      'False positives are costly (takedowns, blocking); `precision@k` for a fixed-size ranked list (book: k = 1, 5, 10).',
    misuse:
      'As a ranking metric without `@k`, or in detection without an IoU threshold, the number is not reproducible. `precision@k` ignores order inside the top k.',
  },
  {
    name: 'recall',
    aliases: [],
    family: 'classification',
    takesK: true,
    takesIou: true,
    definition:
      'TP / (TP + FN). As `recall@k`: relevant items in the top k / all relevant items. In detection: share of ground-truth objects found at an IoU threshold.',
    whenToUse: 'Misses are costly (face blurring, safety); `recall@k` for candidate generation.',
    misuse:
      '`recall@k` is ill-defined when the relevant set is huge or unknown (book ch2). Needs `@k` for ranking and an IoU threshold for detection.',
  },
  {
    name: 'f1',
    aliases: [],
    family: 'classification',
    definition: 'Harmonic mean of precision and recall: 2PR / (P + R).',
    whenToUse: 'One number for a single operating threshold when FP and FN matter about equally.',
    misuse: 'Describes one threshold only; says nothing about the score ranking or calibration.',
  },
  {
    name: 'fbeta',
    aliases: [],
    family: 'classification',
    definition: 'F-score with recall weighted β times as much as precision: (1 + β²)PR / (β²P + R).',
    whenToUse: 'One threshold with asymmetric costs (β > 1 favours recall, β < 1 precision).',
    misuse: 'State β; like F1 it describes a single threshold.',
  },
  {
    name: 'roc-auc',
    aliases: ['auc', 'auroc'],
    family: 'classification',
    definition: 'Area under TPR vs FPR = P(score(random positive) > score(random negative)).',
    whenToUse: 'Threshold-free quality of the score ordering; per-head metric for pointwise rankers (book ch10, ch11).',
    misuse:
      'Ignores calibration: not enough alone when the output is consumed as a probability (auctions, thresholds). Can look good under heavy imbalance.',
  },
  {
    name: 'pr-auc',
    aliases: ['auprc'],
    family: 'classification',
    definition: 'Area under the precision–recall curve.',
    whenToUse: 'Rare positives, where precision on the positive class matters (book ch5, harmful content).',
    misuse:
      'Depends on the positive rate, so it is not comparable across datasets with different prevalence; ignores calibration.',
  },
  {
    name: 'average-precision',
    aliases: [],
    family: 'classification',
    definition: 'Step-wise estimate of PR-AUC: Σ (Rₙ − Rₙ₋₁) · Pₙ over thresholds.',
    whenToUse: 'Threshold-free summary for imbalanced binary or per-label problems.',
    misuse: 'Not the same as ranking `map` or detection `ap`; depends on the positive rate.',
  },
  {
    name: 'log-loss',
    aliases: ['cross-entropy', 'logloss'],
    family: 'classification',
    definition: 'Mean negative log-likelihood: −mean[y log p + (1 − y) log(1 − p)].',
    whenToUse:
      'Probabilities are consumed downstream (auctions, expected-value ranking); penalizes miscalibration, and confident errors without bound.' +
      CALIBRATION,
    misuse:
      'Inflated/optimistic on a negatively downsampled set unless predictions are recalibrated; not comparable across datasets with different base rates (use `nce`).',
    lowerIsBetter: true,
  },
  {
    name: 'nce',
    aliases: ['ne', 'normalized-cross-entropy'],
    family: 'classification',
    definition: 'Normalized cross-entropy: CE(model) / CE(always predicting the background rate p̄) (He et al. 2014).',
    whenToUse:
      'Ads/CTR models (book ch8): < 1 beats the base-rate predictor; comparable across different CTRs.' + CALIBRATION,
    misuse:
      'NCE ≥ 1 means no better than the base rate. Computed on downsampled data without recalibration it is wrong.',
    lowerIsBetter: true,
  },
  {
    name: 'brier',
    aliases: [],
    family: 'classification',
    definition: 'Mean squared error of the probability: mean (p − y)².',
    whenToUse:
      'Checking calibration plus refinement of probabilistic outputs; strictly proper (minimized by the calibrated probability) and bounded, so one confident error costs at most 1.' +
      CALIBRATION,
    misuse: 'Small values look good under heavy imbalance; compare against the base-rate predictor.',
    lowerIsBetter: true,
  },
  {
    name: 'ece',
    aliases: [],
    family: 'classification',
    definition: 'Expected calibration error: bin-weighted mean of |accuracy − confidence| (reliability diagram).',
    whenToUse: 'Probabilities feed auctions, thresholds or expected-value decisions.' + CALIBRATION,
    misuse:
      'Depends on the binning; a constant base-rate predictor can have ECE ≈ 0, so pair it with a discrimination metric.',
    lowerIsBetter: true,
  },
  {
    name: 'precision-at-recall',
    aliases: [],
    family: 'classification',
    definition: 'Precision at the threshold that reaches a given recall (a point on the PR curve).',
    whenToUse: 'Deterministic acceptance criteria, e.g. "precision ≥ 0.9 at recall 0.8".',
    misuse: 'State the recall level.',
  },
  {
    name: 'recall-at-precision',
    aliases: [],
    family: 'classification',
    definition: 'Recall at the threshold that reaches a given precision (a point on the PR curve).',
    whenToUse: 'Acceptance criteria when false positives are capped (e.g. auto-removal at precision ≥ 0.95).',
    misuse: 'State the precision level.',
  },
  {
    name: 'top-k-accuracy',
    aliases: [],
    family: 'classification',
    definition: 'Share of examples whose true class is among the k highest-scored classes.',
    whenToUse: 'Multiclass with many classes where a short candidate list is useful (tagging, suggestions).',
    misuse: 'State k; hides rare-class errors like plain accuracy.',
  },
  {
    name: 'macro-f1',
    aliases: [],
    family: 'classification',
    definition: 'Unweighted mean of per-class F1.',
    whenToUse: 'Every class matters equally; exposes weak rare classes.',
    misuse: 'Noisy when some classes have very few examples.',
  },
  {
    name: 'micro-f1',
    aliases: [],
    family: 'classification',
    definition: 'F1 from TP, FP, FN pooled over all classes (equals accuracy for single-label multiclass).',
    whenToUse: 'Overall per-decision quality in multilabel problems.',
    misuse: 'Dominated by frequent classes; hides weak rare classes.',
  },
  {
    name: 'weighted-f1',
    aliases: [],
    family: 'classification',
    definition: 'Per-class F1 averaged with weights proportional to class support.',
    whenToUse: 'Multiclass summary that reflects the class mix.',
    misuse: 'Like micro-F1 it hides rare-class failures; report macro-F1 or per-class F1 next to it.',
  },
  {
    name: 'hamming-loss',
    aliases: [],
    family: 'classification',
    definition: 'Share of wrong label decisions over all (example, label) pairs.',
    whenToUse: 'Multilabel classification, per-label error rate.',
    misuse: 'With sparse labels, predicting nothing scores well.',
    lowerIsBetter: true,
  },
  {
    name: 'subset-accuracy',
    aliases: [],
    family: 'classification',
    definition: 'Share of examples whose whole predicted label set is exactly right (exact match).',
    whenToUse: 'Multilabel problems where the full set must be correct.',
    misuse: 'Very strict with many labels; near zero even for good models.',
  },
  {
    name: 'confusion-matrix',
    aliases: [],
    family: 'classification',
    definition: 'Counts of (true class, predicted class) pairs.',
    whenToUse: 'Diagnosing which classes are confused; basis for per-class precision/recall.',
    misuse: 'A diagnostic, not a single number: it cannot be a quality gate on its own.',
  },

  // --- regression / forecasting -----------------------------------------------------------------
  {
    name: 'mae',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Mean absolute error: mean |y − ŷ|.',
    whenToUse: 'Errors in target units, robust to outliers (the optimal point estimate is the median).',
    misuse: 'Scale-dependent: not comparable across series of different magnitude.',
  },
  {
    name: 'mse',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Mean squared error: mean (y − ŷ)².',
    whenToUse: 'Large errors are disproportionately costly (the optimal point estimate is the mean).',
    misuse: 'Sensitive to outliers; in squared units, hard to read (report RMSE).',
  },
  {
    name: 'rmse',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Root mean squared error: √mean (y − ŷ)², in target units.',
    whenToUse: 'Readable error magnitude that still penalizes large errors.',
    misuse: 'Sensitive to outliers; scale-dependent.',
  },
  {
    name: 'mape',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Mean absolute percentage error: mean |y − ŷ| / |y|.',
    whenToUse: 'Relative error when targets are strictly positive and far from 0.',
    misuse:
      'Undefined when targets can be 0 and explodes near 0; asymmetric (penalizes over-forecasts more). Use `wape` or `smape`.',
  },
  {
    name: 'smape',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Symmetric MAPE: mean 2|y − ŷ| / (|y| + |ŷ|).',
    whenToUse: 'Scale-free comparison across series.',
    misuse: 'Unstable when both y and ŷ are near 0; several incompatible definitions exist — state yours.',
  },
  {
    name: 'wape',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Weighted absolute percentage error: Σ|y − ŷ| / Σ|y|.',
    whenToUse: 'Scale-free aggregate error that is safe with zero targets (demand, sales).',
    misuse: 'Dominated by large-volume series.',
  },
  {
    name: 'mase',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Mean absolute scaled error: MAE / MAE of the naive (seasonal) forecast on the training data.',
    whenToUse: 'Forecasting: scale-free; < 1 beats the naive forecast.',
    misuse: 'State the seasonal period of the naive baseline.',
  },
  {
    name: 'r2',
    aliases: [],
    family: 'regression',
    definition: 'Coefficient of determination: 1 − SSE / SST.',
    whenToUse: 'Share of variance explained, next to an error metric.',
    misuse:
      'Not an error magnitude; depends on the target variance of the test set, so not comparable across datasets.',
  },
  {
    name: 'pinball',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Quantile loss at τ: mean max(τ(y − ŷ), (τ − 1)(y − ŷ)).',
    whenToUse: 'Quantile targets such as P90 ETA or capacity planning.',
    misuse: 'State τ; only meaningful for a model that predicts that quantile.',
  },
  {
    name: 'msle',
    aliases: [],
    family: 'regression',
    lowerIsBetter: true,
    definition: 'Mean squared log error: mean (log(1 + y) − log(1 + ŷ))².',
    whenToUse: 'Non-negative targets spanning orders of magnitude where relative error matters (counts, prices).',
    misuse: 'Undefined for targets ≤ −1; penalizes under-prediction more than over-prediction.',
  },

  // --- ranking / recommendation / retrieval ----------------------------------------------------
  {
    name: 'hit-rate',
    aliases: [],
    family: 'ranking',
    takesK: true,
    definition: 'Share of queries/users with at least one relevant item in the top k.',
    whenToUse: 'Next-item recommendation and candidate generation with one held-out target.',
    misuse: 'Needs `@k`; ignores the position inside the top k and the number of hits.',
  },
  {
    name: 'mrr',
    aliases: [],
    family: 'ranking',
    definition: 'Mean reciprocal rank: mean over queries of 1 / rank of the first relevant item.',
    whenToUse: 'One relevant item per query (book ch4, video search).',
    misuse: 'Ignores every relevant item after the first: wrong when many items are relevant per query.',
  },
  {
    name: 'map',
    aliases: ['mAP'],
    family: 'ranking',
    takesK: true,
    takesIou: true,
    definition:
      'Mean average precision. Ranking (`map@k`): mean over queries of the mean precision@i at each relevant position i ≤ k. Detection (`map@iou=…`): mean over classes of AP at an IoU threshold.',
    whenToUse:
      'Order-aware ranking quality with **binary** relevance (book ch6, ch7, ch11); detection quality over classes (ch3).',
    misuse:
      'Ranking: needs binary relevance (use `ndcg` for graded) and `@k`. Detection: without the IoU threshold(s) it is ambiguous (VOC 0.5 vs COCO 0.5:0.95).',
  },
  {
    name: 'ndcg',
    aliases: [],
    family: 'ranking',
    takesK: true,
    definition: 'Normalized DCG: Σᵢ relᵢ / log₂(i + 1) over the top k, divided by the ideal DCG.',
    whenToUse: '**Graded** relevance (book ch2, visual search with similarity scores).',
    misuse: 'Needs graded ground truth (with binary labels prefer `map`) and `@k`.',
  },
  {
    name: 'average-rank',
    aliases: [],
    family: 'ranking',
    lowerIsBetter: true,
    definition: "Mean rank of a held-out target item (e.g. the eventually-booked listing) in the model's ranking.",
    whenToUse: 'One known target per session (book ch9, similar listings).',
    misuse: 'Sensitive to a few very bad ranks; state the candidate set it is ranked against.',
  },
  {
    name: 'diversity',
    aliases: [],
    family: 'ranking',
    definition: '1 − mean pairwise similarity of the items within a recommended list.',
    whenToUse: 'Beyond-accuracy guardrail against monotonous lists (book ch6).',
    misuse: 'Never alone: diverse but irrelevant lists score high.',
  },
  {
    name: 'coverage',
    aliases: [],
    family: 'ranking',
    definition: 'Share of the catalogue that appears in any recommendation.',
    whenToUse: 'Guardrail against popularity concentration and for long-tail exposure.',
    misuse: 'Never alone: random recommendations maximize it.',
  },
  {
    name: 'novelty',
    aliases: [],
    family: 'ranking',
    definition: 'Mean unpopularity (e.g. −log popularity) of recommended items.',
    whenToUse: 'Beyond-accuracy guardrail for discovery.',
    misuse: 'Never alone: obscure irrelevant items score high.',
  },
  {
    name: 'ann-recall',
    aliases: [],
    family: 'ranking',
    takesK: true,
    definition: "Overlap of the ANN index's top k with the exact k-nearest-neighbour top k.",
    whenToUse: 'Serving quality of an approximate index (HNSW, IVF-PQ) against its latency/memory budget.',
    misuse: 'Measures the index, not relevance: pair it with a relevance metric. Needs `@k`.',
  },

  // --- detection / segmentation ----------------------------------------------------------------
  {
    name: 'iou',
    aliases: [],
    family: 'detection',
    definition: 'Intersection over union of predicted and true regions: area(A ∩ B) / area(A ∪ B).',
    whenToUse: 'Box/mask overlap quality; the threshold that decides TP vs FP (book example 0.7).',
    misuse: 'A per-box overlap, not a detection-quality summary: report AP/mAP at a stated threshold.',
  },
  {
    name: 'ap',
    aliases: [],
    family: 'detection',
    takesIou: true,
    definition: 'Average precision for one class: area under the PR curve of detections at an IoU threshold.',
    whenToUse: 'Per-class detection quality (PASCAL VOC uses IoU 0.5).',
    misuse: 'Ambiguous without the IoU threshold (`ap@iou=0.5`).',
  },
  {
    name: 'coco-map',
    aliases: [],
    family: 'detection',
    definition: 'COCO mAP: AP averaged over classes and IoU thresholds 0.50:0.05:0.95.',
    whenToUse: 'Standard detection benchmark that also rewards precise localization.',
    misuse: 'Not comparable with VOC mAP@0.5 numbers.',
  },
  {
    name: 'miou',
    aliases: [],
    family: 'detection',
    definition: 'Mean IoU: per-class pixel IoU averaged over classes.',
    whenToUse: 'Semantic segmentation.',
    misuse: 'Dominated by how small classes are handled; report per-class IoU too.',
  },
  {
    name: 'dice',
    aliases: [],
    family: 'detection',
    definition: 'Dice coefficient: 2|A ∩ B| / (|A| + |B|), per-pixel overlap.',
    whenToUse: 'Segmentation with small foreground objects (medical imaging).',
    misuse: 'Undefined/unstable for empty masks; state how empty cases count.',
  },
  {
    name: 'pixel-accuracy',
    aliases: [],
    family: 'detection',
    definition: 'Share of correctly classified pixels.',
    whenToUse: 'Quick sanity check for segmentation.',
    misuse:
      'Dominated by the background class: a model that predicts only background can score high. Prefer `miou` or `dice`.',
  },

  // --- generation --------------------------------------------------------------------------------
  {
    name: 'bleu',
    aliases: ['sacrebleu', 'bleu-4'],
    family: 'generation',
    definition: 'Modified n-gram precision against reference texts, with a brevity penalty.',
    whenToUse: 'Machine translation with good references.',
    misuse:
      'Weak correlation with quality for open-ended generation: never the only metric; scores depend on tokenization.',
  },
  {
    name: 'rouge',
    aliases: ['rouge-1', 'rouge-2', 'rouge-l', 'rougel'],
    family: 'generation',
    definition: 'n-gram (ROUGE-1/2) or longest-common-subsequence (ROUGE-L) recall against references.',
    whenToUse: 'Summarization.',
    misuse:
      'Rewards lexical overlap, not faithfulness: not the only metric for open-ended generation. State the variant.',
  },
  {
    name: 'meteor',
    aliases: [],
    family: 'generation',
    definition: 'Unigram alignment with references using stems and synonyms, F-mean with a fragmentation penalty.',
    whenToUse: 'Translation and captioning (book Table 1.4).',
    misuse: 'Reference-based: weak for open-ended text.',
  },
  {
    name: 'cider',
    aliases: ['cider-d'],
    family: 'generation',
    definition: 'TF-IDF-weighted n-gram consensus with multiple reference captions.',
    whenToUse: 'Image captioning.',
    misuse: 'Needs many references per image to be stable.',
  },
  {
    name: 'spice',
    aliases: [],
    family: 'generation',
    definition: 'F-score over scene-graph tuples (objects, attributes, relations) parsed from caption and references.',
    whenToUse: 'Image captioning semantics.',
    misuse: 'Ignores fluency; depends on the parser.',
  },
  {
    name: 'perplexity',
    aliases: ['ppl', 'log-perplexity'],
    family: 'generation',
    lowerIsBetter: true,
    definition: 'exp(mean negative log-likelihood per token) on held-out text.',
    whenToUse: 'Language-model fit on a fixed tokenizer and test set.',
    misuse: 'Not comparable across tokenizers, vocabularies or test sets; does not measure usefulness of generations.',
  },
  {
    name: 'bertscore',
    aliases: ['bert-score'],
    family: 'generation',
    definition: 'Similarity of contextual embeddings of candidate and reference tokens (greedy matching, P/R/F1).',
    whenToUse: 'Reference-based text quality that tolerates paraphrase.',
    misuse: 'Depends on the embedding model and layer; state them. Still reference-based.',
  },
  {
    name: 'fid',
    aliases: ['frechet-inception-distance'],
    family: 'generation',
    lowerIsBetter: true,
    definition: 'Fréchet distance between Gaussian fits of Inception features of real and generated images.',
    whenToUse: 'Image generation quality and diversity.',
    misuse:
      'Biased for small samples (use ≥ 10k images and the same count when comparing); depends on the feature extractor.',
  },
  {
    name: 'inception-score',
    aliases: ['is'],
    family: 'generation',
    definition: 'exp(E_x KL(p(y|x) ‖ p(y))) with an ImageNet Inception classifier.',
    whenToUse: 'Image generation (book Table 1.4).',
    misuse: 'Ignores the real data distribution; meaningless outside ImageNet-like classes.',
  },
  {
    name: 'clip-score',
    aliases: ['clipscore', 'clip-t', 'clipsim'],
    family: 'generation',
    definition: 'Cosine similarity of CLIP embeddings of the generated image and its prompt.',
    whenToUse: 'Text-to-image prompt alignment.',
    misuse: 'Says nothing about image quality; pair it with FID or human evaluation.',
  },
  {
    name: 'human-eval',
    aliases: ['human-evaluation', 'human-rating', 'mos', 'mqm'],
    family: 'generation',
    definition: 'Human ratings of outputs against a rubric.',
    whenToUse: 'Often the real acceptance metric for generation.',
    misuse:
      'State the rubric, rater pool and inter-rater agreement; costly, so sample sizes are small. `human-eval` means evaluation by people: the code benchmark HumanEval is scored with `pass@k` (`humaneval`, one word, is an alias of `pass`).',
  },
  {
    name: 'win-rate',
    aliases: ['pairwise-win-rate', 'preference-rate'],
    family: 'generation',
    definition: 'Share of pairwise comparisons (human or judge model) in which the model beats a baseline.',
    whenToUse: 'Comparing two generation systems.',
    misuse: 'Relative to the chosen baseline only; judge models have position and length biases.',
  },

  // --- clustering --------------------------------------------------------------------------------
  {
    name: 'silhouette',
    aliases: [],
    family: 'clustering',
    definition:
      'Mean of (b − a) / max(a, b): a = mean intra-cluster distance, b = mean distance to the nearest other cluster; in [−1, 1].',
    whenToUse: 'Internal quality without labels; choosing the number of clusters.',
    misuse: 'Favours convex, well-separated clusters; O(n²).',
  },
  {
    name: 'davies-bouldin',
    aliases: [],
    family: 'clustering',
    lowerIsBetter: true,
    definition: 'Mean over clusters of the max ratio (within-scatter sum) / (centroid distance) to another cluster.',
    whenToUse: 'Internal quality without labels.',
    misuse: 'Favours convex clusters; centroid-based.',
  },
  {
    name: 'ari',
    aliases: [],
    family: 'clustering',
    definition: 'Adjusted Rand index: chance-corrected pairwise agreement with reference labels.',
    whenToUse: 'External validation when ground-truth groups exist.',
    misuse: 'Needs reference labels.',
  },
  {
    name: 'nmi',
    aliases: [],
    family: 'clustering',
    definition: 'Normalized mutual information between cluster assignments and reference labels.',
    whenToUse: 'External validation when ground-truth groups exist.',
    misuse: 'Not chance-corrected: grows with the number of clusters (AMI corrects it).',
  },

  // --- online ------------------------------------------------------------------------------------
  {
    name: 'ctr',
    aliases: [],
    family: 'online',
    definition: 'Click-through rate: clicks / impressions.',
    whenToUse: 'Engagement with shown items; ads and feeds.',
    misuse:
      'Alone it rewards clickbait: pair it with a metric tied to the objective (bookings, watch time, satisfaction) (book ch9, ch10).',
  },
  {
    name: 'conversion-rate',
    aliases: [],
    family: 'online',
    definition: 'Conversions (purchase, registration, booking) / clicks or impressions — state the denominator.',
    whenToUse: 'The business action behind the click (book ch7, ch8).',
    misuse: 'Delayed and sparse: experiments need longer to reach power.',
  },
  {
    name: 'revenue-lift',
    aliases: [],
    family: 'online',
    definition: 'Relative change in revenue in the treatment vs control arm.',
    whenToUse: 'Monetization (ads, marketplaces).',
    misuse: 'High variance; can hide user-experience regressions — add guardrails.',
  },
  {
    name: 'watch-time',
    aliases: [],
    family: 'online',
    definition: 'Total (or per-user) time spent watching the recommended/returned videos.',
    whenToUse: 'Video engagement (book ch4, ch6).',
    misuse: 'Favours long videos; can reward addictive content over satisfaction.',
  },
  {
    name: 'completion-rate',
    aliases: [],
    family: 'online',
    definition: 'Share of started items watched (or read) to the end.',
    whenToUse: 'Video/content engagement quality (book: completed videos).',
    misuse: 'Favours short items.',
  },
  {
    name: 'time-spent',
    aliases: [],
    family: 'online',
    definition: 'Average daily/weekly time users spend on the surface.',
    whenToUse: 'Engagement for feeds and visual search (book ch2, ch10).',
    misuse: 'More time is not always better (frustrated search also takes time).',
  },
  {
    name: 'session-book-rate',
    aliases: [],
    family: 'online',
    definition: 'Share of search sessions that end in a booking.',
    whenToUse: 'Marketplaces where bookings, not clicks, are the objective (book ch9).',
    misuse: 'Sparse and delayed; needs large experiments.',
  },
  {
    name: 'bookmark-rate',
    aliases: [],
    family: 'online',
    definition: 'Bookmarks (saves) / impressions.',
    whenToUse: 'Intent signal when the conversion happens later (book ch7).',
    misuse: 'A proxy: check it correlates with conversions.',
  },
  {
    name: 'reaction-rate',
    aliases: [],
    family: 'online',
    definition: 'Reactions (likes, shares, comments) / impressions.',
    whenToUse: 'Feed engagement beyond clicks (book ch10).',
    misuse: 'Passive users rarely react: complement with time spent or dwell time.',
  },
  {
    name: 'hide-rate',
    aliases: [],
    family: 'online',
    lowerIsBetter: true,
    definition: 'Items hidden by users / impressions.',
    whenToUse: 'Negative-feedback guardrail (book ch8 ads).',
    misuse: 'Rare events: needs large samples to detect changes.',
  },
  {
    name: 'report-rate',
    aliases: [],
    family: 'online',
    lowerIsBetter: true,
    definition: 'User reports (or complaints) / impressions or per item.',
    whenToUse: 'Guardrail and quality signal for safety and privacy systems (book ch3, ch5).',
    misuse: 'Reports are noisy and biased toward visible content; not a measure of missed harm.',
  },
  {
    name: 'prevalence',
    aliases: [],
    family: 'online',
    lowerIsBetter: true,
    definition: 'Share of impressions (views) that show harmful content that was not removed.',
    whenToUse: 'Primary safety metric (book ch5).',
    misuse: 'Needs sampled human labelling of impressions to estimate.',
  },
  {
    name: 'valid-appeals',
    aliases: [],
    family: 'online',
    lowerIsBetter: true,
    definition: 'Appeals against removals that are upheld (decisions reversed), absolute or per removal.',
    whenToUse: 'False-positive (over-enforcement) guardrail for moderation (book ch5).',
    misuse: 'Only counts users who appeal: undercounts false positives.',
  },
  {
    name: 'proactive-rate',
    aliases: [],
    family: 'online',
    definition: 'Share of harmful content removed by the system before any user reports it.',
    whenToUse: 'Safety systems (book ch5).',
    misuse: 'High values can come from over-enforcement: pair with valid appeals.',
  },
  {
    name: 'requests-sent',
    aliases: [],
    family: 'online',
    definition: 'Connection requests sent from the recommendations in the last X days.',
    whenToUse: 'Network growth (book ch11).',
    misuse: 'Requests can be ignored: `requests-accepted` is the better primary metric.',
  },
  {
    name: 'requests-accepted',
    aliases: [],
    family: 'online',
    definition: 'Connection requests accepted in the last X days (connections formed).',
    whenToUse: 'Primary metric for people-you-may-know (book ch11).',
    misuse: 'Delayed: acceptance can take days; fix the attribution window.',
  },
  {
    name: 'satisfaction',
    aliases: ['csat'],
    family: 'online',
    definition: 'Share of surveyed users reporting satisfaction (or explicit positive feedback).',
    whenToUse: 'Counterweight to engagement metrics (book ch10 survey).',
    misuse: 'Survey response bias and small samples.',
  },
  {
    name: 'retention',
    aliases: [],
    family: 'online',
    definition: 'Share of users still active after N days.',
    whenToUse: 'Long-term health; the slow metric engagement proxies should predict.',
    misuse: 'Moves slowly: needs long experiments or holdouts.',
  },
  {
    name: 'dau-lift',
    aliases: [],
    family: 'online',
    definition: 'Relative change in daily active users in treatment vs control.',
    whenToUse: 'Product-level impact.',
    misuse: 'Needs user-level randomization and long experiments; network effects can contaminate arms.',
  },
  // --- v1.1 additions (format.md "Widened enums": known metric names) ----------------------------
  {
    name: 'recall-at-fpr',
    aliases: ['tpr-at-fpr'],
    family: 'classification',
    definition:
      'Recall (TPR) at the threshold whose false-positive rate is x: `recall@fpr=0.001`. A point on the ROC curve.',
    whenToUse: 'Fraud and abuse: recall at the decline or review rate the business can afford.',
    misuse: 'State the FPR level; with rare positives a small FPR can still mean many false alarms per true case.',
  },
  {
    name: 'fpr',
    aliases: ['false-positive-rate'],
    family: 'classification',
    definition: 'False-positive rate FP / (FP + TN): the share of negatives flagged.',
    whenToUse: 'Counting false alarms at the chosen threshold, next to recall.',
    misuse: 'Alone it says nothing about what is caught; under heavy imbalance pair it with precision.',
    lowerIsBetter: true,
  },
  {
    name: 'false-alarms-per-hour',
    aliases: ['fa-per-hour', 'false-alarms-per-hr'],
    family: 'classification',
    definition: 'False positives per hour of input (audio, video, sensor streams).',
    whenToUse: 'Keyword spotting and monitoring alerts: the false-alarm budget users feel.',
    misuse: 'State the input volume per hour and pair it with a miss rate or recall.',
    lowerIsBetter: true,
  },
  {
    name: 'value-weighted-recall',
    aliases: ['dollar-recall', 'amount-weighted-recall'],
    family: 'classification',
    definition: 'Σ value of caught positives / Σ value of all positives.',
    whenToUse: 'Fraud: money caught matters more than cases caught.',
    misuse: 'Dominated by a few large cases; report case recall next to it.',
  },
  {
    name: 'bias',
    aliases: ['mean-error', 'forecast-bias'],
    family: 'regression',
    definition: 'Mean error mean(ŷ − y): systematic over- or under-forecasting.',
    whenToUse: 'Forecasts and ETAs feeding planning; report per segment (city, store).',
    misuse: 'Errors of both signs cancel: pair it with MAE or WAPE.',
  },
  {
    name: 'crps',
    aliases: ['continuous-ranked-probability-score'],
    family: 'regression',
    definition: 'Continuous ranked probability score ∫ (F(z) − 1{y ≤ z})² dz for a predictive distribution F.',
    whenToUse: 'Probabilistic forecasts (quantiles, distributions); equals MAE for a point forecast.',
    misuse: 'Needs a predictive distribution or a set of quantiles, not a point forecast.',
    lowerIsBetter: true,
  },
  // --- v1.1 generative metrics (genai.md §2.6; genaiMetrics.ts) ---------------------------------
  ...GENAI_METRICS,
];

/**
 * Operational guardrails: not product metrics, but what an online experiment must not make worse. Offered
 * by completion for `evaluation.online.guardrails` (they are not in the metric catalogue: as offline or
 * online metrics they would be misspellings).
 */
export const OPERATIONAL_GUARDRAILS: readonly MetricInfo[] = [
  {
    name: 'latency',
    aliases: [],
    family: 'online',
    definition: 'Serving latency (state the percentile, e.g. `latency-p99`).',
    whenToUse: 'A guardrail: the new model must not make pages slower.',
    lowerIsBetter: true,
  },
  {
    name: 'error-rate',
    aliases: [],
    family: 'online',
    definition: 'Share of requests that fail or time out.',
    whenToUse: 'A guardrail: the new model must not fail more often.',
    lowerIsBetter: true,
  },
];
