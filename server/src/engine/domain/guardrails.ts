/**
 * Guardrail names (genai.md §2.5): the known checks of `serving.guardrails.input` / `.output`, their
 * aliases and what each checks, and the matching of free-text list items against them. Unmatched items are
 * custom checks: allowed, never an invalid value, never a hint.
 */
import type { TaskType } from './tasks';

export type GuardrailSide = 'input' | 'output';

export interface GuardrailInfo {
  name: string;
  side: GuardrailSide;
  aliases: string[];
  /** what it checks (markdown) */
  checks: string;
}

// biome-ignore format: one line per guardrail, as in the spec's table
export const GUARDRAILS: readonly GuardrailInfo[] = [
  { side: 'input', name: 'prompt-injection', aliases: ['direct prompt injection', 'injection'], checks: "Instructions in the user's own input that try to override the system prompt." },
  { side: 'input', name: 'indirect-prompt-injection', aliases: ['xpia', 'cross prompt injection', 'content injection'], checks: 'Instructions hidden in retrieved documents, files, web pages or tool results.' },
  { side: 'input', name: 'jailbreak', aliases: ['jailbreak detection'], checks: 'Attempts to talk the model out of its policy.' },
  { side: 'input', name: 'pii', aliases: ['pii redaction', 'pii detection', 'pii masking'], checks: 'Personal data in prompts before they reach the model, a vendor or logs.' },
  { side: 'input', name: 'harmful-request', aliases: ['moderation', 'input moderation', 'harmful prompt', 'nsfw prompt'], checks: 'Requests for disallowed content (violence, sexual content, weapons, self-harm).' },
  { side: 'input', name: 'off-topic', aliases: ['topic filter', 'scope filter'], checks: "Requests outside the product's scope." },
  { side: 'input', name: 'likeness', aliases: ['real person', 'public figure', 'celebrity', 'identity verification'], checks: 'Prompts or uploads that target a real person.' },
  { side: 'input', name: 'rate-limit', aliases: ['quota', 'token limit'], checks: 'Per-user request and token quotas (unbounded consumption).' },
  { side: 'output', name: 'toxicity', aliases: ['moderation', 'output moderation', 'harmful content', 'content filter'], checks: 'Hateful, harassing, violent or sexual text.' },
  { side: 'output', name: 'pii-leakage', aliases: ['pii', 'pii redaction'], checks: 'Personal data in the output.' },
  { side: 'output', name: 'grounding-check', aliases: ['hallucination check', 'faithfulness check', 'citation check', 'groundedness'], checks: 'Claims not supported by the retrieved sources.' },
  { side: 'output', name: 'nsfw', aliases: ['safety checker', 'nsfw filter'], checks: 'Sexual or violent images and video.' },
  { side: 'output', name: 'likeness', aliases: ['deepfake', 'identity check'], checks: 'Images of real, identifiable people.' },
  { side: 'output', name: 'copyright', aliases: ['ip', 'memorization', 'regurgitation', 'trademark'], checks: 'Verbatim training data, protected characters, logos.' },
  { side: 'output', name: 'watermark', aliases: ['c2pa', 'provenance', 'synthid', 'content credentials'], checks: 'Provenance marking of generated media.' },
  { side: 'output', name: 'system-prompt-leakage', aliases: ['prompt leak'], checks: 'The system prompt or secrets echoed back.' },
  { side: 'output', name: 'bias', aliases: ['stereotype', 'gender bias', 'fairness filter'], checks: 'Stereotyped or exclusionary output (for example gendered pronouns in suggestions).' },
  { side: 'output', name: 'output-validation', aliases: ['schema validation', 'output sanitization', 'insecure output handling'], checks: 'Output that feeds code, HTML, SQL or tools.' },
];

/** Lower-cased with `_` and `-` read as spaces, runs of spaces collapsed: the form guardrail items are matched in. */
function words(s: string): string {
  return ` ${s
    .toLowerCase()
    .replace(/[_-]+/g, ' ')
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim()} `;
}

/**
 * The known guardrails of one side that a free-text item names (genai.md §2.5): the item, lower-cased with
 * `_` and `-` read as spaces, contains the name or one of its aliases as whole words
 * (`toxicity classifier (Llama Guard)` matches `toxicity`). Longer names win nothing: every match is
 * returned (`pii redaction` on the output side is `pii-leakage`). Empty for a custom check.
 */
export function matchGuardrails(item: string, side: GuardrailSide): GuardrailInfo[] {
  const w = words(item);
  return GUARDRAILS.filter(
    (g) => g.side === side && [g.name, ...g.aliases].some((n) => w.includes(` ${words(n).trim()} `)),
  );
}

/** The guardrail of a side by canonical name. */
export function guardrailInfo(name: string, side: GuardrailSide): GuardrailInfo | undefined {
  return GUARDRAILS.find((g) => g.side === side && g.name === name);
}

/**
 * The core output check of a task type's modality (genai.md §2.5): `toxicity` for text-output types,
 * `nsfw` for media-output types; undefined for other task types.
 */
export function coreOutputCheck(t: TaskType | undefined): 'toxicity' | 'nsfw' | undefined {
  if (t === 'text-generation' || t === 'sequence-to-sequence' || t === 'image-to-text') return 'toxicity';
  if (t === 'image-generation' || t === 'video-generation' || t === 'super-resolution') return 'nsfw';
  return undefined;
}
