/**
 * Task types: the list (written once: the `TaskType` type and the catalogue's enum derive from it), what
 * fits each (rules.md "Metrics that fit each task type" and "Losses that fit each task type"), the task
 * families rules ask about and the offline metrics to suggest first.
 */

export const TASK_TYPES = [
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
  // v1.1 generative task types (genai.md §2.2)
  'sequence-to-sequence',
  'image-to-text',
  'video-generation',
  'super-resolution',
] as const;

export type TaskType = (typeof TASK_TYPES)[number];

/** Whether a string is one of the task types (canonical spelling). */
export function isTaskType(s: string): s is TaskType {
  return (TASK_TYPES as readonly string[]).includes(s);
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

// ---------------------------------------------------------------------------------------------
// Task types (rules.md "Metrics that fit each task type" and "Losses that fit each task type")
// ---------------------------------------------------------------------------------------------

// rules.md v1.1 "Metrics that fit each task type" (the widened fit table)
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
  'recall-at-fpr',
  'fpr',
  'false-alarms-per-hour',
  'value-weighted-recall',
  'confusion-matrix',
];
const MULTICLASS_METRICS = [
  'accuracy',
  'top-k-accuracy',
  'macro-f1',
  'micro-f1',
  'weighted-f1',
  'f1',
  'fbeta',
  'precision',
  'recall',
  'precision-at-recall',
  'recall-at-precision',
  'recall-at-fpr',
  'fpr',
  'roc-auc',
  'pr-auc',
  'average-precision',
  'log-loss',
  'nce',
  'brier',
  'ece',
  'confusion-matrix',
];
const MULTILABEL_METRICS = [
  'roc-auc',
  'pr-auc',
  'average-precision',
  'macro-f1',
  'micro-f1',
  'weighted-f1',
  'f1',
  'fbeta',
  'hamming-loss',
  'subset-accuracy',
  'precision',
  'recall',
  'precision-at-recall',
  'recall-at-precision',
  'recall-at-fpr',
  'fpr',
  'log-loss',
  'brier',
  'ece',
  'confusion-matrix',
];
const REGRESSION_METRICS = [
  'mae',
  'mse',
  'rmse',
  'mape',
  'smape',
  'wape',
  'r2',
  'pinball',
  'msle',
  'bias',
  'crps',
  'coverage',
];
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
  'ann-recall',
  'roc-auc',
  'pr-auc',
  'average-precision',
  'log-loss',
  'nce',
  'brier',
  'ece',
];
const RETRIEVAL_METRICS = [
  'recall',
  'precision',
  'hit-rate',
  'mrr',
  'map',
  'ndcg',
  'average-rank',
  'ann-recall',
  'coverage',
  'diversity',
  // genai.md §9: additions to the retrieval row
  'context-precision',
  'context-recall',
  'context-relevance',
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
// genai.md §10: image and video generation (`hinge` is the GAN hinge loss; `cross-entropy`/`next-token` an
// autoregressive model over image tokens)
const MEDIA_GENERATION_LOSSES = [
  'diffusion',
  'mse',
  'mae',
  'adversarial',
  'hinge',
  'perceptual',
  'vq',
  'kl-divergence',
  'cross-entropy',
  'next-token',
  'contrastive',
  'dpo',
];

export const TASKS: readonly TaskInfo[] = [
  {
    type: 'binary-classification',
    description:
      'Predict one of two classes, usually as a score or probability P(positive) (click, fraud, harmful). Metrics: PR-AUC, ROC-AUC, log loss, precision/recall.',
    metrics: BINARY_METRICS,
    losses: CLASSIFICATION_LOSSES,
    typicalLoss: '`bce` (log loss); `focal` or `class-balanced` under heavy imbalance.',
  },
  {
    type: 'multiclass-classification',
    description:
      'Predict exactly one of K > 2 mutually exclusive classes (softmax output). Metrics: accuracy, macro-F1, top-k accuracy.',
    metrics: MULTICLASS_METRICS,
    losses: ['cross-entropy', 'bce', 'focal', 'class-balanced', 'hinge'],
    typicalLoss: '`cross-entropy` over a softmax; `focal` or `class-balanced` for rare classes.',
  },
  {
    type: 'multilabel-classification',
    description:
      'Predict any subset of K labels: K independent yes/no decisions (sigmoid outputs). Metrics: per-label AUC/AP, micro/macro-F1, Hamming loss.',
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
    description:
      'Predict a real-valued quantity (price, ETA, dwell time); state the output range. Metrics: MAE, RMSE, MAPE.',
    metrics: REGRESSION_METRICS,
    losses: REGRESSION_LOSSES,
    typicalLoss: '`mse`; `mae` or `huber` with outliers; `quantile` for P90-style targets; `poisson` for counts.',
  },
  {
    type: 'forecasting',
    description:
      'Predict future values of a time series from its past (demand, traffic); splits must respect time. Metrics: MAE, MASE, WAPE.',
    metrics: union(REGRESSION_METRICS, ['mase']),
    losses: REGRESSION_LOSSES,
    typicalLoss:
      '`mae` or `mse`; `quantile` for prediction intervals; `poisson` for count series (`tweedie` for intermittent demand).',
  },
  {
    type: 'ranking',
    description:
      'Order candidates for a query or user (learning to rank: pointwise, pairwise or listwise). Metrics: nDCG@k, mAP@k, MRR.',
    metrics: RANKING_METRICS,
    losses: RANKING_LOSSES,
    typicalLoss: 'Pointwise `bce` on P(engage); `pairwise` (BPR, RankNet) or `listwise` (LambdaRank, ListNet).',
  },
  {
    type: 'recommendation',
    description:
      'Recommend items to a user, typically candidate generation → ranking → re-ranking. Metrics: precision@k, recall@k, mAP, diversity.',
    metrics: RANKING_METRICS,
    losses: RANKING_LOSSES,
    typicalLoss:
      '`sampled-softmax` or `contrastive` for two-tower candidate generation; `bce` for the ranker; `mse` for matrix factorization.',
  },
  {
    type: 'retrieval',
    description:
      'Representation learning plus nearest-neighbour search: embed queries and items, fetch the closest items from an (ANN) index. Metrics: recall@k, MRR.',
    metrics: RETRIEVAL_METRICS,
    losses: ['contrastive', 'triplet', 'infonce', 'sampled-softmax', 'cross-entropy', 'bce', 'pairwise'],
    typicalLoss: '`infonce`/`contrastive` with in-batch or hard negatives; `triplet`; `sampled-softmax`.',
  },
  {
    type: 'link-prediction',
    description:
      'Predict whether an edge will form between two graph nodes (friend suggestions), e.g. a GNN on a graph snapshot. Metrics: ROC-AUC, mAP over the ranked list.',
    metrics: RANKING_METRICS,
    losses: ['bce', 'cross-entropy', 'pairwise', 'contrastive', 'infonce', 'sampled-softmax'],
    typicalLoss: '`bce` on observed edges vs sampled non-edges; `pairwise` (BPR) for ranked suggestions.',
  },
  {
    type: 'object-detection',
    description: 'Locate objects with bounding boxes and classify each box. Metrics: AP / mAP at an IoU threshold.',
    metrics: ['iou', 'ap', 'map', 'coco-map', 'precision', 'recall'],
    losses: ['cross-entropy', 'focal', 'huber', 'mae', 'mse', 'iou-loss', 'bce'],
    typicalLoss:
      '`cross-entropy` or `focal` for the class + `huber` (smooth-L1), `mse` or `iou-loss` (GIoU) for the box.',
  },
  {
    type: 'segmentation',
    description: 'Assign a class to every pixel (semantic) or a mask to every object (instance). Metrics: mIoU, Dice.',
    metrics: ['miou', 'iou', 'dice', 'pixel-accuracy'],
    losses: ['cross-entropy', 'dice', 'focal', 'iou-loss', 'bce'],
    typicalLoss: 'Per-pixel `cross-entropy` (or `bce`) + `dice`; `focal` for small foregrounds.',
  },
  {
    type: 'text-generation',
    description:
      'Generate text (translation, summarization, captioning, chat) token by token. Metrics: BLEU, ROUGE, perplexity, human evaluation.',
    // genai.md §9 and §10 replace the v1 row (every v1 metric kept; `mse` left the loss row)
    metrics: [
      'bleu',
      'rouge',
      'meteor',
      'cider',
      'spice',
      'perplexity',
      'bertscore',
      'human-eval',
      'win-rate',
      'chrf',
      'exact-match',
      'accuracy',
      'f1',
      'pass',
      'faithfulness',
      'answer-relevance',
      'answer-correctness',
      'context-precision',
      'context-recall',
      'context-relevance',
      'citation-precision',
      'citation-recall',
      'hallucination-rate',
      'toxicity-rate',
      'refusal-rate',
      'attack-success-rate',
      'pii-leakage-rate',
      'elo',
      'llm-judge-score',
    ],
    losses: [
      'cross-entropy',
      'next-token',
      'label-smoothed-cross-entropy',
      'masked-lm',
      'contrastive',
      'dpo',
      'rlhf',
      'reward-model',
      'kl-divergence',
    ],
    typicalLoss:
      '`next-token` cross-entropy for pretraining and instruction tuning; `dpo` or `rlhf` (with a `reward-model`) for preference alignment. (`mse` fits only hidden-state distillation.)',
  },
  {
    type: 'image-generation',
    description:
      'Generate images (text-to-image, inpainting, super-resolution). Metrics: FID, Inception score, CLIP score, human evaluation.',
    // genai.md §9 and §10 replace the v1 row (every v1 metric kept)
    metrics: [
      'fid',
      'inception-score',
      'clip-score',
      'human-eval',
      'win-rate',
      'kid',
      'precision',
      'recall',
      'lpips',
      'psnr',
      'ssim',
      'aesthetic-score',
      'pickscore',
      'hps',
      'image-reward',
      'vqa-score',
      'dino-score',
      'clip-i',
      'face-similarity',
      'nsfw-rate',
      'attack-success-rate',
      'refusal-rate',
      'elo',
      'llm-judge-score',
    ],
    losses: MEDIA_GENERATION_LOSSES,
    typicalLoss:
      '`diffusion` (noise, v or flow-matching regression); `adversarial` for GANs; `next-token` over image tokens for autoregressive models; `perceptual` + `vq` for image tokenizers.',
  },
  {
    type: 'clustering',
    description:
      'Group unlabeled examples by similarity (unsupervised). Metrics: silhouette, Davies-Bouldin, ARI, NMI.',
    metrics: ['silhouette', 'davies-bouldin', 'ari', 'nmi'],
    losses: [],
    typicalLoss: 'No supervised loss (e.g. k-means inertia); losses are not checked.',
  },
  {
    type: 'anomaly-detection',
    description:
      'Flag rare, unusual examples (fraud, intrusions, defects), with or without labels. Metrics: precision@k, PR-AUC, recall.',
    metrics: BINARY_METRICS,
    losses: [...CLASSIFICATION_LOSSES, 'mse', 'mae', 'huber', 'one-class'],
    typicalLoss:
      '`bce` or `focal` with labels; reconstruction `mse` for autoencoders; `one-class` (one-class SVM, Deep SVDD) without labels.',
  },
  // --- v1.1 generative task types (genai.md §2.2; fit tables §9 and §10) ---------------------------
  {
    type: 'sequence-to-sequence',
    description:
      'Text in, text out where the output is a rewrite of the input with references: translation, summarization, paraphrase. Metrics: BLEU, chrF, COMET, ROUGE, human evaluation.',
    metrics: [
      'bleu',
      'chrf',
      'comet',
      'ter',
      'meteor',
      'rouge',
      'bertscore',
      'perplexity',
      'exact-match',
      'faithfulness',
      'hallucination-rate',
      'toxicity-rate',
      'attack-success-rate',
      'human-eval',
      'win-rate',
      'elo',
      'llm-judge-score',
    ],
    losses: [
      'cross-entropy',
      'next-token',
      'label-smoothed-cross-entropy',
      'masked-lm',
      'kl-divergence',
      'dpo',
      'rlhf',
      'reward-model',
    ],
    typicalLoss: '`label-smoothed-cross-entropy` with teacher forcing; `masked-lm` (denoising) for pretraining.',
  },
  {
    type: 'image-to-text',
    description:
      'Text from an image: captioning, alt text, visual question answering. Metrics: CIDEr, SPICE, CLIPScore, hallucination (CHAIR), human evaluation.',
    metrics: [
      'bleu',
      'meteor',
      'rouge',
      'cider',
      'spice',
      'bertscore',
      'clip-score',
      'perplexity',
      'exact-match',
      'accuracy',
      'hallucination-rate',
      'toxicity-rate',
      'human-eval',
      'win-rate',
      'llm-judge-score',
    ],
    losses: [
      'cross-entropy',
      'next-token',
      'label-smoothed-cross-entropy',
      'contrastive',
      'infonce',
      'kl-divergence',
      'rlhf',
      'dpo',
    ],
    typicalLoss:
      '`next-token` cross-entropy over caption tokens; `contrastive` image–text pretraining; `rlhf` (SCST) on CIDEr.',
  },
  {
    type: 'video-generation',
    description:
      'Video from text or images, including temporal upsampling and frame interpolation. Metrics: FVD, CLIP score over frames, temporal consistency, human evaluation.',
    metrics: [
      'fvd',
      'kvd',
      'fid',
      'kid',
      'inception-score',
      'clip-score',
      'clip-i',
      'dino-score',
      'face-similarity',
      'temporal-consistency',
      'vbench',
      'psnr',
      'ssim',
      'lpips',
      'aesthetic-score',
      'vqa-score',
      'nsfw-rate',
      'attack-success-rate',
      'human-eval',
      'win-rate',
      'elo',
      'llm-judge-score',
    ],
    losses: [
      'diffusion',
      'mse',
      'mae',
      'adversarial',
      'hinge',
      'perceptual',
      'vq',
      'kl-divergence',
      'cross-entropy',
      'next-token',
      'contrastive',
      'dpo',
    ],
    typicalLoss:
      '`diffusion` (noise, v or flow-matching regression); autoencoder `mse` + `perceptual` + `adversarial`.',
  },
  {
    type: 'super-resolution',
    description:
      'A higher-resolution image or video frames from a lower-resolution one (a cascade stage). Metrics: PSNR, SSIM, LPIPS, FID.',
    metrics: ['psnr', 'ssim', 'lpips', 'fid', 'kid', 'face-similarity', 'human-eval', 'win-rate'],
    losses: ['mse', 'mae', 'huber', 'perceptual', 'adversarial', 'diffusion'],
    typicalLoss: 'Pixel `mae`/`mse` + `perceptual` (+ `adversarial`); `diffusion` for diffusion upsamplers.',
  },
];

/** The ranking family (rules.md "ranks or recommends"): task types whose output is a ranked list. */
export const RANKING_TASKS: readonly TaskType[] = ['ranking', 'recommendation', 'retrieval', 'link-prediction'];

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
  'sequence-to-sequence': ['comet', 'chrf', 'human-eval'],
  'image-to-text': ['cider', 'clip-score', 'hallucination-rate'],
  'video-generation': ['fvd', 'clip-score', 'human-eval'],
  'super-resolution': ['psnr', 'lpips', 'ssim'],
};

/** The generative task types (genai.md §2.2). */
export const GENERATIVE_TASKS: readonly TaskType[] = [
  'text-generation',
  'sequence-to-sequence',
  'image-to-text',
  'image-generation',
  'video-generation',
  'super-resolution',
];
/** Text-output generative task types (genai.md §2.2). */
export const TEXT_OUTPUT_TASKS: readonly TaskType[] = ['text-generation', 'sequence-to-sequence', 'image-to-text'];
/** Media-output generative task types (genai.md §2.2). */
export const MEDIA_OUTPUT_TASKS: readonly TaskType[] = ['image-generation', 'video-generation', 'super-resolution'];
/** Whether a task type is one of the six generative task types. */
export function isGenerativeTask(t: string | undefined): boolean {
  return !!t && (GENERATIVE_TASKS as readonly string[]).includes(t);
}
