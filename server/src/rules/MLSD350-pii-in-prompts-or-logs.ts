import { generator, hasGuardrail, retrievalCorpus, userFacing } from '../engine/facts';
import { child } from '../engine/parse';
import { clip, code, fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd350: Rule = {
  meta: {
    id: 'MLSD350',
    alias: 'pii-in-prompts-or-logs',
    title: 'Personal data in prompt logs or sent to a model vendor',
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      "(a) a user-facing generative doc logs prompts in full (`monitoring.prompt_logging: full`) with no `data.privacy.retention`; (b) the generator is called through an API (`provider: api`), a retrieval-corpus source has `pii: true`, no `serving.guardrails.input` item is a `pii` check, and the generator's `vendor_retention` is not stated as zero",
  },
  check({ doc, report }) {
    // (a) full prompt logs without a retention period
    if (
      userFacing(doc) &&
      doc.enumOf('monitoring.prompt_logging') === 'full' &&
      !doc.stated('data.privacy.retention')
    ) {
      report({
        ...doc.valueSpan(doc.node('monitoring.prompt_logging')!),
        message: 'Prompts and responses are logged in full with no retention period',
        explanation:
          'Prompts and responses are logged in full with no retention period (`data.privacy.retention`). Users put names, addresses, account and health details into prompts, so these logs are a store of personal data that grows forever and is copied into every debugging and evaluation set built from it. ' +
          'State `data.privacy.retention` (for example `30d`), or log `prompt_logging: redacted`.',
      });
    }

    // (b) personal data from the retrieval corpus sent unredacted to an API vendor
    const gen = generator(doc);
    const provider = gen ? child(gen, 'provider') : undefined;
    if (!gen || !provider || doc.enumValueOf(provider) !== 'api') return;
    if (hasGuardrail(doc, 'input', 'pii')) return;
    const genId = doc.textOf(child(gen, 'id')) ?? 'the generator';
    const retentionNode = child(gen, 'vendor_retention');
    const retentionText = doc.textOf(retentionNode);
    const retention = doc.durationOf(retentionNode);
    if (retention === 0 || retentionText?.trim() === '0') return;
    const vendorText = doc.textOf(child(gen, 'vendor'));
    const vendor = vendorText ? clip(vendorText, 24) : 'an external API';
    const retentionWords =
      retention !== undefined && retentionText
        ? `the vendor keeps prompts for ${retentionText}`
        : "the vendor's retention of prompts is not stated";
    for (const source of retrievalCorpus(doc)) {
      const pii = child(source, 'pii');
      if (pii?.kind !== 'scalar' || pii.value !== true) continue;
      const name = code(clip(doc.textOf(child(source, 'id')) ?? 'source', 24));
      report({
        ...doc.valueSpan(pii),
        message: fitHeadline([
          `Source ${name} (pii: true) is retrieved into prompts sent unredacted to ${vendor}`,
          `Source ${name} (pii: true) is retrieved into prompts sent unredacted to an API`,
        ]),
        explanation:
          `Source ${name} (pii: true) is retrieved into prompts sent to ${vendorText ? code(clip(vendorText, 40)) : 'an external API'} (the generator ${code(clip(genId, 24))} has \`provider: api\`) unredacted, and ${retentionWords}. ` +
          'Personal data leaves your systems with every request that retrieves it, and may be stored, reviewed or used by the vendor. ' +
          'Add `pii` to `serving.guardrails.input` (redact before the call), or state the agreed `vendor_retention: 0d` on the generator.',
        related: [{ ...doc.valueSpan(provider), message: `generator ${genId} is called through an API` }],
      });
    }
  },
};
