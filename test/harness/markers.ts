/**
 * Fixture markers. An expected finding is a comment line under the offending line:
 *
 *   split: {strategy: random}
 *   #                 ^^^^^^ MLSD303
 *
 * The carets' columns give the expected range on the line above (the nearest line that is not itself a
 * marker). For a span starting at column 0 or 1, write the columns explicitly: `# @0-12 MLSD006`.
 * Several ids may follow one marker. A finding whose range runs past its first line is compared on
 * its first line: the marker then extends to the end of that line.
 * A header line `# fixture-config: {"options": {...}, "rules": {...}}` sets config for the fixture.
 */
export interface Expected {
  id: string;
  line: number;
  startCol: number;
  endCol: number;
}

const CARETS = /^(\s*#\s*)(\^+)\s+((?:MLSD\d{3}[\s,]*)+)$/;
const EXPLICIT = /^\s*#\s*@(\d+)-(\d+)\s+((?:MLSD\d{3}[\s,]*)+)$/;

export function isMarkerLine(line: string): boolean {
  return CARETS.test(line) || EXPLICIT.test(line);
}

export function parseMarkers(text: string): Expected[] {
  const lines = text.split(/\r?\n/);
  const out: Expected[] = [];
  let target = -1;
  lines.forEach((line, i) => {
    const c = CARETS.exec(line);
    const x = c ? undefined : EXPLICIT.exec(line);
    if (!c && !x) {
      target = i;
      return;
    }
    if (target < 0) throw new Error(`marker on line ${i + 1} has no line above it`);
    const ids = (c ? c[3] : x![3]).split(/[\s,]+/).filter(Boolean);
    const startCol = c ? line.indexOf('^') : Number(x![1]);
    const endCol = c ? startCol + c[2].length : Number(x![2]);
    for (const id of ids) out.push({ id, line: target, startCol, endCol });
  });
  return out;
}

export function fixtureConfig(
  text: string,
): { options?: Record<string, unknown>; rules?: Record<string, unknown> } | undefined {
  const m = /^#\s*fixture-config:\s*(\{.*\})\s*$/m.exec(text);
  return m ? JSON.parse(m[1]) : undefined;
}

export function key(e: Expected): string {
  return `${e.id} line ${e.line + 1} cols ${e.startCol}-${e.endCol}`;
}
