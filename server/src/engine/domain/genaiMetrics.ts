/**
 * The generative metrics of genai.md §2.6 (v1.1): names, aliases, definitions, ranges and directions, and
 * when each misleads (genai-domain.md §3). Spread into `METRICS` (metrics.ts); the v1 generation metrics
 * (bleu, rouge, fid, clip-score, human-eval, win-rate …) stay there with their new aliases.
 */
import type { MetricInfo } from './metrics';

type G = Omit<MetricInfo, 'family'> & { family?: MetricInfo['family'] };
const off = (m: G): MetricInfo => ({ family: 'generation', ...m });
const on = (m: G): MetricInfo => ({ family: 'online', ...m });

export const GENAI_METRICS: readonly MetricInfo[] = [
  // --- text, reference-based ----------------------------------------------------------------------
  off({
    name: 'chrf',
    aliases: ['chrf++', 'chrf2'],
    range: '0–100',
    definition: 'F-score of character n-grams against references (β = 2, recall-weighted); chrF++ adds word n-grams.',
    whenToUse:
      'Translation and rewriting, especially into morphologically rich languages (fits text-generation, sequence-to-sequence).',
    misuse: 'Still surface overlap with one reference; pair it with a learned metric (COMET) or human evaluation.',
  }),
  off({
    name: 'comet',
    aliases: ['comet-22', 'xcomet', 'comet-kiwi', 'cometkiwi'],
    range: '~0–1',
    definition:
      'A regression model over multilingual encodings of source, hypothesis and reference, trained on human quality judgments; CometKiwi needs no reference.',
    whenToUse:
      'Machine translation (sequence-to-sequence): agrees with expert MQM judgments better than BLEU (WMT 2022 metrics task).',
    misuse:
      'Versions and models are not comparable (state the checkpoint); weaker on languages outside its training data; can be gamed by decoding that optimizes it.',
  }),
  off({
    name: 'ter',
    aliases: [],
    range: '≥ 0',
    lowerIsBetter: true,
    definition: 'Translation edit rate: edits (insertions, deletions, substitutions, shifts) per reference word.',
    whenToUse: 'Translation and post-editing effort (sequence-to-sequence).',
    misuse: 'One reference penalizes valid alternative translations.',
  }),
  off({
    name: 'exact-match',
    aliases: ['em', 'exactmatch'],
    range: '0–1',
    takesK: true,
    definition:
      'Share of outputs equal to the reference after normalization; `exact-match@N`: the first N words equal the reference continuation (Smart Compose).',
    whenToUse: 'Short answers (extractive QA, maths), completions (`exact-match@5`), structured outputs.',
    misuse: 'Long or free-form answers and formatting differences score 0 although correct.',
  }),
  off({
    name: 'pass',
    aliases: ['pass-at-k', 'humaneval'],
    range: '0–1',
    takesK: true,
    definition:
      '`pass@k`: probability that at least one of k sampled programs passes the unit tests, estimated 1 − C(n−c, k)/C(n, k) from n samples with c passing; a bare `pass` is read as `pass@1`.',
    whenToUse: 'Code generation (text-generation); `pass@1` for single-attempt quality.',
    misuse:
      'Weak tests; public benchmarks seen in training (contamination); a large k overstates single-attempt quality.',
  }),
  // --- retrieval-augmented and grounding -------------------------------------------------------------
  off({
    name: 'faithfulness',
    aliases: ['groundedness', 'factual-consistency'],
    range: '0–1',
    definition:
      "Share of the answer's claims that the retrieved context supports (usually judged by an LLM or an NLI model).",
    whenToUse: 'The grounding metric of a RAG generator or a summarizer (text-generation, sequence-to-sequence).',
    misuse:
      'The context itself may be wrong; an abstention is trivially faithful (pair with `answer-correctness`); an uncalibrated judge makes the number meaningless (state `judge:`).',
  }),
  off({
    name: 'answer-relevance',
    aliases: ['answer-relevancy', 'response-relevancy', 'response-relevance'],
    range: '0–1',
    definition:
      'How directly the answer addresses the question (RAGAS: similarity between the question and questions generated back from the answer).',
    whenToUse: 'RAG and assistants (text-generation), one leg of the "RAG triad".',
    misuse: 'Correct-sounding but wrong answers score high; depends on the embedding model.',
  }),
  off({
    name: 'answer-correctness',
    aliases: ['correctness', 'factual-correctness'],
    range: '0–1',
    definition: 'Agreement with a reference answer (claim overlap by a judge, often blended with semantic similarity).',
    whenToUse: 'End-to-end quality of a RAG or QA system on a golden set with reference answers.',
    misuse: 'Needs references; partial-credit rules vary between tools.',
  }),
  off({
    name: 'context-precision',
    aliases: [],
    range: '0–1',
    definition:
      'Rank-aware share of retrieved chunks that are relevant (mean precision at the ranks of the relevant chunks).',
    whenToUse: 'The retrieval leg of a RAG system, judged (retrieval, text-generation).',
    misuse: 'Says nothing about information that was not retrieved (pair with `context-recall`).',
  }),
  off({
    name: 'context-recall',
    aliases: [],
    range: '0–1',
    definition: "Share of the reference answer's claims that the retrieved context supports.",
    whenToUse: 'Whether retrieval finds what the answer needs (retrieval, text-generation).',
    misuse: 'Needs a reference answer.',
  }),
  off({
    name: 'context-relevance',
    aliases: ['context-relevancy'],
    range: '0–1',
    definition: 'Relevance of each retrieved chunk to the question (the retrieval leg of the "RAG triad").',
    whenToUse: 'Reference-free retrieval quality of a RAG system (retrieval, text-generation).',
    misuse: 'Judged; chunk length affects it.',
  }),
  off({
    name: 'citation-precision',
    aliases: [],
    range: '0–1',
    definition: 'Share of citations that support the statement they are attached to (ALCE).',
    whenToUse: 'Answers with citations (text-generation).',
    misuse: 'Errors of the entailment judge.',
  }),
  off({
    name: 'citation-recall',
    aliases: [],
    range: '0–1',
    definition: 'Share of statements fully supported by their citations (ALCE).',
    whenToUse: 'Answers with citations (text-generation).',
    misuse: 'Errors of the entailment judge.',
  }),
  off({
    name: 'hallucination-rate',
    aliases: ['hallucination', 'chair', 'unsupported-claim-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition:
      'Share of responses (or claims) not supported by the sources or by facts; for captions, share of mentioned objects absent from the image (CHAIR).',
    whenToUse: 'Grounded text generation, summarization and captioning.',
    misuse: 'Response-level and claim-level rates differ; detector-dependent.',
  }),
  // --- safety -------------------------------------------------------------------------------------
  off({
    name: 'toxicity-rate',
    aliases: ['toxicity', 'toxic-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition:
      'Share of outputs a toxicity classifier scores above a threshold (e.g. 0.5), on benign and adversarial prompt sets.',
    whenToUse: 'Offline safety evaluation of text output (text-generation, sequence-to-sequence, image-to-text).',
    misuse: 'Classifier bias against dialects and identity terms; benign prompts only understate the risk.',
  }),
  off({
    name: 'refusal-rate',
    aliases: ['refusal'],
    range: '0–1',
    definition:
      'Share of prompts declined. Higher is better on harmful prompts, lower on benign-but-sensitive ones (over-refusal, e.g. XSTest).',
    whenToUse: 'Safety alignment of assistants and image generators: report it separately on harmful and benign sets.',
    misuse: 'One number over mixed prompts hides both failure modes.',
  }),
  off({
    name: 'attack-success-rate',
    aliases: ['asr', 'jailbreak-success-rate', 'jailbreak-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition:
      'Share of adversarial prompts (jailbreaks, injections, poisoned documents) that produce the forbidden behaviour (e.g. HarmBench).',
    whenToUse: 'Red-teaming and prompt-injection evaluation of any user-facing generator.',
    misuse: 'Stale attack sets: a low rate on known attacks says little about new ones.',
  }),
  off({
    name: 'pii-leakage-rate',
    aliases: ['pii-leak-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition:
      "Share of outputs containing personal data that should not appear (memorized, another user's, from context).",
    whenToUse: 'Text generators trained or grounded on personal data.',
    misuse: 'Bounded by the recall of the PII detector.',
  }),
  off({
    name: 'nsfw-rate',
    aliases: ['nsfw', 'unsafe-image-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition:
      'Share of generated images or videos flagged sexual or violent, by a classifier or raters, on benign and adversarial prompts.',
    whenToUse: 'Offline safety evaluation of image and video generation.',
    misuse: 'Depends on classifier thresholds and on the policy for artistic nudity.',
  }),
  // --- preference and judges ----------------------------------------------------------------------
  off({
    name: 'elo',
    aliases: ['elo-rating', 'arena-elo', 'bradley-terry'],
    range: 'relative',
    definition: 'A rating fitted to pairwise outcomes (Bradley–Terry); 100 points ≈ 64% expected wins.',
    whenToUse: 'Ranking several models from side-by-side votes (Chatbot Arena style).',
    misuse: 'Different voter and prompt populations; not comparable across leaderboards.',
  }),
  off({
    name: 'llm-judge-score',
    aliases: ['llm-as-judge', 'judge-score', 'g-eval', 'mt-bench'],
    range: 'scale of the rubric',
    definition: 'A rubric score or verdict from an LLM judge (or a vision-language judge for media).',
    whenToUse: 'Cheap, fast quality evaluation at scale, once the judge is calibrated against human labels.',
    misuse:
      'Position, verbosity and self-preference biases; the judge version can change; uncalibrated judges (no agreement with human labels) are opinions, not measurements.',
  }),
  // --- image and video ----------------------------------------------------------------------------
  off({
    name: 'kid',
    aliases: ['kernel-inception-distance'],
    range: '≥ 0',
    lowerIsBetter: true,
    definition:
      'Squared MMD with a cubic polynomial kernel on Inception features of real and generated images; unbiased.',
    whenToUse: 'Distribution quality with small sample sizes, where FID is biased.',
    misuse: 'Same ImageNet-feature bias as FID.',
  }),
  off({
    name: 'fvd',
    aliases: ['frechet-video-distance'],
    range: '≥ 0',
    lowerIsBetter: true,
    definition: 'Fréchet distance between I3D (Kinetics-400) features of real and generated videos.',
    whenToUse: 'Distribution quality of video generation.',
    misuse:
      'More sensitive to per-frame appearance than to motion; clip length, fps and sample size must match; pair it with human evaluation.',
  }),
  off({
    name: 'kvd',
    aliases: ['kernel-video-distance'],
    range: '≥ 0',
    lowerIsBetter: true,
    definition: 'Kernel (MMD) version of FVD.',
    whenToUse: 'Video distribution quality with small samples.',
    misuse: 'As FVD.',
  }),
  off({
    name: 'lpips',
    aliases: [],
    range: '~0–1',
    lowerIsBetter: true,
    definition:
      'Distance between deep features weighted to match human perceptual judgments; also a diversity measure as the mean distance between samples.',
    whenToUse: 'Reconstruction and super-resolution quality (lower is closer); sample diversity in personalization.',
    misuse: 'The direction depends on the use: lower for similarity to a reference, higher for diversity.',
  }),
  off({
    name: 'psnr',
    aliases: [],
    range: 'dB',
    definition: 'Peak signal-to-noise ratio 10 · log10(MAX² / MSE) in dB against a reference.',
    whenToUse: 'Super-resolution and autoencoder or tokenizer reconstruction.',
    misuse: 'Favours blurry outputs; weak for the perceived quality of generative upsampling.',
  }),
  off({
    name: 'ssim',
    aliases: ['ms-ssim'],
    range: '≤ 1',
    definition: 'Structural similarity: luminance, contrast and structure agreement in local windows.',
    whenToUse: 'Super-resolution and reconstruction quality.',
    misuse: 'Like PSNR (less so), favours smooth outputs.',
  }),
  off({
    name: 'dino-score',
    aliases: ['dino', 'dino-i'],
    range: '0–1',
    definition:
      'Cosine similarity of DINO image embeddings between generated and reference subject images (DreamBooth); identity-sensitive.',
    whenToUse: 'Subject fidelity of personalized generation.',
    misuse: 'Rewards copying the reference pose and background: pair it with prompt fidelity and diversity.',
  }),
  off({
    name: 'clip-i',
    aliases: ['clip-image-similarity'],
    range: '0–1',
    definition: 'Cosine similarity of CLIP image embeddings between generated and reference subject images.',
    whenToUse: 'Subject fidelity of personalized generation (less identity-sensitive than DINO).',
    misuse: 'Rewards copying the reference images; pair it with prompt fidelity and diversity.',
  }),
  off({
    name: 'face-similarity',
    aliases: ['identity-similarity', 'id-similarity', 'arcface-similarity'],
    range: '−1–1',
    definition: 'Cosine similarity of face-recognition embeddings (ArcFace) between generated and reference faces.',
    whenToUse: 'Identity preservation of personalized headshots and face super-resolution.',
    misuse: 'Recognition-model bias across demographic groups; thresholds are model-specific.',
  }),
  off({
    name: 'aesthetic-score',
    aliases: ['laion-aesthetic'],
    range: '~1–10',
    definition: 'Predicted aesthetic rating from CLIP embeddings (LAION aesthetic predictor).',
    whenToUse: 'Filtering training data; tracking the visual appeal of generated images.',
    misuse: 'Style bias of the predictor.',
  }),
  off({
    name: 'pickscore',
    aliases: [],
    range: 'model scale',
    definition: 'A learned model of human preference between images for a prompt (trained on Pick-a-Pic).',
    whenToUse: 'Cheap proxy for human preference in text-to-image.',
    misuse: 'Trained on older generators; reward hacking when optimized directly.',
  }),
  off({
    name: 'hps',
    aliases: ['hpsv2', 'human-preference-score'],
    range: 'model scale',
    definition: 'Human Preference Score: a learned model of human preference between images for a prompt.',
    whenToUse: 'Cheap proxy for human preference in text-to-image.',
    misuse: 'Trained on older generators; reward hacking when optimized directly.',
  }),
  off({
    name: 'image-reward',
    aliases: ['imagereward'],
    range: 'model scale',
    definition: 'ImageReward: a reward model of human preference between images for a prompt.',
    whenToUse: 'Cheap proxy for human preference in text-to-image; a reward for preference tuning.',
    misuse: 'Trained on older generators; reward hacking when optimized directly.',
  }),
  off({
    name: 'vqa-score',
    aliases: ['tifa', 'dsg'],
    range: '0–1',
    definition: 'Prompt fidelity from a VQA model answering questions generated from the prompt (TIFA, DSG).',
    whenToUse: 'Compositional prompts (counts, spatial relations, attributes) where CLIP score saturates.',
    misuse: 'Errors of question generation and of the VQA model.',
  }),
  off({
    name: 'temporal-consistency',
    aliases: ['frame-consistency'],
    range: '0–1',
    definition: 'Mean CLIP or DINO similarity of consecutive frames.',
    whenToUse: 'Flicker and identity drift in video generation.',
    misuse: 'A static video scores perfectly: pair it with a motion measure.',
  }),
  off({
    name: 'vbench',
    aliases: [],
    range: 'per dimension',
    definition:
      'A suite of 16 video dimensions (subject consistency, motion smoothness, dynamic degree, aesthetic quality, spatial relations …).',
    whenToUse: 'Broad automatic evaluation of text-to-video.',
    misuse: 'Report the dimensions, not one average.',
  }),
  // --- online -------------------------------------------------------------------------------------
  on({
    name: 'acceptance-rate',
    aliases: ['suggestion-acceptance-rate'],
    range: '0–1',
    definition: 'Accepted suggestions / shown suggestions.',
    whenToUse: 'Inline suggestions (Smart Compose, code completion).',
    misuse:
      'Rises when fewer, safer suggestions are shown: read it with coverage (share of sessions with a suggestion).',
  }),
  on({
    name: 'thumbs-up-rate',
    aliases: ['thumbs-rate', 'positive-feedback-rate', 'thumbs-down-rate', 'feedback-rate'],
    range: '0–1',
    definition: 'Positive / (positive + negative) explicit ratings of responses.',
    whenToUse: 'Explicit quality feedback on assistants and generators.',
    misuse: 'Sparse and self-selected: few users rate, and mostly when annoyed or delighted.',
  }),
  on({
    name: 'regeneration-rate',
    aliases: ['regenerate-rate', 'retry-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition: 'Responses (or images) regenerated / responses.',
    whenToUse: 'Implicit dissatisfaction signal for chat and image generation.',
    misuse: 'Some users regenerate to explore alternatives, not because the first was bad.',
  }),
  on({
    name: 'edit-rate',
    aliases: ['edit-distance'],
    range: '0–1',
    lowerIsBetter: true,
    definition: 'Share of outputs edited before use, or the normalized edit distance between output and what was used.',
    whenToUse: 'Translations, drafts and captions that users can correct.',
    misuse: 'Edits for style and edits for errors count the same.',
  }),
  on({
    name: 'copy-rate',
    aliases: [],
    range: '0–1',
    definition: 'Outputs copied / outputs.',
    whenToUse: 'Implicit usefulness of answers and translations.',
    misuse: 'Copying does not mean the copied text was correct.',
  }),
  on({
    name: 'escalation-rate',
    aliases: ['handoff-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition: 'Conversations handed to a human / conversations.',
    whenToUse: 'Support assistants; a guardrail next to deflection.',
    misuse: 'Low escalation can mean users gave up, not that they were helped.',
  }),
  on({
    name: 'deflection-rate',
    aliases: ['self-service-rate'],
    range: '0–1',
    definition: 'Questions resolved without a human / questions.',
    whenToUse: 'Primary metric of support assistants.',
    misuse: 'Read it with escalations and complaints: an unhelpful bot also "deflects" users who give up.',
  }),
  on({
    name: 'download-rate',
    aliases: ['save-rate', 'keep-rate'],
    range: '0–1',
    definition: 'Generated images or videos kept or downloaded / generated.',
    whenToUse: 'Primary quality signal of image and video generators.',
    misuse: 'Depends on how many outputs are shown per request.',
  }),
  on({
    name: 'characters-saved',
    aliases: ['keystrokes-saved'],
    range: '≥ 0',
    definition: 'Characters users did not type thanks to accepted suggestions.',
    whenToUse: 'The value delivered by inline completion (Smart Compose).',
    misuse: 'Counts accepted text, not whether it was kept.',
  }),
  on({
    name: 'safety-incident-rate',
    aliases: ['incident-rate'],
    range: '0–1',
    lowerIsBetter: true,
    definition: 'Confirmed unsafe outputs that reached users / responses.',
    whenToUse: 'Guardrail metric of any user-facing generator.',
    misuse: 'Only confirmed incidents count: depends on reporting and review capacity.',
  }),
];
