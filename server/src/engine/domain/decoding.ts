/**
 * Decoding strategies (genai-domain.md §5.1) for `model.decoding.strategy`, with how each picks the next
 * token, what it is for and what to watch; and the adaptation choices (§6) for
 * `model.candidates[].adaptation`. The catalogue's enums are built from these tables.
 */

export interface DecodingInfo {
  name: string;
  aliases: string[];
  how: string;
  useFor: string;
  watchOut: string;
  /** samples (as opposed to picking deterministically): top-k, top-p, sampling */
  samples: boolean;
}

// biome-ignore format: one line per strategy
export const DECODING_STRATEGIES: readonly DecodingInfo[] = [
  { name: 'greedy', aliases: [], samples: false, how: 'Picks the most probable token at each step.', useFor: 'Short deterministic outputs, extraction, JSON.', watchOut: 'Repetition loops on long outputs.' },
  { name: 'beam', aliases: ['beam-search'], samples: false, how: 'Keeps the `beam_width` best partial sequences, length-normalized.', useFor: 'Translation, captioning, completion (Smart Compose).', watchOut: 'Bland, short and repetitive text on open-ended generation; cost grows with the beam width.' },
  { name: 'top-k', aliases: [], samples: true, how: 'Samples among the k most probable tokens.', useFor: 'Image tokens, creative text.', watchOut: 'A fixed k is too wide for confident steps and too narrow for uncertain ones.' },
  { name: 'top-p', aliases: ['nucleus'], samples: true, how: 'Samples from the smallest set of tokens whose probability mass reaches p (nucleus sampling).', useFor: 'Chat (p ≈ 0.9, temperature 0.6–0.9 is common practice).', watchOut: 'Combine it with a temperature; set `temperature: 0` for reproducibility.' },
  { name: 'sampling', aliases: ['temperature'], samples: true, how: 'Samples from the softmax sharpened (T < 1) or flattened (T > 1) by the temperature.', useFor: 'Creative text.', watchOut: 'Incoherence at high temperature.' },
];

export interface AdaptationInfo {
  name: string;
  aliases: string[];
  /** what changes and when it fits (markdown) */
  description: string;
  /** trains weights (genai.md §2.3: every value except prompting, few-shot and rag) */
  trainsWeights: boolean;
}

// biome-ignore format: one line per adaptation
export const ADAPTATIONS: readonly AdaptationInfo[] = [
  { name: 'prompting', aliases: ['zero-shot'], trainsWeights: false, description: 'Nothing changes: instructions in the prompt. Fits when the base model already has the skill; fast iteration.' },
  { name: 'few-shot', aliases: ['in-context'], trainsWeights: false, description: 'Nothing changes: a few examples in the prompt. Long example sets cost context and money.' },
  { name: 'rag', aliases: [], trainsWeights: false, description: 'Nothing changes: retrieved passages in the prompt. Fits knowledge that is private, large, changing, must be cited or is access-controlled.' },
  { name: 'pretraining', aliases: [], trainsWeights: true, description: 'All weights from scratch on raw text (billions to trillions of tokens). Almost every product team should start from an existing foundation model instead.' },
  { name: 'continued-pretraining', aliases: [], trainsWeights: true, description: 'All weights, further trained on raw domain text: a new language or domain vocabulary at scale.' },
  { name: 'fine-tuning', aliases: ['full-fine-tuning'], trainsWeights: true, description: 'All weights on task examples (thousands or more): a new domain or task the base model does badly. Risks overfitting and forgetting on small data.' },
  { name: 'instruction-tuning', aliases: ['sft'], trainsWeights: true, description: 'All or adapter weights on prompt–response demonstrations: turns a base model into an assistant; house style and format.' },
  { name: 'lora', aliases: ['qlora'], trainsWeights: true, description: 'Small low-rank matrices added to frozen weights: cheap tuning; many tasks or users share one base model.' },
  { name: 'peft', aliases: ['adapters', 'prefix-tuning', 'prompt-tuning'], trainsWeights: true, description: 'Parameter-efficient fine-tuning (adapters, prefix or prompt tuning): a few added parameters on a frozen model.' },
  { name: 'rlhf', aliases: ['ppo'], trainsWeights: true, description: 'Reinforcement learning from human feedback (PPO against a reward model): helpfulness, tone, refusals. Needs preference pairs; watch for reward hacking.' },
  { name: 'dpo', aliases: [], trainsWeights: true, description: 'Direct preference optimization on preference pairs, without a reward model or an RL loop.' },
  { name: 'distillation', aliases: [], trainsWeights: true, description: "A smaller student trained on a teacher's outputs or logits: latency and cost limits with a known task distribution." },
  { name: 'dreambooth', aliases: [], trainsWeights: true, description: 'Diffusion weights fine-tuned on 3–20 images of a subject bound to a rare token, with a prior-preservation loss: personalization.' },
  { name: 'textual-inversion', aliases: [], trainsWeights: true, description: 'Only a new token embedding is learned for a subject: light personalization, weaker identity.' },
];
