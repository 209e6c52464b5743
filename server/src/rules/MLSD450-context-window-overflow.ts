import { generator, requestLength } from '../engine/facts';
import { child, pathOf } from '../engine/parse';
import { round } from '../engine/values';
import { clip, code } from './support';
import type { Related, Rule } from './types';

const n = (x: number) => x.toLocaleString('en-US');

export const mlsd450: Rule = {
  meta: {
    id: 'MLSD450',
    alias: 'context-window-overflow',
    title: "A request overflows the generator's context window",
    step: 4,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      "the generator's `context_window` and the request length (`model.prompt.max_input_tokens` + `model.retrieval.top_k` × `data.chunking.size` when the doc retrieves + `model.prompt.max_output_tokens`, over the stated terms, at least one prompt term) are stated, and the request length exceeds the context window",
  },
  check({ doc, report }) {
    const gen = generator(doc);
    if (!gen) return;
    const cwNode = child(gen, 'context_window');
    if (!cwNode) return;
    const cw = doc.quantity([...pathOf(gen), 'context_window'])?.value;
    if (cw === undefined || !(cw > 0)) return;
    const len = requestLength(doc);
    if (!len || !(len.total > cw)) return;

    const terms: string[] = [];
    const related: Related[] = [];
    if (len.input) {
      terms.push(`${n(len.input.value)} prompt`);
      related.push({ ...doc.valueSpan(len.input.node), message: `max_input_tokens: ${n(len.input.value)}` });
    }
    if (len.retrieved) {
      const { topK, size, tokens } = len.retrieved;
      terms.push(`${n(topK.value)} × ${n(size.value)} retrieved`);
      related.push({ ...doc.valueSpan(topK.node), message: `top_k: ${n(topK.value)} chunks` });
      related.push({
        ...doc.valueSpan(size.node),
        message: `chunk size: ${n(size.value)} tokens (${n(tokens)} retrieved)`,
      });
    }
    if (len.output) {
      terms.push(`${n(len.output.value)} output`);
      related.push({ ...doc.valueSpan(len.output.node), message: `max_output_tokens: ${n(len.output.value)}` });
    }
    const sum = `${terms.join(' + ')} = ${n(len.total)} tokens`;
    const ratio = len.total / cw >= 2 ? ` (${round(len.total / cw, 2)}×)` : '';
    const name = code(clip(doc.textOf(child(gen, 'id')) ?? 'the generator', 24));
    const headline = `A request can need ${n(len.total)} tokens, over the ${n(cw)}-token context window of ${name}${ratio}`;

    const fixes: string[] = [];
    if (len.retrieved) {
      const room = cw - (len.input?.value ?? 0) - (len.output?.value ?? 0);
      const maxK = Math.floor(room / len.retrieved.size.value);
      fixes.push(
        maxK >= 1
          ? `lower \`top_k\` to at most ${maxK}`
          : 'retrieve fewer chunks (the prompt and output alone leave no room for one)',
        'use smaller chunks',
      );
    }
    fixes.push(
      'shorten `max_output_tokens` or `max_input_tokens` (truncate or summarize the conversation history)',
      'or choose a longer-context model',
    );
    report({
      ...doc.valueSpan(cwNode),
      message:
        headline.length <= 100
          ? headline
          : `A request can need ${n(len.total)} tokens, over the ${n(cw)}-token context window`,
      explanation:
        `A request can need ${sum}, but ${name} has a context window of ${n(cw)} tokens. The serving stack rejects or silently truncates such requests: the oldest history or the retrieved passages that ground the answer are cut, and quality drops exactly on long conversations and broad questions. ` +
        `${fixes.join(', ').replace(/^./, (c) => c.toUpperCase())}.`,
      related,
    });
  },
};
