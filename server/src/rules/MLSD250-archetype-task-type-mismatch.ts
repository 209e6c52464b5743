import { ARCHETYPES, GENERATIVE_ARCHETYPES } from '../engine/domain';
import { replaceScalar } from '../engine/edits';
import { fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd250: Rule = {
  meta: {
    id: 'MLSD250',
    alias: 'archetype-task-type-mismatch',
    title: 'Generative archetype framed with another task type',
    step: 2,
    defaultSeverity: 'info',
    fixable: 'unsafe',
    description:
      '`archetype` is a generative archetype and `framing.task_type` is stated, valid and not the task type its problem calls for (genai.md §2.1: text-generation for smart-compose, chatbot and rag; sequence-to-sequence for machine-translation; image-to-text for image-captioning; video-generation for text-to-video; image-generation for the other image archetypes)',
  },
  check({ doc, report }) {
    const archetype = doc.archetype();
    if (!archetype || !GENERATIVE_ARCHETYPES.includes(archetype)) return;
    const expected = ARCHETYPES.find((a) => a.id === archetype)?.taskType;
    const taskType = doc.taskType();
    if (!expected || !taskType || taskType === expected) return;
    const node = doc.node('framing.task_type')!;
    const edit = replaceScalar(node, expected);
    const archNode = doc.node('archetype')!;
    const a = /^[aeiou]/.test(expected) ? 'an' : 'a';
    report({
      ...doc.valueSpan(node),
      message: fitHeadline([
        `Archetype ${archetype} is ${a} ${expected} problem, framed here as ${taskType}`,
        `Archetype ${archetype} is ${a} ${expected} problem, not ${taskType}`,
      ]),
      explanation:
        `Archetype ${archetype} is ${a} ${expected} problem; framed as ${taskType}, the metric and loss checks use the wrong expectations (for example MLSD551 treats captions as open-ended text, and MLSD503 judges the metrics against ${taskType}). ` +
        `Write \`task_type: ${expected}\`, or, when the system really is a different problem, choose the archetype that matches it (\`other\` when none does).`,
      related: [{ ...doc.valueSpan(archNode), message: `archetype ${archetype}: ${expected}` }],
      suggestions: edit ? [{ title: `Set \`task_type: ${expected}\``, edits: [edit], safe: false }] : undefined,
    });
  },
};
