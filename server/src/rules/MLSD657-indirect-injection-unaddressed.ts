import { hasGuardrail, retrievalCorpus, retrieves, untrustedSource } from '../engine/facts';
import { child, pathOf } from '../engine/parse';
import { clip, code, defined, fitHeadline, listNames, listSuggestion } from './support';
import { firstSpan } from './support/serving';
import type { Related, Rule } from './types';

export const mlsd657: Rule = {
  meta: {
    id: 'MLSD657',
    alias: 'indirect-injection-unaddressed',
    title: 'Untrusted content or tools reach the model with no indirect-injection check',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    description:
      'the doc retrieves from an untrusted source (`untrusted: true`, or kind external, interactions or logs) or declares `model.tools`, and no `serving.guardrails.input` item matches `indirect-prompt-injection`',
  },
  check({ doc, report }) {
    if (hasGuardrail(doc, 'input', 'indirect-prompt-injection')) return;
    const untrusted = retrieves(doc) ? retrievalCorpus(doc).filter((s) => untrustedSource(doc, s)) : [];
    const tools = doc.entries('model.tools');
    if (!untrusted.length && !tools.length) return;
    const related: Related[] = [];
    const sourceIds = untrusted.map((s, i) => doc.textOf(child(s, 'id')) ?? `source ${i + 1}`);
    untrusted.forEach((s, i) => {
      const why =
        doc.bool([...pathOf(s), 'untrusted']) === true
          ? 'untrusted: true'
          : `kind ${doc.enumValueOf(child(s, 'kind'))}`;
      related.push({ ...doc.keySpan(s), message: `${sourceIds[i]}: retrieved into the prompt (${why})` });
    });
    const toolIds = tools.map((t, i) => doc.textOf(child(t, 'id')) ?? `tool ${i + 1}`);
    const risky = tools.filter(
      (t) => doc.bool([...pathOf(t), 'side_effects']) === true && doc.bool([...pathOf(t), 'confirmation']) !== true,
    );
    tools.forEach((t, i) => related.push({ ...doc.keySpan(t), message: `tool ${toolIds[i]}` }));
    const parts: string[] = [];
    if (untrusted.length)
      parts.push(
        `Content from ${listNames(sourceIds.map((s) => code(clip(s, 24))))} (writable by people other than the operator) is placed in the prompt: a document that says "ignore your instructions and …" is read as an instruction (indirect prompt injection).`,
      );
    if (tools.length) {
      const riskyNote = risky.length
        ? `; ${listNames(risky.map((t) => code(clip(doc.textOf(child(t, 'id')) ?? 'tool', 24))))} ${risky.length === 1 ? 'has' : 'have'} side effects and ${risky.length === 1 ? 'runs' : 'run'} without confirmation`
        : '';
      parts.push(
        `The model can call ${listNames(toolIds.map((t) => code(clip(t, 24))))}${riskyNote}, so an injected instruction can act, not only talk.`,
      );
    }
    const what = untrusted.length
      ? `Untrusted ${untrusted.length === 1 ? 'source' : 'sources'} ${listNames(
          sourceIds.map((s) => code(clip(s, 20))),
          2,
        )} reach the prompt`
      : `The model calls ${tools.length === 1 ? 'a tool' : `${tools.length} tools`}`;
    report({
      ...firstSpan(doc, ['serving.guardrails.input', 'serving.guardrails', 'serving']),
      message: fitHeadline([
        `${what} with no \`indirect-prompt-injection\` guardrail`,
        untrusted.length
          ? `${untrusted.length} untrusted ${untrusted.length === 1 ? 'source reaches' : 'sources reach'} the prompt with no \`indirect-prompt-injection\` guardrail`
          : `The model calls tools with no \`indirect-prompt-injection\` guardrail`,
        `Untrusted content reaches the model with no \`indirect-prompt-injection\` guardrail`,
      ]),
      explanation:
        `${parts.join(' ')} ` +
        'Mark retrieved text as data (delimiters, a separate message role), screen retrieved chunks and tool results, give tools least privilege and `confirmation: true` for side effects; then list `indirect-prompt-injection` in `serving.guardrails.input`.',
      related,
      suggestions: defined([
        listSuggestion(
          doc,
          'serving.guardrails.input',
          ['indirect-prompt-injection'],
          'Add `indirect-prompt-injection` to `serving.guardrails.input`',
        ),
      ]),
    });
  },
};
