/**
 * Finding what is under the cursor: the deepest node whose key or value contains an offset.
 */
import type { MlsdDoc } from '../engine/model';
import type { MNode } from '../engine/parse';

export interface Located {
  node: MNode;
  /** true when the offset is on the node's key */
  onKey: boolean;
}

/** The deepest node whose key or (scalar) value span contains `offset` (inclusive of the end). */
export function locate(doc: MlsdDoc, offset: number): Located | undefined {
  let best: Located | undefined;
  const visit = (n: MNode, depth: number): void => {
    if (depth > 200) return;
    if (n.keyStart !== undefined && n.keyEnd !== undefined && offset >= n.keyStart && offset <= n.keyEnd && !n.aliased)
      best = { node: n, onKey: true };
    else if (n.kind === 'scalar' && offset >= n.start && offset <= n.end && !n.aliased && n.end > n.start)
      best = { node: n, onKey: false };
    const kids = n.entries ?? n.items;
    if (!kids) return;
    if (n.kind !== 'scalar' && !(offset >= n.start && offset <= n.end) && n.parent) return;
    for (const k of kids) visit(k, depth + 1);
  };
  if (doc.root) visit(doc.root, 0);
  return best;
}
