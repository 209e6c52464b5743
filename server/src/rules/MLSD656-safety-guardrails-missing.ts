import { MEDIA_OUTPUT_TASKS, TEXT_OUTPUT_TASKS } from '../engine/domain';
import { generatorTaskType, hasGuardrail, userFacing, userPrompt } from '../engine/facts';
import { defined, listSuggestion } from './support';
import { firstSpan } from './support/serving';
import type { Rule } from './types';

const INPUT_CHECKS = ['prompt-injection', 'jailbreak', 'harmful-request'];

export const mlsd656: Rule = {
  meta: {
    id: 'MLSD656',
    alias: 'safety-guardrails-missing',
    title: 'User-facing generation without its core safety checks',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    description:
      'a user-facing generative doc (a) has no `serving.guardrails.output` item matching the core output check of its generator (`toxicity` for text, `nsfw` for images and video), or (b) takes user prompts (genai.md §4 *User prompt*) and states no `serving.guardrails.input`; one finding per part',
  },
  check({ doc, report }) {
    if (!userFacing(doc)) return;
    const span = firstSpan(doc, ['serving.guardrails', 'serving']);
    const t = generatorTaskType(doc);
    const text = t !== undefined && TEXT_OUTPUT_TASKS.includes(t);
    const media = t !== undefined && MEDIA_OUTPUT_TASKS.includes(t);
    if (text || media) {
      const core = text ? 'toxicity' : 'nsfw';
      if (!hasGuardrail(doc, 'output', core)) {
        const what = text ? 'text' : t === 'video-generation' ? 'video' : 'images';
        const add = text
          ? ['toxicity']
          : ['nsfw', 'likeness', 'watermark'].filter((g) => !hasGuardrail(doc, 'output', g));
        const shown = text ? 'toxicity' : 'NSFW';
        const reach = what === 'images' ? 'reach' : 'reaches';
        report({
          ...span,
          message: `Generated ${what} ${reach} users with no ${shown} check on the output`,
          explanation:
            `Generated ${what} ${reach} users with no ${shown} check on the output (\`serving.guardrails.output\` names no \`${core}\` check). A generator produces harmful content for some prompts however it is aligned — adversarial users find them within days — and one screenshot is a public incident. ` +
            (text
              ? 'Add `serving.guardrails.output: [toxicity]` (a moderation classifier on every response, before it streams past the first sentence), and measure its false-positive rate offline.'
              : 'Add `serving.guardrails.output: [nsfw, likeness, watermark]`: a safety classifier on every image or frame, a check for real identifiable people, and provenance marking.'),
          suggestions: defined([
            listSuggestion(
              doc,
              'serving.guardrails.output',
              add,
              `Add ${add.map((a) => `\`${a}\``).join(', ')} to \`serving.guardrails.output\``,
            ),
          ]),
        });
      }
    }
    if (userPrompt(doc) && !doc.stated('serving.guardrails.input')) {
      report({
        ...span,
        message: 'Users write free-form prompts and nothing screens them: `serving.guardrails.input` is not stated',
        explanation:
          'Users write free-form prompts and nothing screens them: jailbreaks, direct prompt injection and requests for disallowed content reach the model unchecked, and the output check is then the only line of defence. ' +
          'Add `serving.guardrails.input: [prompt-injection, jailbreak, harmful-request]` (a classifier or a moderation endpoint on every prompt, with `on_violation` saying what the user sees).',
        suggestions: defined([
          listSuggestion(
            doc,
            'serving.guardrails.input',
            INPUT_CHECKS,
            'Add `serving.guardrails.input: [prompt-injection, jailbreak, harmful-request]`',
          ),
        ]),
      });
    }
  },
};
