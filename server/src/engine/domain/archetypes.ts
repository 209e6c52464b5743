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
  /** v1.1 generative archetypes (genai.md §2.1): the typical stages with their task types (markdown) */
  stages?: string;
  /** v1.1 generative archetypes: the `framing.user_prompt` default (genai.md §2.1) */
  userPrompt?: boolean;
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
  // --- v1.1 generative archetypes (genai.md §2.1; genai-domain.md §2) ----------------------------
  {
    id: 'smart-compose',
    summary: 'Gmail Smart Compose, generative book ch. 2: inline phrase completion while typing (text-generation).',
    title: 'Smart Compose (Gmail-like)',
    chapter: 2,
    taskType: 'text-generation',
    framing:
      '**Conditional language modelling**: the prefix being typed plus context (subject, previous message, date, locale) → a short continuation shown inline; Tab accepts. Beam search with a small beam; the length-normalized log-probability is the confidence, and a threshold tuned for a target trigger rate decides whether to show it. No streaming: a suggestion appears whole. `user_prompt: false`.',
    stages:
      'triggering (debounce, minimum prefix) → phrase generation (text-generation) → post-processing filter (offensive and biased suggestions, length, confidence)',
    userPrompt: false,
    offlineMetrics: ['perplexity', 'exact-match@5'],
    onlineMetrics: ['acceptance-rate', 'characters-saved'],
    scale:
      'Latency must beat the typing rhythm: 90th-percentile latency under 60 ms against a 100 ms perceptibility limit (Smart Compose paper); 1.5 B users.',
    pitfalls: [
      '**Latency** above the typing rhythm makes suggestions stale (MLSD102, MLSD601).',
      'The confidence threshold trades coverage against acceptance; perplexity gains need not raise acceptance.',
      '**Memorization** of rare personal sequences: emails are personal data (MLSD352, MLSD350).',
      'Gendered or offensive suggestions: a `toxicity` and `bias` output check (MLSD656).',
    ],
  },
  {
    id: 'machine-translation',
    summary: 'Google Translate, generative book ch. 3: language detection then translation (sequence-to-sequence).',
    title: 'Machine translation (Google Translate-like)',
    chapter: 3,
    taskType: 'sequence-to-sequence',
    framing:
      '**Sequence-to-sequence**: source text (language detected or chosen) and a target language → the translation. An encoder–decoder Transformer, one multilingual model with a target-language token or one model per pair, a shared subword vocabulary; beam search (width about 4–5) with length normalization. `user_prompt: false` — but when an instruction-following LLM translates, treat the user text as data (injection).',
    stages: 'language detection (multiclass-classification) → translation (sequence-to-sequence)',
    userPrompt: false,
    offlineMetrics: ['comet', 'chrf', 'bleu', 'human-eval'],
    onlineMetrics: ['edit-rate', 'copy-rate'],
    scale: '130+ languages and over a billion users; NLLB-200 covers 200 languages with one model.',
    pitfalls: [
      '**BLEU as the only metric**: neural metrics such as COMET agree with expert MQM judgments better (WMT 2022).',
      'No per-language-pair or low-resource slices (MLSD508).',
      'Hallucinated or omitted content on noisy input; gender defaults (doctor → he); named entities and numbers.',
      'Sampling instead of beam search (MLSD452).',
    ],
  },
  {
    id: 'chatbot',
    summary: 'ChatGPT-like assistant, generative book ch. 4: streamed chat with input and output safety checks.',
    title: 'Chatbot (ChatGPT-like personal assistant)',
    chapter: 4,
    taskType: 'text-generation',
    framing:
      '**Text generation**: system prompt + conversation history + user message → a streamed reply. A decoder-only Transformer, typically pretrained (next token), instruction-tuned (SFT) and preference-aligned (RLHF with PPO against a reward model, or DPO). Top-p sampling with a temperature. API model or self-hosted open model (license, cost, control, data residency). User-facing, streamed, `user_prompt: true`.',
    stages:
      'input safety check (multilabel-classification) → prompt composition (history truncation) → generation (text-generation) → output safety check',
    userPrompt: true,
    offlineMetrics: ['win-rate', 'llm-judge-score', 'pass@1', 'attack-success-rate', 'refusal-rate'],
    onlineMetrics: ['thumbs-up-rate', 'regeneration-rate', 'safety-incident-rate'],
    scale:
      'Context windows 8k–128k tokens; interactive serving targets TTFT about 0.5–2 s and TPOT 20–50 ms (common practice; people read about 4–7 tokens per second).',
    pitfalls: [
      'n-gram metrics for open-ended answers (MLSD551); uncalibrated or self-judging LLM judges (MLSD552).',
      'Jailbreaks and prompt injection (MLSD656, MLSD657 with tools); hallucination; over-refusal.',
      'History beyond the context window (MLSD450); KV-cache memory for long chats (MLSD651).',
      'TTFT and streaming speed (MLSD150, MLSD151); cost per conversation (MLSD654); unpinned API models (MLSD451).',
    ],
  },
  {
    id: 'image-captioning',
    summary: 'Image captioning, generative book ch. 5: an image encoder and a text decoder (image-to-text).',
    title: 'Image captioning',
    chapter: 5,
    taskType: 'image-to-text',
    framing:
      '**Image-to-text**: an image → one sentence. An image encoder (CNN, ViT or CLIP) and a Transformer text decoder with cross-attention; pretraining on noisy web pairs, fine-tuning on curated ones. Beam search (width about 3–5). `user_prompt: false`.',
    stages: 'captioning (image-to-text) → post-processing filter',
    userPrompt: false,
    offlineMetrics: ['cider', 'spice', 'clip-score', 'hallucination-rate', 'human-eval'],
    onlineMetrics: ['acceptance-rate', 'edit-rate'],
    scale: 'COCO Captions: about 123k images with 5 captions each; LAION-5B: 5.85 B noisy image–text pairs.',
    pitfalls: [
      '**Object hallucination** (CHAIR); too-generic captions that score well on BLEU.',
      'Gender or age inferred from context; offensive captions (MLSD656 `toxicity`).',
      'Sampling instead of beam search (MLSD452).',
    ],
  },
  {
    id: 'rag',
    summary:
      'Retrieval-augmented generation (ChatPDF-like), generative book ch. 6: retrieve, rerank, generate with citations.',
    title: 'Retrieval-augmented generation (ChatPDF-like)',
    chapter: 6,
    taskType: 'text-generation',
    framing:
      '**Text generation grounded in retrieved passages**: a question (+ conversation) and a document corpus → an answer with citations, or an abstention. An embedding model and an ANN index, often hybrid with BM25; a cross-encoder reranker; an LLM prompted to answer only from the passages. Greedy or low-temperature decoding, streamed. `user_prompt: true`.',
    stages:
      'query rewriting (optional, text-generation) → retrieval (retrieval) → rerank (ranking) → generation (text-generation) → grounding and safety checks',
    userPrompt: true,
    offlineMetrics: ['recall@10', 'context-recall', 'faithfulness', 'answer-correctness'],
    onlineMetrics: ['deflection-rate', 'thumbs-up-rate', 'escalation-rate'],
    scale:
      'Chunks of 256–1,024 tokens with 10–20% overlap; 20–100 candidates reranked to 3–10 passages; embedding dimensions 384–3,072 (common practice).',
    pitfalls: [
      'Retrieval and grounding not measured separately (MLSD550).',
      'Private documents retrievable across tenants or users (MLSD658); indirect prompt injection through indexed content (MLSD657).',
      'Stale index and deleted documents still retrievable (MLSD659, MLSD611).',
      'top_k × chunk size overflowing the context window (MLSD450); retrieval + rerank + prefill over the TTFT budget (MLSD653).',
    ],
  },
  {
    id: 'face-generation',
    summary: 'Realistic face generation, generative book ch. 7: unconditional image generation (GANs).',
    title: 'Realistic face generation',
    chapter: 7,
    taskType: 'image-generation',
    framing:
      '**Image generation** from a random latent (optionally attribute controls) → a face. GANs (StyleGAN family) are the usual choice; VAEs are blurry, diffusion covers the distribution better but is slower. Training problems: mode collapse, vanishing gradients, unstable adversarial training. The truncation trick trades diversity for fidelity. `conditioning: [none]`.',
    stages: 'generation (image-generation); optional attribute editing; provenance marking',
    userPrompt: false,
    offlineMetrics: ['fid', 'kid', 'precision', 'recall', 'human-eval'],
    onlineMetrics: ['download-rate'],
    scale: 'FFHQ: 70k images at 1024²; StyleGAN2 reaches FID about 2.8 on FFHQ.',
    pitfalls: [
      'Deepfake misuse (MLSD656 `likeness`, `watermark`); memorized training identities.',
      'Demographic skew and mode collapse (MLSD553 distribution metrics, slices).',
      'FID with too few samples (use 50k); `inception-score` knows ImageNet classes, not faces.',
    ],
  },
  {
    id: 'high-resolution-synthesis',
    summary: 'High-resolution image synthesis, generative book ch. 8: image tokenizer + autoregressive transformer.',
    title: 'High-resolution image synthesis',
    chapter: 8,
    taskType: 'image-generation',
    framing:
      '**Image generation** of 1024² or 2048² images from scratch: an image tokenizer (VQ-VAE/VQGAN: encoder, codebook, decoder, with perceptual and adversarial losses) and an autoregressive Transformer over codebook indices, sampled with top-k or top-p. Alternatives: latent diffusion, masked parallel token decoding. Named after the problem, not after super-resolution.',
    stages: 'token generation (image-generation) → decoding to pixels / upscaling (super-resolution)',
    userPrompt: false,
    offlineMetrics: ['fid', 'inception-score', 'human-eval', 'psnr', 'lpips'],
    onlineMetrics: ['download-rate'],
    scale: 'About 5 M high-resolution images; about 5 s per image; 1024² at 16× downsampling = 4,096 tokens.',
    pitfalls: [
      'Autoregressive latency grows with the token count (4,096 sequential steps for 1024²) against the 5 s budget (MLSD601).',
      'Codebook collapse (few codes used); seams when tiling.',
      "FID computed at Inception's input size hides high-resolution artefacts.",
    ],
  },
  {
    id: 'text-to-image',
    summary: 'Text-to-image generation, generative book ch. 9: prompt → latent diffusion → upscaling → safety.',
    title: 'Text-to-image generation',
    chapter: 9,
    taskType: 'image-generation',
    framing:
      '**Image generation conditioned on text**: a prompt → image(s). Latent diffusion (a VAE plus a U-Net or diffusion Transformer), cascaded pixel diffusion or autoregressive token models; a sampler (DDIM, DPM-Solver++, Euler) with 20–50 steps and classifier-free guidance about 5–8. `conditioning: [text]`, `user_prompt: true`.',
    stages:
      'prompt safety (multilabel-classification) → diffusion (image-generation) → upsampling (super-resolution) → output safety (binary-classification) → watermark',
    userPrompt: true,
    offlineMetrics: ['fid', 'clip-score', 'win-rate', 'nsfw-rate'],
    onlineMetrics: ['download-rate', 'regeneration-rate'],
    scale: '1024² images, prompts up to 128 words, about 10 s per image, about 500 M captioned images.',
    pitfalls: [
      'No human evaluation, no FID or no alignment metric (MLSD553).',
      'NSFW output, real people, logos and living artists’ styles (MLSD656 `nsfw`, `likeness`, `copyright`); no `watermark`.',
      "Prompts longer than the text encoder's window (CLIP: 77 tokens); steps × guidance cost against the latency budget (MLSD601, MLSD652).",
    ],
  },
  {
    id: 'personalized-headshot',
    summary: 'Personalized headshot generation, generative book ch. 10: per-user fine-tuning on uploaded photos.',
    title: 'Personalized headshot generation',
    chapter: 10,
    taskType: 'image-generation',
    framing:
      '**Image generation of a specific person** from 10–20 uploaded photos → 50 headshots. Per-user adaptation of a pretrained text-to-image model: DreamBooth (whole model, prior-preservation loss), LoRA adapters, or textual inversion. `conditioning: [subject]`.',
    stages:
      'photo quality check (binary-classification) → per-user adaptation → generation (image-generation) → identity and safety filtering',
    userPrompt: false,
    offlineMetrics: ['face-similarity', 'dino-score', 'clip-i', 'human-eval'],
    onlineMetrics: ['download-rate'],
    scale: '10–20 uploads, 50 outputs at 1024² per user; DreamBooth needs 3–5 images.',
    pitfalls: [
      "Uploading someone else's face without a consent check and a likeness guardrail (MLSD351).",
      'Photos and per-user weights kept indefinitely (MLSD351 retention).',
      'Identity drift and overfitting to the uploads’ pose and background; skin tone, age or gender altered.',
      'GPU-minutes per user make fine-tuning an asynchronous job with its own queue (MLSD652, MLSD654).',
    ],
  },
  {
    id: 'text-to-video',
    summary: 'Text-to-video generation, generative book ch. 11: base video diffusion, temporal and spatial upscaling.',
    title: 'Text-to-video generation',
    chapter: 11,
    taskType: 'video-generation',
    framing:
      '**Video generation conditioned on text**: a prompt → a five-second clip. A text-to-image latent diffusion model extended with temporal layers, or a diffusion Transformer over spacetime patches; cascades of base, temporal and spatial models. `conditioning: [text]`, `user_prompt: true`.',
    stages:
      'base video (video-generation) → temporal upsampling (video-generation) → spatial upsampling (super-resolution) → safety → watermark',
    userPrompt: true,
    offlineMetrics: ['fvd', 'clip-score', 'temporal-consistency', 'human-eval'],
    onlineMetrics: ['download-rate'],
    scale: '5 s × 24 fps = 120 frames at 1280 × 720; minutes per video; about 100 M captioned videos.',
    pitfalls: [
      'Cost and GPU time per clip drive an asynchronous job design, a queue and a budget (MLSD652, MLSD654).',
      'Flicker and identity drift across frames; FVD rewards per-frame appearance more than motion: pair it with human evaluation (MLSD553).',
      'Deepfakes, NSFW, copyrighted characters, provenance (MLSD656).',
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

/** The ten generative archetypes of genai.md §2.1 (the book's second volume). */
export const GENERATIVE_ARCHETYPES: readonly string[] = [
  'smart-compose',
  'machine-translation',
  'chatbot',
  'image-captioning',
  'rag',
  'face-generation',
  'high-resolution-synthesis',
  'text-to-image',
  'personalized-headshot',
  'text-to-video',
];
