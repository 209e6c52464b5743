/** The system diagram (issue 11): the graph of a doc, and its Mermaid and SVG renderings. */
export { systemGraph } from './graph';
export type { DiagramEdge, DiagramGroup, DiagramNode, DiagramNodeKind, SystemGraph, SystemGraphOptions } from './graph';
export { toMermaid } from './mermaid';
export { toSvg } from './svg';
export type { DiagramTheme, SvgOptions } from './svg';
