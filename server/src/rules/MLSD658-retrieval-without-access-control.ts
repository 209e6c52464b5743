import { fillField, replaceScalar } from '../engine/edits';
import { retrievalCorpus, retrieves } from '../engine/facts';
import { child, type MNode } from '../engine/parse';
import { clip, code, fitHeadline, listNames, suggestion } from './support';
import { firstSpan } from './support/serving';
import type { Related, Rule } from './types';

type Access = 'per-tenant' | 'per-user' | 'acl';
const PRIVATE: Access[] = ['per-tenant', 'per-user', 'acl'];

/** genai.md MLSD658: none covers nothing; per-tenant covers per-tenant only; per-user and acl cover all three. */
function covers(control: string | undefined, access: Access): boolean {
  if (control === 'per-user' || control === 'acl') return true;
  return control === 'per-tenant' && access === 'per-tenant';
}

const READABLE: Record<Access, string> = { 'per-tenant': 'per tenant', 'per-user': 'per user', acl: 'per document' };
const WHOSE: Record<Access, string> = { 'per-tenant': "customer's", 'per-user': "user's", acl: "user's" };

export const mlsd658: Rule = {
  meta: {
    id: 'MLSD658',
    alias: 'retrieval-without-access-control',
    title: 'Retrieval over private sources without matching access control',
    step: 6,
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    description:
      'the doc retrieves, a retrieval-corpus source has `access` per-tenant, per-user or acl, and `model.retrieval.access_control` does not cover it (not stated or `none` covers nothing, `per-tenant` covers per-tenant sources only, `per-user` and `acl` cover all three)',
  },
  check({ doc, report }) {
    if (!retrieves(doc)) return;
    const controlNode = doc.node('model.retrieval.access_control');
    const control = doc.enumValueOf(controlNode);
    const uncovered: { node: MNode; id: string; access: Access }[] = [];
    retrievalCorpus(doc).forEach((s, i) => {
      const a = doc.enumValueOf(child(s, 'access')) as Access | undefined;
      if (a && PRIVATE.includes(a) && !covers(control, a))
        uncovered.push({ node: s, id: doc.textOf(child(s, 'id')) ?? `source ${i + 1}`, access: a });
    });
    if (!uncovered.length) return;
    // the strictest access decides the level required: acl, then per-user, then per-tenant
    const worst =
      uncovered.find((u) => u.access === 'acl') ?? uncovered.find((u) => u.access === 'per-user') ?? uncovered[0];
    const required = worst.access;
    const name = code(clip(worst.id, 24));
    const filters = control === 'per-tenant' ? 'filters per tenant only' : 'does not filter by reader';
    const others = uncovered.filter((u) => u !== worst).map((u) => code(clip(u.id, 20)));
    const alsoNote = others.length ? ` (${listNames(others)} too)` : '';
    const related: Related[] = uncovered.map((u) => ({
      ...doc.valueSpan(child(u.node, 'access') ?? u.node),
      message: `${u.id}: access ${u.access}`,
    }));
    const stated = controlNode && doc.isStated(controlNode) && controlNode.kind === 'scalar';
    const edit = stated
      ? replaceScalar(controlNode, required)
      : fillField(doc, ['model', 'retrieval'], 'access_control', required);
    report({
      ...firstSpan(doc, ['model.retrieval.access_control', 'model.retrieval', 'model']),
      message: fitHeadline([
        `Source ${name} is readable ${READABLE[required]}, but retrieval ${filters}`,
        `A source is readable ${READABLE[required]}, but retrieval ${filters}`,
      ]),
      explanation:
        `Source ${name}${alsoNote} is readable ${READABLE[required]}, but retrieval ${filters}: one ${WHOSE[required]} question can retrieve, quote and summarize another's documents — a data leak that no output filter catches, because the answer looks normal. ` +
        `Set \`model.retrieval.access_control: ${required}\` and enforce it in the query (a metadata filter on the ${required === 'per-tenant' ? 'tenant' : required === 'per-user' ? 'user' : "document's ACL"}, or one index per ${required === 'per-tenant' ? 'tenant' : 'reader'}), never in the prompt.`,
      related,
      suggestions: suggestion(`Set \`access_control: ${required}\``, edit),
    });
  },
};
