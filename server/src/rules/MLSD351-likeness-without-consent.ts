import { hasGuardrail, personalizedGeneration } from '../engine/facts';
import { listNames } from './support';
import type { Rule } from './types';

const PARTS = {
  consent: {
    short: 'consent record',
    long: 'consent record',
    why: "Anyone can upload another person's photos and receive realistic images of them.",
  },
  retention: {
    short: 'retention period',
    long: 'retention period for uploaded photos and per-user weights',
    why: 'Uploaded faces and per-user models are kept indefinitely.',
  },
  likeness: {
    short: 'likeness check',
    long: 'likeness check',
    why: 'Nothing checks that generated images depict only the person who consented.',
  },
} as const;

export const mlsd351: Rule = {
  meta: {
    id: 'MLSD351',
    alias: 'likeness-without-consent',
    title: "Generation from users' photos without consent, retention or a likeness check",
    step: 3,
    defaultSeverity: 'warning',
    fixable: 'none',
    description:
      'personalized generation (archetype personalized-headshot, or `framing.conditioning` includes `subject`) misses `data.privacy.consent`, `data.privacy.retention`, or a `likeness` item in `serving.guardrails.input` or `.output`; one finding lists the missing parts',
  },
  check({ doc, report }) {
    const why = personalizedGeneration(doc);
    if (!why) return;
    const missing: (keyof typeof PARTS)[] = [];
    if (!doc.stated('data.privacy.consent')) missing.push('consent');
    if (!doc.stated('data.privacy.retention')) missing.push('retention');
    if (!hasGuardrail(doc, 'input', 'likeness') && !hasGuardrail(doc, 'output', 'likeness')) missing.push('likeness');
    if (missing.length === 0) return;
    const orList = (k: 'short' | 'long') => {
      const xs = missing.map((m) => PARTS[m][k]);
      return xs.length === 1 ? xs[0] : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`;
    };
    const fixes: string[] = [];
    if (missing.includes('consent'))
      fixes.push(
        '`data.privacy.consent` (who may upload whose face and how it is verified, for example a live selfie match)',
      );
    if (missing.includes('retention'))
      fixes.push('`data.privacy.retention` (delete photos and per-user adapters after delivery)');
    if (missing.includes('likeness')) fixes.push('a `likeness` guardrail in `serving.guardrails`');
    report({
      // the `data.privacy` key, else `data`
      ...doc.missingSpan('data.privacy.consent'),
      message: `Generation from users' own photos, with no ${orList('short')}`,
      explanation:
        `Generation from users' own photos (${why}), with no ${orList('long')}. ${missing.map((m) => PARTS[m].why).join(' ')} ` +
        `Add ${listNames(fixes, 3)}.`,
    });
  },
};
