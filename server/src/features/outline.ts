import type { DesignOutline } from '../protocol';
import type { Analysis } from '../session';
export function designOutline(a: Analysis): DesignOutline { return { uri: a.uri, version: a.version, steps: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } }; }
