/** The known losses (rules.md "Known losses"). */

export interface LossInfo {
  name: string;
  aliases: string[];
  description: string;
}

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
  // --- v1.1 generative losses (genai.md §10) ------------------------------------------------------
  {
    name: 'next-token',
    aliases: ['next-token-prediction', 'causal-lm', 'language-modeling', 'lm', 'nll'],
    description:
      'Next-token prediction: cross-entropy of each token given the tokens before it (pretraining, instruction tuning, autoregressive image tokens).',
  },
  {
    name: 'label-smoothed-cross-entropy',
    aliases: ['label-smoothing', 'label-smoothed-ce'],
    description:
      'Token cross-entropy against a target that puts 1 − ε on the reference token and spreads ε over the vocabulary; the usual translation loss (teacher forcing).',
  },
  {
    name: 'masked-lm',
    aliases: ['mlm', 'span-corruption', 'denoising-autoencoder'],
    description: 'Reconstruct masked or corrupted spans of the input (BERT, T5, BART pretraining).',
  },
  {
    name: 'dpo',
    aliases: ['direct-preference-optimization', 'ipo', 'simpo', 'orpo', 'kto', 'diffusion-dpo'],
    description:
      'Direct preference optimization: a classification loss on preferred vs rejected responses relative to a reference model, without a reward model or an RL loop.',
  },
  {
    name: 'rlhf',
    aliases: ['ppo', 'grpo', 'reinforce', 'scst', 'rlaif'],
    description:
      'Reinforcement learning against a reward (a reward model, a metric such as CIDEr, or AI feedback), usually PPO with a KL penalty to the starting model.',
  },
  {
    name: 'reward-model',
    aliases: ['bradley-terry', 'preference-loss'],
    description:
      'Bradley–Terry loss −log σ(r(preferred) − r(rejected)) that trains a reward model on preference pairs.',
  },
  {
    name: 'kl-divergence',
    aliases: ['kl', 'kd', 'distillation-loss', 'knowledge-distillation'],
    description:
      "KL divergence between two distributions: a student matching a teacher's outputs (distillation), or the VAE prior term.",
  },
  {
    name: 'diffusion',
    aliases: [
      'noise-prediction',
      'epsilon-prediction',
      'v-prediction',
      'flow-matching',
      'rectified-flow',
      'score-matching',
      'denoising-diffusion',
    ],
    description:
      'Denoising regression: predict the added noise (ε), the velocity (v) or the flow from a noised sample; an MSE in latent or pixel space.',
  },
  {
    name: 'adversarial',
    aliases: ['gan', 'non-saturating', 'minimax', 'wasserstein', 'wgan', 'wgan-gp'],
    description:
      'GAN objective: a generator trained to fool a discriminator (non-saturating, hinge or Wasserstein with gradient penalty).',
  },
  {
    name: 'perceptual',
    aliases: ['lpips', 'vgg-loss', 'feature-matching'],
    description:
      'Distance between deep features (VGG, LPIPS) of output and target: sharper reconstructions than pixel losses.',
  },
  {
    name: 'vq',
    aliases: ['vector-quantization', 'commitment', 'codebook-loss'],
    description: 'Vector-quantization codebook and commitment losses of a VQ-VAE or VQGAN image tokenizer.',
  },
];

/**
 * The loss names genai.md §10 adds: MLSD402 reads them only when the doc's all task types include a
 * generative type; elsewhere they are unknown pieces (a classic doc's `kl` or `lpips` is not judged).
 */
export const GENERATIVE_LOSS_NAMES: readonly string[] = [
  'next-token',
  'label-smoothed-cross-entropy',
  'masked-lm',
  'dpo',
  'rlhf',
  'reward-model',
  'kl-divergence',
  'diffusion',
  'adversarial',
  'perceptual',
  'vq',
];
