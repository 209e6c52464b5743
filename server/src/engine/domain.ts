/**
 * The ML domain knowledge the engine uses: the metric catalogue, which metrics and losses fit which task
 * type, and the ten archetypes of the book. Source: ../shared/reference/domain.md and spec/rules.md.
 * Pure data plus small lookup helpers; no imports from the LSP or vscode.
 */

export type TaskType =
  | 'binary-classification'
  | 'multiclass-classification'
  | 'multilabel-classification'
  | 'multitask-classification'
  | 'regression'
  | 'forecasting'
  | 'ranking'
  | 'recommendation'
  | 'retrieval'
  | 'link-prediction'
  | 'object-detection'
  | 'segmentation'
  | 'text-generation'
  | 'image-generation'
  | 'clustering'
  | 'anomaly-detection';

export const TASK_TYPES: readonly TaskType[] = [
  'binary-classification',
  'multiclass-classification',
  'multilabel-classification',
  'multitask-classification',
  'regression',
  'forecasting',
  'ranking',
  'recommendation',
  'retrieval',
  'link-prediction',
  'object-detection',
  'segmentation',
  'text-generation',
  'image-generation',
  'clustering',
  'anomaly-detection',
];

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
}

export interface TaskInfo {
  type: TaskType;
  description: string;
  /** fitting offline metrics (base names), rules.md "Metrics that fit each task type" */
  metrics: string[];
  /** fitting losses (canonical), rules.md "Losses that fit each task type"; empty = not checked */
  losses: string[];
  /** typical loss/es to suggest, short markdown */
  typicalLoss: string;
}

export interface LossInfo {
  name: string;
  aliases: string[];
  description: string;
}

export interface ArchetypeInfo {
  id: string; // e.g. 'video-recommendation'
  title: string; // e.g. 'Video recommendation (YouTube homepage)'
  chapter?: number; // book chapter
  taskType: TaskType; // the book's framing as a task type
  framing: string; // markdown: the book's framing
  offlineMetrics: string[]; // metric spellings, e.g. ['precision@10', 'map', 'diversity']
  onlineMetrics: string[];
  scale: string; // scale and latency facts
  pitfalls: string[]; // classic pitfalls
}

// ---------------------------------------------------------------------------------------------
// Metric catalogue (format.md "Metric names"; definitions and misuse from domain.md §3.1–3.7)
// ---------------------------------------------------------------------------------------------

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
    whenToUse: 'Probabilities are consumed downstream (auctions, expected-value ranking); penalizes miscalibration.',
    misuse:
      'Inflated/optimistic on a negatively downsampled set unless predictions are recalibrated; not comparable across datasets with different base rates (use `nce`).',
    lowerIsBetter: true,
  },
  {
    name: 'nce',
    aliases: ['ne', 'normalized-cross-entropy'],
    family: 'classification',
    definition: 'Normalized cross-entropy: CE(model) / CE(always predicting the background rate p̄) (He et al. 2014).',
    whenToUse: 'Ads/CTR models (book ch8): < 1 beats the base-rate predictor; comparable across different CTRs.',
    misuse:
      'NCE ≥ 1 means no better than the base rate. Computed on downsampled data without recalibration it is wrong.',
    lowerIsBetter: true,
  },
  {
    name: 'brier',
    aliases: [],
    family: 'classification',
    definition: 'Mean squared error of the probability: mean (p − y)².',
    whenToUse: 'Checking calibration plus refinement of probabilistic outputs.',
    misuse: 'Small values look good under heavy imbalance; compare against the base-rate predictor.',
    lowerIsBetter: true,
  },
  {
    name: 'ece',
    aliases: [],
    family: 'classification',
    definition: 'Expected calibration error: bin-weighted mean of |accuracy − confidence| (reliability diagram).',
    whenToUse: 'Probabilities feed auctions, thresholds or expected-value decisions.',
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
    aliases: [],
    family: 'generation',
    definition: 'Modified n-gram precision against reference texts, with a brevity penalty.',
    whenToUse: 'Machine translation with good references.',
    misuse:
      'Weak correlation with quality for open-ended generation: never the only metric; scores depend on tokenization.',
  },
  {
    name: 'rouge',
    aliases: [],
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
    aliases: [],
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
    aliases: [],
    family: 'generation',
    lowerIsBetter: true,
    definition: 'exp(mean negative log-likelihood per token) on held-out text.',
    whenToUse: 'Language-model fit on a fixed tokenizer and test set.',
    misuse: 'Not comparable across tokenizers, vocabularies or test sets; does not measure usefulness of generations.',
  },
  {
    name: 'bertscore',
    aliases: [],
    family: 'generation',
    definition: 'Similarity of contextual embeddings of candidate and reference tokens (greedy matching, P/R/F1).',
    whenToUse: 'Reference-based text quality that tolerates paraphrase.',
    misuse: 'Depends on the embedding model and layer; state them. Still reference-based.',
  },
  {
    name: 'fid',
    aliases: [],
    family: 'generation',
    lowerIsBetter: true,
    definition: 'Fréchet distance between Gaussian fits of Inception features of real and generated images.',
    whenToUse: 'Image generation quality and diversity.',
    misuse:
      'Biased for small samples (use ≥ 10k images and the same count when comparing); depends on the feature extractor.',
  },
  {
    name: 'inception-score',
    aliases: [],
    family: 'generation',
    definition: 'exp(E_x KL(p(y|x) ‖ p(y))) with an ImageNet Inception classifier.',
    whenToUse: 'Image generation (book Table 1.4).',
    misuse: 'Ignores the real data distribution; meaningless outside ImageNet-like classes.',
  },
  {
    name: 'clip-score',
    aliases: [],
    family: 'generation',
    definition: 'Cosine similarity of CLIP embeddings of the generated image and its prompt.',
    whenToUse: 'Text-to-image prompt alignment.',
    misuse: 'Says nothing about image quality; pair it with FID or human evaluation.',
  },
  {
    name: 'human-eval',
    aliases: [],
    family: 'generation',
    definition: 'Human ratings of outputs against a rubric.',
    whenToUse: 'Often the real acceptance metric for generation.',
    misuse: 'State the rubric, rater pool and inter-rater agreement; costly, so sample sizes are small.',
  },
  {
    name: 'win-rate',
    aliases: [],
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
    aliases: [],
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
];

// ---------------------------------------------------------------------------------------------
// Task types (rules.md "Metrics that fit each task type" and "Losses that fit each task type")
// ---------------------------------------------------------------------------------------------

const BINARY_METRICS = [
  'precision',
  'recall',
  'f1',
  'fbeta',
  'accuracy',
  'roc-auc',
  'pr-auc',
  'average-precision',
  'log-loss',
  'nce',
  'brier',
  'ece',
  'precision-at-recall',
  'recall-at-precision',
  'confusion-matrix',
];
const MULTICLASS_METRICS = [
  'accuracy',
  'top-k-accuracy',
  'macro-f1',
  'micro-f1',
  'weighted-f1',
  'f1',
  'precision',
  'recall',
  'log-loss',
  'ece',
  'confusion-matrix',
];
const MULTILABEL_METRICS = [
  'roc-auc',
  'pr-auc',
  'average-precision',
  'macro-f1',
  'micro-f1',
  'f1',
  'hamming-loss',
  'subset-accuracy',
  'precision',
  'recall',
  'log-loss',
];
const REGRESSION_METRICS = ['mae', 'mse', 'rmse', 'mape', 'smape', 'wape', 'r2', 'pinball', 'msle'];
const RANKING_METRICS = [
  'precision',
  'recall',
  'hit-rate',
  'mrr',
  'map',
  'ndcg',
  'average-rank',
  'diversity',
  'coverage',
  'novelty',
  'roc-auc',
  'pr-auc',
  'log-loss',
  'nce',
];

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

// rules.md v1.1 "Losses that fit each task type": cross-entropy fits every classifier type (softmax over
// two classes is BCE), anomaly detection adds reconstruction losses and one-class, tweedie joins regression.
const CLASSIFICATION_LOSSES = ['bce', 'cross-entropy', 'focal', 'class-balanced', 'hinge'];
const REGRESSION_LOSSES = ['mse', 'mae', 'huber', 'quantile', 'poisson', 'tweedie', 'msle'];
const RANKING_LOSSES = [
  'bce',
  'cross-entropy',
  'focal',
  'pairwise',
  'listwise',
  'sampled-softmax',
  'contrastive',
  'infonce',
  'mse',
];
const GENERATION_LOSSES = ['cross-entropy', 'mse', 'contrastive'];

export const TASKS: readonly TaskInfo[] = [
  {
    type: 'binary-classification',
    description: 'Predict one of two classes, usually as a score or probability P(positive) (click, fraud, harmful).',
    metrics: BINARY_METRICS,
    losses: CLASSIFICATION_LOSSES,
    typicalLoss: '`bce` (log loss); `focal` or `class-balanced` under heavy imbalance.',
  },
  {
    type: 'multiclass-classification',
    description: 'Predict exactly one of K > 2 mutually exclusive classes (softmax output).',
    metrics: MULTICLASS_METRICS,
    losses: ['cross-entropy', 'bce', 'focal', 'class-balanced', 'hinge'],
    typicalLoss: '`cross-entropy` over a softmax; `focal` or `class-balanced` for rare classes.',
  },
  {
    type: 'multilabel-classification',
    description: 'Predict any subset of K labels: K independent yes/no decisions (sigmoid outputs).',
    metrics: MULTILABEL_METRICS,
    losses: CLASSIFICATION_LOSSES,
    typicalLoss: '`bce` per label (sigmoid outputs); `focal` for rare labels.',
  },
  {
    type: 'multitask-classification',
    description:
      'One shared model with several classification heads (e.g. one per harm class or per reaction); declare them in `framing.heads`.',
    metrics: union(BINARY_METRICS, MULTICLASS_METRICS, MULTILABEL_METRICS),
    losses: CLASSIFICATION_LOSSES,
    typicalLoss:
      'Weighted sum of per-head losses: `bce` for binary heads, `cross-entropy` for multiclass heads; `focal` for rare classes.',
  },
  {
    type: 'regression',
    description: 'Predict a real-valued quantity (price, ETA, dwell time); state the output range.',
    metrics: REGRESSION_METRICS,
    losses: REGRESSION_LOSSES,
    typicalLoss:
      '`mse`; `mae` or `huber` with outliers; `quantile` for P90-style targets; `poisson` for counts (`tweedie` with many zeros).',
  },
  {
    type: 'forecasting',
    description: 'Predict future values of a time series from its past (demand, traffic); splits must respect time.',
    metrics: union(REGRESSION_METRICS, ['mase']),
    losses: REGRESSION_LOSSES,
    typicalLoss:
      '`mae` or `mse`; `quantile` for prediction intervals; `poisson` for count series (`tweedie` for intermittent demand).',
  },
  {
    type: 'ranking',
    description: 'Order candidates for a query or user (learning to rank: pointwise, pairwise or listwise).',
    metrics: RANKING_METRICS,
    losses: RANKING_LOSSES,
    typicalLoss: 'Pointwise `bce` on P(engage); `pairwise` (BPR, RankNet) or `listwise` (LambdaRank, ListNet).',
  },
  {
    type: 'recommendation',
    description: 'Recommend items to a user, typically candidate generation → ranking → re-ranking.',
    metrics: RANKING_METRICS,
    losses: RANKING_LOSSES,
    typicalLoss:
      '`sampled-softmax` or `contrastive` for two-tower candidate generation; `bce` for the ranker; `mse` for matrix factorization.',
  },
  {
    type: 'retrieval',
    description:
      'Representation learning plus nearest-neighbour search: embed queries and items, fetch the closest items from an (ANN) index.',
    metrics: ['recall', 'precision', 'hit-rate', 'mrr', 'map', 'ndcg', 'average-rank', 'ann-recall'],
    losses: ['contrastive', 'triplet', 'infonce', 'sampled-softmax', 'cross-entropy', 'bce', 'pairwise'],
    typicalLoss: '`infonce`/`contrastive` with in-batch or hard negatives; `triplet`; `sampled-softmax`.',
  },
  {
    type: 'link-prediction',
    description:
      'Predict whether an edge will form between two graph nodes (friend suggestions), e.g. a GNN on a graph snapshot.',
    metrics: union(['roc-auc', 'pr-auc', 'log-loss', 'average-precision'], RANKING_METRICS),
    losses: ['bce', 'cross-entropy', 'pairwise', 'contrastive', 'infonce', 'sampled-softmax'],
    typicalLoss: '`bce` on observed edges vs sampled non-edges; `pairwise` (BPR) for ranked suggestions.',
  },
  {
    type: 'object-detection',
    description: 'Locate objects with bounding boxes and classify each box.',
    metrics: ['iou', 'ap', 'map', 'coco-map', 'precision', 'recall'],
    losses: ['cross-entropy', 'focal', 'huber', 'mae', 'mse', 'iou-loss', 'bce'],
    typicalLoss:
      '`cross-entropy` or `focal` for the class + `huber` (smooth-L1), `mse` or `iou-loss` (GIoU) for the box.',
  },
  {
    type: 'segmentation',
    description: 'Assign a class to every pixel (semantic) or a mask to every object (instance).',
    metrics: ['miou', 'iou', 'dice', 'pixel-accuracy'],
    losses: ['cross-entropy', 'dice', 'focal', 'iou-loss', 'bce'],
    typicalLoss: 'Per-pixel `cross-entropy` (or `bce`) + `dice`; `focal` for small foregrounds.',
  },
  {
    type: 'text-generation',
    description: 'Generate text (translation, summarization, captioning, chat) token by token.',
    metrics: ['bleu', 'rouge', 'meteor', 'cider', 'spice', 'perplexity', 'bertscore', 'human-eval', 'win-rate'],
    losses: GENERATION_LOSSES,
    typicalLoss: 'Token-level `cross-entropy` (next-token negative log-likelihood).',
  },
  {
    type: 'image-generation',
    description: 'Generate images (text-to-image, inpainting, super-resolution).',
    metrics: ['fid', 'inception-score', 'clip-score', 'human-eval', 'win-rate'],
    losses: GENERATION_LOSSES,
    typicalLoss:
      'Diffusion: `mse` on the predicted noise; autoregressive: `cross-entropy` over image tokens; `contrastive` for text–image alignment.',
  },
  {
    type: 'clustering',
    description: 'Group unlabeled examples by similarity (unsupervised).',
    metrics: ['silhouette', 'davies-bouldin', 'ari', 'nmi'],
    losses: [],
    typicalLoss: 'No supervised loss (e.g. k-means inertia); losses are not checked.',
  },
  {
    type: 'anomaly-detection',
    description: 'Flag rare, unusual examples (fraud, intrusions, defects), with or without labels.',
    metrics: ['precision', 'recall', 'f1', 'pr-auc', 'roc-auc', 'average-precision'],
    losses: [...CLASSIFICATION_LOSSES, 'mse', 'mae', 'huber', 'one-class'],
    typicalLoss:
      '`bce` or `focal` with labels; reconstruction `mse` for autoencoders; `one-class` (one-class SVM, Deep SVDD) without labels.',
  },
];

// ---------------------------------------------------------------------------------------------
// Losses (rules.md "Known losses")
// ---------------------------------------------------------------------------------------------

export const LOSSES: readonly LossInfo[] = [
  {
    name: 'bce',
    aliases: ['binary-cross-entropy', 'logistic', 'log-loss', 'sigmoid-cross-entropy'],
    description: 'Binary cross-entropy on a sigmoid output: −[y log p + (1 − y) log(1 − p)]; per label for multilabel.',
  },
  {
    name: 'cross-entropy',
    aliases: ['softmax', 'categorical-cross-entropy', 'ce'],
    description: 'Categorical cross-entropy on a softmax over K classes (or tokens): −log p(true class).',
  },
  {
    name: 'focal',
    aliases: [],
    description:
      'Cross-entropy scaled by (1 − p_t)^γ to down-weight easy examples; for heavy imbalance and dense detection.',
  },
  {
    name: 'class-balanced',
    aliases: [],
    description: 'Loss re-weighted per class by the inverse effective number of samples, (1 − β) / (1 − β^n).',
  },
  {
    name: 'hinge',
    aliases: [],
    description: 'Margin loss max(0, 1 − y·f(x)) with y ∈ {−1, 1} (SVM); no probabilities.',
  },
  {
    name: 'mse',
    aliases: ['l2', 'squared-error', 'reconstruction'],
    description: 'Mean squared error (y − ŷ)²: predicts the conditional mean; sensitive to outliers.',
  },
  {
    name: 'mae',
    aliases: ['l1', 'absolute-error'],
    description: 'Mean absolute error |y − ŷ|: predicts the conditional median; robust to outliers.',
  },
  {
    name: 'huber',
    aliases: ['smooth-l1'],
    description:
      'Quadratic for small errors, linear beyond δ: MSE near 0, MAE-like robustness in the tails (box regression).',
  },
  {
    name: 'quantile',
    aliases: ['pinball'],
    description: 'Pinball loss at quantile τ: max(τ·e, (τ − 1)·e); trains a P50/P90 predictor.',
  },
  {
    name: 'poisson',
    aliases: [],
    description: 'Poisson negative log-likelihood ŷ − y log ŷ, for non-negative counts.',
  },
  {
    name: 'msle',
    aliases: [],
    description: 'Squared error of log(1 + y): relative error for non-negative targets spanning orders of magnitude.',
  },
  {
    name: 'contrastive',
    aliases: [],
    description:
      'Pulls embeddings of positive pairs together and pushes negatives apart (beyond a margin or via softmax over negatives).',
  },
  {
    name: 'triplet',
    aliases: [],
    description: 'max(0, d(a, p) − d(a, n) + margin) over (anchor, positive, negative) triplets.',
  },
  {
    name: 'infonce',
    aliases: [],
    description:
      'Softmax cross-entropy identifying the positive among in-batch/sampled negatives, with a temperature (CLIP, SimCLR).',
  },
  {
    name: 'sampled-softmax',
    aliases: [],
    description:
      'Softmax cross-entropy over the positive and a sample of negatives, with log-Q correction for sampling bias (two-tower retrieval).',
  },
  {
    name: 'pairwise',
    aliases: ['bpr', 'ranknet'],
    description: 'Learning to rank on item pairs: −log σ(s⁺ − s⁻) so the preferred item scores higher.',
  },
  {
    name: 'listwise',
    aliases: ['lambdarank', 'listnet', 'softmax-ranking', 'lambdamart'],
    description:
      'Learning to rank on whole lists: softmax over the list (ListNet) or pairs weighted by ΔNDCG (LambdaRank).',
  },
  {
    name: 'dice',
    aliases: [],
    description: '1 − Dice coefficient of predicted and true masks; robust to foreground/background imbalance.',
  },
  {
    name: 'iou-loss',
    aliases: ['giou'],
    description: '1 − IoU of predicted and true boxes (GIoU adds a penalty for non-overlapping boxes).',
  },
  // --- v1.1 additions (format.md "Widened enums": known loss names) ------------------------------
  {
    name: 'one-class',
    aliases: ['one-class-svm', 'ocsvm', 'svdd', 'deep-svdd'],
    description:
      'One-class objective (one-class SVM, Deep SVDD): learns a boundary around normal data without labels; anomalies fall outside.',
  },
  {
    name: 'tweedie',
    aliases: [],
    description:
      'Tweedie negative log-likelihood (1 < p < 2): counts with many zeros and a continuous positive part (intermittent demand, claims).',
  },
];

// ---------------------------------------------------------------------------------------------
// The ten book problems (domain.md §2a, §2b) plus `other`
// ---------------------------------------------------------------------------------------------

export const ARCHETYPES: readonly ArchetypeInfo[] = [
  {
    id: 'visual-search',
    title: 'Visual search (Pinterest-like)',
    chapter: 2,
    taskType: 'retrieval',
    framing:
      'Ranking through **representation learning**: a CNN/ViT image encoder trained contrastively (softmax + cross-entropy over 1 positive and n − 1 negatives); ANN retrieval of nearest embeddings; re-ranking. The book picks **nDCG** because its eval set has graded similarity scores.',
    offlineMetrics: ['ndcg@10', 'mrr', 'recall@10', 'precision@10', 'map@10'],
    onlineMetrics: ['ctr', 'time-spent'],
    scale:
      '100–200 B images; search must be fast; images only, no personalization, metadata unused. Index: 10¹¹ × 128-d × 4 B ≈ 51–102 TB fp32, so sharding and compression (PQ) are required.',
    pitfalls: [
      '**Position bias** in click-derived labels (clicks are the only action).',
      'ANN recall vs latency at 10¹¹ scale: state the index type and its recall target.',
      'Near-duplicates and inappropriate images must be handled in re-ranking.',
      'Index refresh pipeline for new images.',
    ],
  },
  {
    id: 'object-detection',
    title: 'Street View blurring (object detection)',
    chapter: 3,
    taskType: 'object-detection',
    framing:
      '**Object detection**, two-stage: region proposal network (box regression, MSE) + classifier (cross-entropy); NMS post-processing; faces and plates are blurred. Precision at an IoU threshold (book example 0.7), AP per class, mAP over classes.',
    offlineMetrics: ['map@iou=0.5', 'ap@iou=0.5', 'recall@iou=0.5', 'precision@iou=0.5'],
    onlineMetrics: ['report-rate'],
    scale:
      '1 M annotated images; **latency not a concern → batch** processing (existing images stay visible while new ones are processed); CPU-bound preprocessing separated from GPU inference.',
    pitfalls: [
      '**Recall-critical**: a missed face or plate is a privacy failure.',
      'State the IoU threshold(s) of AP/mAP (VOC 0.5 vs COCO 0.5:0.95).',
      '**Demographic bias** in the face dataset.',
      'Augmentation must transform the boxes too; offline vs online augmentation (storage vs compute).',
      'NMS threshold tuning; user reports feed **hard negative mining**.',
    ],
  },
  {
    id: 'video-search',
    title: 'Video search (YouTube-like)',
    chapter: 4,
    taskType: 'ranking',
    framing:
      '**Ranking**: text-to-video representation learning (text encoder + video encoder, contrastive) fused with text search over an inverted index (Elasticsearch); fusion = weighted sum of scores. **MRR**: the annotated pairs have one relevant video per query, so P@k and mAP are unhelpful and recall@k depends on k.',
    offlineMetrics: ['mrr'],
    onlineMetrics: ['ctr', 'completion-rate', 'watch-time'],
    scale:
      '1 B videos; 10 M ⟨video, query⟩ annotated pairs; English only; no personalization. Index ≈ 1 B × 256-d × 4 B ≈ 1 TB.',
    pitfalls: [
      'One relevant item per query drives the **metric choice** (MRR).',
      'Head, torso and tail queries behave differently: evaluate by slice.',
      'Near-duplicate videos in results.',
      'Query understanding, popularity and freshness beyond embedding similarity.',
      'Multilingual extension is out of scope at first.',
    ],
  },
  {
    id: 'harmful-content',
    title: 'Harmful content detection',
    chapter: 5,
    taskType: 'multitask-classification',
    framing:
      '**Multi-task classification**: early fusion of text, image, video, author and context features → shared layers → one binary head per harm class (violence, nudity, hate…); output P(harm class). One binary classifier was rejected: it cannot explain removals and hides weak classes.',
    offlineMetrics: ['pr-auc', 'roc-auc', 'precision', 'recall'],
    onlineMetrics: ['prevalence', 'valid-appeals', 'proactive-rate', 'report-rate'],
    scale:
      '**> 500 M posts/day** (≈ 5.8 k/s average); human labels for **~10,000 posts/day**; latency depends on the harm type (violence real-time, others batch); multilingual; removals must be **explained**.',
    pitfalls: [
      '**Extreme class imbalance**: state the handling (focal loss, resampling).',
      '**Label noise** from user reports: hand labels for evaluation, report labels for training.',
      'One modality dominating training (gradient blending, focal loss).',
      'Adversarial drift: bad actors adapt.',
      'Cost of false positives (censorship, appeals) vs false negatives (harm).',
      'Explainability of removals: per-class heads.',
    ],
  },
  {
    id: 'video-recommendation',
    title: 'Video recommendation (YouTube homepage)',
    chapter: 6,
    taskType: 'recommendation',
    framing:
      '**Recommendation** by hybrid filtering: matrix factorization and two-tower models; stages are candidate generation → scoring → re-ranking. Relevance defined by rules (e.g. liked, or watched ≥ half); explicit user feedback is also an online signal.',
    offlineMetrics: ['precision@10', 'map@10', 'diversity'],
    onlineMetrics: ['ctr', 'completion-rate', 'watch-time'],
    scale: '~10 B videos; global, multilingual; **≤ 200 ms** end to end. Index ≈ 10 B × 128-d × 4 B ≈ 5 TB fp32.',
    pitfalls: [
      '**Cold start**: CF cannot handle new users or videos; the two-tower model uses features.',
      'Popularity and **position bias** in interaction labels.',
      '**Exploration–exploitation** and feedback loops.',
      'Diversity (never as the only metric).',
      'Clickbait, misinformation and region restrictions handled in re-ranking.',
    ],
  },
  {
    id: 'event-recommendation',
    title: 'Event recommendation (Eventbrite-like)',
    chapter: 7,
    taskType: 'ranking',
    framing:
      '**Ranking by pointwise learning to rank = binary classifier** P(user registers for event); XGBoost baseline → neural network; event filtering then ranking. **mAP** preferred to nDCG because relevance is binary.',
    offlineMetrics: ['map@10'],
    onlineMetrics: ['ctr', 'conversion-rate', 'bookmark-rate', 'revenue-lift'],
    scale: '~1 M events/month (≈ 33 k new events/day); ~1 M DAU; location via external map APIs.',
    pitfalls: [
      'Events are ephemeral: recommendation is **intrinsically cold-start**.',
      '**Class imbalance** (tens to hundreds of impressions per registration): focal or class-balanced loss, undersampling.',
      '**Data leakage** from features computed after the label time.',
      'Streaming features (registrations so far, time remaining) need online serving.',
      'Two-sided marketplace fairness; location privacy.',
    ],
  },
  {
    id: 'ad-click-prediction',
    title: 'Ad click prediction on social platforms',
    chapter: 8,
    taskType: 'binary-classification',
    framing:
      '**Pointwise learning to rank = binary classification** P(click) with **continual learning**; LR → feature crosses → GBDT → FM/DeepFM → **DCN**; targeting-based candidate generation → ranking → re-ranking. Offline: cross-entropy and **NCE** (< 1 beats the background CTR).',
    offlineMetrics: ['nce', 'log-loss'],
    onlineMetrics: ['ctr', 'conversion-rate', 'revenue-lift', 'hide-rate'],
    scale:
      'Continual learning is a must: "even a 5-minute delay in updating models can damage performance". Positive = click within *t* seconds of the impression.',
    pitfalls: [
      '**Extreme imbalance** (low CTR); negative downsampling requires recalibration.',
      '**Calibration** is required: probabilities feed the auction.',
      'Ambiguous or delayed negatives: fix the label window *t*.',
      'High-cardinality sparse IDs; **catastrophic forgetting** under continual learning.',
      '**Data leakage**; dynamic features rule out batch prediction.',
    ],
  },
  {
    id: 'similar-items',
    title: 'Similar listings (Airbnb-like)',
    chapter: 9,
    taskType: 'recommendation',
    framing:
      '**Session-based recommendation**: listing embeddings from click sessions (skip-gram-like shallow network, sliding window, negative sampling); the eventually-booked listing as **global context**; **same-region hard negatives**; ANN retrieval.',
    offlineMetrics: ['average-rank'],
    onlineMetrics: ['ctr', 'session-book-rate'],
    scale:
      '**5 M listings**; a new listing may appear in recommendations **one day** after posting; anonymous and logged-in users treated alike. Index ≈ 5 M × 32-d × 4 B ≈ 0.64 GB: exact search is feasible on one host.',
    pitfalls: [
      '**Cold start** for new listings (embedding from nearby listings of the same type and price range).',
      'Random negatives are too easy: add same-region hard negatives.',
      '**Click objective ≠ booking objective**: booked listing as global context; CTR alone is not enough online.',
      'Only interaction sessions are available (no user or listing attributes).',
    ],
  },
  {
    id: 'news-feed',
    title: 'Personalized news feed',
    chapter: 10,
    taskType: 'ranking',
    framing:
      '**Ranking through multi-task classification**: one head per reaction (click, like, share, comment, hide, block…) plus dwell-time regression and skip heads for passive users; engagement score = weighted sum of reaction probabilities (negative weights for hide and block). Offline: per-reaction precision and recall, **ROC-AUC** per reaction.',
    offlineMetrics: ['roc-auc'],
    onlineMetrics: ['ctr', 'reaction-rate', 'time-spent', 'satisfaction'],
    scale:
      '~**3 B users, ~2 B DAU**; feed checked **twice a day** (≈ 46 k QPS average, ≈ 93 k peak); ranked posts in **< 200 ms**.',
    pitfalls: [
      '**Passive users** rarely react: add dwell-time and skip heads.',
      '**Imbalance**: negatives downsampled to match positives.',
      '**Position bias** in reaction labels.',
      'CTR rewards clickbait; viral posts; new-user cold start.',
      'Retraining frequency for fast-changing content.',
    ],
  },
  {
    id: 'people-you-may-know',
    title: 'People You May Know (LinkedIn-like)',
    chapter: 11,
    taskType: 'link-prediction',
    framing:
      '**Link (edge) prediction with a GNN** on a graph snapshot at t, labels from t + 1. Pointwise LTR on user pairs was rejected for lacking social context. Friend-of-friend candidate generation. **ROC-AUC** for the GNN as a binary classifier, **mAP** for the ranked list.',
    offlineMetrics: ['roc-auc', 'map@10'],
    onlineMetrics: ['requests-sent', 'requests-accepted'],
    scale:
      '~**1 B users, 300 M DAU**; ~**1,000 connections** per user (friends-of-friends ≈ 10⁶ candidates per user); the graph changes slowly → **batch precompute** (≈ 3.5 k users/s for a daily refresh).',
    pitfalls: [
      '**Delayed feedback**: requests may come days later — when is a pair negative?',
      '**Rich-get-richer bias** toward frequent users (a feedback loop).',
      'Repeatedly ignored suggestions should be demoted.',
      'Candidate explosion: friends-of-friends ≈ 1,000² per user.',
      'Spam accounts (account-age feature).',
    ],
  },
  {
    id: 'other',
    title: 'Other (not one of the book problems)',
    taskType: 'binary-classification',
    framing:
      'Generic problem: no book framing applies. `binary-classification` is only a placeholder default — state `framing.task_type` explicitly and pick metrics that fit it.',
    offlineMetrics: [],
    onlineMetrics: [],
    scale: 'State DAU, item counts, QPS and latency yourself; nothing is assumed.',
    pitfalls: [
      'No simple baseline (heuristic or popularity) to beat.',
      'Offline metric not tied to the business objective; no online metric.',
      'Leakage: random split of time-ordered data.',
      'Class imbalance left unhandled.',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Lookup helpers
// ---------------------------------------------------------------------------------------------

/** Normalizes a name for matching: lower case, `_` and spaces as `-`, trimmed. */
export function normalizeName(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function buildIndex<T extends { name: string; aliases: string[] }>(items: readonly T[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    for (const n of [it.name, ...it.aliases]) {
      const key = normalizeName(n);
      if (!m.has(key)) m.set(key, it);
    }
  }
  return m;
}

const METRIC_INDEX = buildIndex(METRICS);
const LOSS_INDEX = buildIndex(LOSSES);

/** A metric spelling split into its normalized base and its cutoff (`ndcg@10`, `map@iou=0.5`, `precision@k`). */
export interface MetricSpelling {
  /** normalized base as written (not alias-resolved), e.g. `ndcg`, `auroc` */
  base: string;
  /** normalized text after `@`, if any: `10`, `k`, `iou=0.5` */
  cutoff?: string;
  /** integer k of `@k`, when numeric */
  k?: number;
  /** IoU threshold of `@iou=…` (or `@iou0.5`), when numeric */
  iou?: number;
}

/** Splits a metric spelling at `@`: `NDCG @ 10` → {base: 'ndcg', cutoff: '10', k: 10}. */
export function splitMetric(name: string): MetricSpelling {
  const n = normalizeName(name);
  const at = n.indexOf('@');
  if (at < 0) return { base: n };
  const base = n.slice(0, at).replace(/-+$/, '');
  const cutoff = n
    .slice(at + 1)
    .replace(/^-+/, '')
    .replace(/-+$/, '');
  const out: MetricSpelling = { base, cutoff };
  if (/^\d+$/.test(cutoff)) out.k = Number(cutoff);
  const iou = /^iou-?(?:[=:]-?)?(\d*\.?\d+)$/.exec(cutoff);
  if (iou) out.iou = Number(iou[1]);
  return out;
}

/**
 * Finds a metric by canonical name or alias: case-insensitive, `_`/`-`/spaces alike, a cutoff stripped
 * (`ndcg@10` → ndcg, `map@iou=0.5` → map, `precision@k` → precision). Lenient extras: a trailing
 * `-score` is dropped when the full name is unknown (`f1-score`, `brier score`), and
 * `precision@recall=x` / `recall@precision=x` resolve to `precision-at-recall` / `recall-at-precision`.
 */
export function findMetric(name: string): MetricInfo | undefined {
  const { base, cutoff } = splitMetric(name);
  if (!base) return undefined;
  if (cutoff !== undefined) {
    if (base === 'precision' && /^recall\b/.test(cutoff)) return METRIC_INDEX.get('precision-at-recall');
    if (base === 'recall' && /^precision\b/.test(cutoff)) return METRIC_INDEX.get('recall-at-precision');
    if (base === 'recall' && /^fpr\b/.test(cutoff)) return METRIC_INDEX.get('recall-at-fpr');
  }
  return (
    METRIC_INDEX.get(base) ?? (base.endsWith('-score') ? METRIC_INDEX.get(base.slice(0, -'-score'.length)) : undefined)
  );
}

/**
 * Finds a loss by canonical name or alias (normalized). A trailing `loss` word is dropped when the full
 * name is unknown (`focal loss` → focal, `Huber_Loss` → huber); `iou-loss` and `log-loss` match as written.
 */
export function findLoss(name: string): LossInfo | undefined {
  const n = normalizeName(name);
  if (!n) return undefined;
  return LOSS_INDEX.get(n) ?? (n.endsWith('-loss') ? LOSS_INDEX.get(n.slice(0, -'-loss'.length)) : undefined);
}

export function taskInfo(t: TaskType): TaskInfo | undefined {
  return TASKS.find((x) => x.type === t);
}
export function archetypeInfo(id: string): ArchetypeInfo | undefined {
  const n = normalizeName(id);
  return ARCHETYPES.find((a) => a.id === n);
}

/** The MetricInfo of every metric that fits a task type (rules.md table), in table order. */
export function metricsForTask(t: TaskType): MetricInfo[] {
  const out: MetricInfo[] = [];
  for (const n of taskInfo(t)?.metrics ?? []) {
    const m = METRIC_INDEX.get(n);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Whether a metric fits a task type (MLSD503). `base` may be any accepted spelling (alias, cutoff).
 * An unknown metric is never a mismatch (it is MLSD511's business): returns true.
 */
export function metricFits(base: string, t: TaskType): boolean {
  const m = findMetric(base);
  if (!m) return true;
  const info = taskInfo(t);
  return !info || info.metrics.includes(m.name);
}

/**
 * Whether a loss fits a task type (MLSD402). Accepts any spelling of a known loss; true when the task's
 * loss list is empty (clustering: not checked) or the loss is unknown (unknown pieces are ignored).
 */
export function lossFits(canonicalLoss: string, t: TaskType): boolean {
  const l = findLoss(canonicalLoss);
  if (!l) return true;
  const info = taskInfo(t);
  return !info || info.losses.length === 0 || info.losses.includes(l.name);
}

/** Every accepted metric spelling (canonical names then aliases), for did-you-mean and completion. */
export function metricSpellings(): string[] {
  return [...METRICS.map((m) => m.name), ...METRICS.flatMap((m) => m.aliases)];
}
/** Every accepted loss spelling (canonical names then aliases). */
export function lossSpellings(): string[] {
  return [...LOSSES.map((l) => l.name), ...LOSSES.flatMap((l) => l.aliases)];
}

/** Optimal-string-alignment (restricted Damerau–Levenshtein) distance: insert, delete, substitute, swap adjacent. */
export function editDistance(a: string, b: string): number {
  const n = a.length,
    m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => {
    const row = new Array<number>(m + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
}

/**
 * Did-you-mean: the candidates closest to `name` (both normalized), edit distance ≤ max(2, ⌊len/3⌋)
 * where len is the normalized name's length; sorted by distance, then by candidate order. Returns the
 * candidates as given (deduplicated by normalized form), at most `max` (default 3).
 */
export function nearestNames(name: string, candidates: string[], max = 3): string[] {
  const q = normalizeName(name);
  if (!q) return [];
  const limit = Math.max(2, Math.floor(q.length / 3));
  const seen = new Set<string>();
  const scored: { c: string; d: number; i: number }[] = [];
  candidates.forEach((c, i) => {
    const n = normalizeName(c);
    if (seen.has(n)) return;
    seen.add(n);
    // skip candidates whose length alone rules them out
    if (Math.abs(n.length - q.length) > limit) return;
    const d = editDistance(q, n);
    if (d <= limit) scored.push({ c, d, i });
  });
  scored.sort((x, y) => x.d - y.d || x.i - y.i);
  return scored.slice(0, Math.max(0, max)).map((s) => s.c);
}

/** The offline metrics to suggest first for each task type (all fit the type and carry their cutoff). */
export const SUGGESTED_OFFLINE_METRICS: Record<TaskType, string[]> = {
  'binary-classification': ['pr-auc', 'roc-auc', 'log-loss'],
  'multiclass-classification': ['macro-f1', 'accuracy', 'log-loss'],
  'multilabel-classification': ['pr-auc', 'macro-f1', 'hamming-loss'],
  'multitask-classification': ['pr-auc', 'roc-auc', 'log-loss'],
  regression: ['mae', 'rmse'],
  forecasting: ['mae', 'wape', 'mase'],
  ranking: ['ndcg@10', 'map@10', 'mrr'],
  recommendation: ['precision@10', 'map@10', 'recall@100'],
  retrieval: ['recall@100', 'mrr', 'ndcg@10'],
  'link-prediction': ['roc-auc', 'map@10'],
  'object-detection': ['map@iou=0.5', 'recall@iou=0.5'],
  segmentation: ['miou', 'dice'],
  'text-generation': ['human-eval', 'rouge', 'bertscore'],
  'image-generation': ['fid', 'clip-score', 'human-eval'],
  clustering: ['silhouette', 'nmi'],
  'anomaly-detection': ['pr-auc', 'recall', 'precision'],
};

/** Task types whose labels are usually hand-annotated (MLSD301's suggested `data.labels.source`). */
export const HAND_LABELED: TaskType[] = [
  'object-detection',
  'segmentation',
  'multiclass-classification',
  'multilabel-classification',
];

/** Task types whose labels usually come from users' natural behaviour or the world (MLSD301). */
export const NATURAL_LABELED: TaskType[] = [
  'ranking',
  'recommendation',
  'retrieval',
  'link-prediction',
  'forecasting',
  'regression',
];
