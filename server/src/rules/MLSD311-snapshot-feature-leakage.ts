import { dynamicFeatures, timeOrderedSourceById } from '../engine/facts';
import type { Related } from '../engine/model';
import { child } from '../engine/parse';
import { clip, code, fitHeadline } from './support';
import type { Rule } from './types';

export const mlsd311: Rule = {
  meta: {
    id: 'MLSD311',
    alias: 'snapshot-feature-leakage',
    title: 'Time-varying feature joined from a current snapshot',
    step: 3,
    defaultSeverity: 'error',
    fixable: 'none',
    description:
      'A feature has `point_in_time: false` and is derived from the label, comes from a time-ordered source, or has freshness streaming/realtime.',
  },
  check({ doc, report }) {
    const timeOrdered = timeOrderedSourceById(doc);
    const dynamic = new Map(dynamicFeatures(doc).map((d) => [d.node, d]));
    doc.entries('data.features').forEach((f, i) => {
      const pit = child(f, 'point_in_time');
      if (pit?.kind !== 'scalar' || pit.value !== false) return;
      const id = doc.textOf(child(f, 'id')) ?? `feature ${i + 1}`;
      // why the feature changes over time: the first reason that holds, in the spec's order
      let reason: string | undefined;
      let related: Related | undefined;
      const derived = child(f, 'derived_from_label');
      const sourceNode = child(f, 'source');
      const source = doc.textOf(sourceNode);
      const freshNode = child(f, 'freshness');
      const fresh = freshNode ? dynamic.get(freshNode) : undefined;
      if (derived && derived.kind === 'scalar' && derived.value === true) {
        reason = 'it is derived from the label';
        related = { ...doc.valueSpan(derived), message: 'derived_from_label: true' };
      } else if (source !== undefined && timeOrdered.has(source)) {
        const s = timeOrdered.get(source)!;
        reason = `source ${code(source)} is time-ordered, \`${s.reason}\``;
        related = { ...doc.valueSpan(s.node), message: `source ${source}: ${s.reason}` };
      } else if (fresh) {
        reason = `its freshness is ${fresh.freshness}`;
        related = { ...doc.valueSpan(fresh.node), message: `freshness: ${fresh.freshness}` };
      }
      if (!reason) return;
      const name = code(clip(id, 24));
      report({
        ...doc.valueSpan(pit),
        message: fitHeadline([
          `Feature ${name} changes over time but is joined from a current snapshot (\`point_in_time: false\`)`,
          `Feature ${name} changes over time but is joined from a current snapshot`,
          'Time-varying feature joined from a current snapshot (`point_in_time: false`)',
        ]),
        explanation:
          `Feature ${code(id)} is joined from a current snapshot (\`point_in_time: false\`), but it changes over time (${reason}): ` +
          "rows from last quarter get today's value, which already counts what happened after their prediction time, including their own outcome. " +
          'Offline metrics look great and production accuracy drops. ' +
          "Join it as of each example's prediction time (logged serving values, or a point-in-time join on a versioned feature store) and set `point_in_time: true`.",
        related: related ? [related] : undefined,
      });
    });
  },
};
