/** The ten book problems (domain.md §2a, §2b) plus `other`, and the archetype families rules ask about. */
import type { TaskType } from './tasks';

export interface ArchetypeInfo {
  id: string; // e.g. 'video-recommendation'
  title: string; // e.g. 'Video recommendation (YouTube homepage)'
  /** one line: the catalogue's (and the schema's) description of the `archetype` value */
  summary: string;
  chapter?: number; // book chapter
  taskType: TaskType; // the book's framing as a task type
  framing: string; // markdown: the book's framing
  offlineMetrics: string[]; // metric spellings, e.g. ['precision@10', 'map', 'diversity']
  onlineMetrics: string[];
  scale: string; // scale and latency facts
  pitfalls: string[]; // classic pitfalls
}

// ---------------------------------------------------------------------------------------------
// The ten book problems (domain.md §2a, §2b) plus `other`
// ---------------------------------------------------------------------------------------------

export const ARCHETYPES: readonly ArchetypeInfo[] = [
  {
    id: 'visual-search',
    summary: 'Visual search (Pinterest-like), book ch. 2: representation learning + ANN retrieval.',
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
    summary: 'Google Street View blurring, book ch. 3: two-stage object detection, batch.',
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
    summary: 'YouTube video search, book ch. 4: text-to-video ranking fused with text search.',
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
    summary: 'Harmful content detection, book ch. 5: multi-task classification with one head per harm class.',
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
    summary: 'YouTube homepage recommendations, book ch. 6: candidate generation → scoring → re-ranking.',
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
    summary: 'Eventbrite-like event recommendation, book ch. 7: pointwise learning to rank.',
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
    summary: 'Ad click prediction on social platforms, book ch. 8: calibrated P(click) with continual learning.',
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
    summary: 'Airbnb-like similar listings, book ch. 9: session-based embeddings + ANN.',
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
    summary: 'Personalized news feed, book ch. 10: ranking by multi-task engagement prediction.',
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
    summary: 'LinkedIn-like PYMK, book ch. 11: link prediction with a GNN, batch precompute.',
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
    summary: 'Any other ML system.',
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

/** The archetypes that recommend (rules.md "ranks or recommends"). */
export const RECOMMENDATION_ARCHETYPES: readonly string[] = [
  'video-recommendation',
  'event-recommendation',
  'similar-items',
  'news-feed',
  'people-you-may-know',
];
