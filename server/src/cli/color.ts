/** Minimal ANSI styling for the CLI: on only for a TTY (or --color / FORCE_COLOR), off for NO_COLOR and --no-color. */
export interface Style {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

function wrap(on: boolean, open: number, close: number): (s: string) => string {
  return on ? (s) => `\u001b[${open}m${s}\u001b[${close}m` : (s) => s;
}

export function makeStyle(enabled: boolean): Style {
  return {
    enabled,
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    blue: wrap(enabled, 34, 39),
    green: wrap(enabled, 32, 39),
    dim: wrap(enabled, 2, 22),
    bold: wrap(enabled, 1, 22),
    underline: wrap(enabled, 4, 24),
  };
}

/**
 * Decides whether to color: an explicit flag wins, then NO_COLOR (any non-empty value), then FORCE_COLOR,
 * then whether the stream is a terminal.
 */
export function shouldColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return !!isTTY;
}

/** Visible width of a string (ANSI escapes excluded). */
export function visibleLength(s: string): number {
  // eslint-disable-next-line no-control-regex
  return s.replace(/\u001b\[[0-9;]*m/g, '').length;
}
