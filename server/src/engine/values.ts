/**
 * Parsers for the value types of format.md: quantity, rate, duration, metric, plus placeholder and
 * enum matching. Pure functions over plain JS values (what YAML resolved) and, where the spelling
 * matters, the source text.
 */

import { normalizeName } from './domain';

export const PLACEHOLDERS = ['tbd', 'todo', '?', '…', '...'];

const LONGEST_PLACEHOLDER = Math.max(...PLACEHOLDERS.map((p) => p.length));

/** True for `TBD`, `TODO`, `?`, `…`, `...` (case-insensitive, trimmed). */
export function isPlaceholder(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  // most values are longer than any placeholder: no trimmed, lower-cased copy for them
  if (v.length > LONGEST_PLACEHOLDER && v.trim().length > LONGEST_PLACEHOLDER) return false;
  return PLACEHOLDERS.includes(v.trim().toLowerCase());
}

/** Normalizes enum values, metric names and ids for matching: case-insensitive, `_` and spaces as `-`. */
export { normalizeName as normalize, nearestNames as suggest } from './domain';

export interface Quantity {
  value: number;
  /** the `/unit` when written (`/day`), else the words after the number (`images`), else `B` for bytes */
  unit?: string;
  /** v1.1: the words between the number and a `/unit` (`rows` in `30M rows/day`) */
  words?: string;
}

const QTY_SUFFIX: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9, G: 1e9, T: 1e12 };
const BYTE_SUFFIX: Record<string, number> = {
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  PiB: 1024 ** 5,
};

const NUM = String.raw`[-+]?(?:\d[\d,_]*(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?`;
// v1.1: `[~|≈]<number>[suffix][ words][/unit]`: `5B/day`, `100 images`, `30M rows/day`, `~5B events/day`
const QTY_RE = new RegExp(
  String.raw`^[~≈]?\s*(${NUM})\s*([kKMBGT])?(?:\s+([A-Za-z][\w -]*?))?\s*(/\s*[A-Za-z][\w ]*)?$`,
);
const BYTES_RE = new RegExp(String.raw`^(${NUM})\s*(KB|MB|GB|TB|PB|KiB|MiB|GiB|TiB|PiB)$`, 'i');

function num(s: string): number {
  return Number(s.replace(/[,_]/g, ''));
}

/**
 * Parses a quantity: a number, or `<number><suffix>` with k/K, M, B/G, T; an optional unit after it
 * (`/day`, `/s`, ` images`) is kept. With `bytes`, also KB…TB (decimal) and KiB…TiB (binary).
 * Returns undefined when it does not parse.
 */
export function parseQuantity(v: unknown, opts: { bytes?: boolean } = {}): Quantity | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (!s) return undefined;
  if (opts.bytes) {
    const b = BYTES_RE.exec(s);
    if (b) {
      const key = Object.keys(BYTE_SUFFIX).find((k) => k.toLowerCase() === b[2].toLowerCase());
      if (key) return { value: num(b[1]) * BYTE_SUFFIX[key], unit: 'B' };
    }
  }
  const m = QTY_RE.exec(s);
  if (!m) return undefined;
  const n = num(m[1]);
  if (!Number.isFinite(n)) return undefined;
  const mult = m[2] ? QTY_SUFFIX[m[2]] : 1;
  const words = m[3]?.trim() || undefined;
  const per = m[4]?.trim().replace(/^\/\s*/, '/') || undefined;
  const unit = per ?? words;
  return per && words ? { value: n * mult, unit, words } : { value: n * mult, unit };
}

/** Parses a rate: a number in [0, 1] or a percentage string (`1%`, `99.9 %`). `range: false` when outside [0, 1]. */
export function parseRate(v: unknown): { value: number; inRange: boolean } | undefined {
  let n: number | undefined;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    const s = v.trim();
    const pct = /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*%$/.exec(s);
    if (pct) n = Number((Number(pct[1]) / 100).toPrecision(15));
    else if (new RegExp(`^${NUM}$`).test(s)) n = num(s);
  }
  if (n === undefined || !Number.isFinite(n)) return undefined;
  return { value: n, inRange: n >= 0 && n <= 1 };
}

export const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  min: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
  mo: 30 * 86_400_000,
  y: 365 * 86_400_000,
};
/** v1.1: unit words (singular or plural) accepted besides the short units: `45 days`, `2 weeks`. */
export const DURATION_WORDS: Record<string, keyof typeof DURATION_UNITS> = {
  millisecond: 'ms',
  second: 's',
  minute: 'min',
  hour: 'h',
  day: 'd',
  week: 'w',
  month: 'mo',
  year: 'y',
};
const DUR_RE =
  /^([-+]?(?:\d+(?:\.\d+)?|\.\d+))\s*(ms|s|min|mo|m|h|d|w|y|(?:millisecond|second|minute|hour|day|week|month|year)s?)$/i;

/**
 * Parses a duration into milliseconds: `<number><unit>` with ms, s, m/min, h, d, w, mo (30 d), y (365 d),
 * or (v1.1) a unit word with an optional space: `45 days`, `1 hour`, `6 months` (month = 30 d, year = 365 d).
 * A bare number is milliseconds only when `bareIsMs` (latency keys); otherwise invalid.
 */
export function parseDuration(v: unknown, bareIsMs = false): number | undefined {
  if (typeof v === 'number') return bareIsMs && Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (bareIsMs && /^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const m = DUR_RE.exec(s);
  if (!m) return undefined;
  const written = m[2] === 'M' ? undefined : m[2].toLowerCase();
  if (!written) return undefined;
  const unit = written in DURATION_UNITS ? written : DURATION_WORDS[written.replace(/s$/, '')];
  if (!unit) return undefined;
  const n = Number(m[1]);
  if (n < 0) return undefined;
  return n * DURATION_UNITS[unit];
}

/** Formats milliseconds the way a doc author writes them: 250ms, 1.5s, 15min, 6h, 1d, 2w. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ['y', DURATION_UNITS.y],
    ['w', DURATION_UNITS.w],
    ['d', DURATION_UNITS.d],
    ['h', DURATION_UNITS.h],
    ['min', DURATION_UNITS.min],
    ['s', 1000],
  ];
  for (const [u, f] of units) if (ms >= f && Number.isInteger(ms / f)) return `${ms / f}${u}`;
  if (ms >= 1000) return `${round(ms / 1000, 2)}s`;
  return `${round(ms, 2)}ms`;
}

/** Formats a count with k/M/B suffixes: 46296 → "46.3k". */
export function formatCount(n: number): string {
  const a = Math.abs(n);
  if (a >= 1e12) return `${round(n / 1e12, 3)}T`;
  if (a >= 1e9) return `${round(n / 1e9, 3)}B`;
  if (a >= 1e6) return `${round(n / 1e6, 3)}M`;
  if (a >= 1e4) return `${round(n / 1e3, 3)}k`;
  if (a >= 100) return String(Math.round(n));
  return String(round(n, 3));
}

/** Formats a rate as a percentage with 3 significant digits: 0.02 → "2%". */
export function formatPercent(r: number): string {
  return `${round(r * 100, 3)}%`;
}

/** Formats bytes in decimal units: 5.12 TB. */
export function formatBytes(n: number): string {
  const units: [string, number][] = [
    ['PB', 1e15],
    ['TB', 1e12],
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ];
  for (const [u, f] of units) if (n >= f) return `${round(n / f, 3)} ${u}`;
  return `${Math.round(n)} B`;
}

export function round(n: number, digits: number): number {
  if (n === 0) return 0;
  const p = 10 ** Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(n))));
  return Math.round(n * p) / p;
}

/** A metric as written: `ndcg@10`, `map@iou=0.5`, or `{name, k, iou_threshold}`. */
export interface MetricSpelling {
  /** the name as written, without cutoff */
  name: string;
  /** normalized name without cutoff */
  normalized: string;
  k?: number | 'k';
  iou?: number;
  /** true when a cutoff `@k` or `@iou=…` was written (an operating point is not a cutoff) */
  hasCutoff: boolean;
  /**
   * an operating point (`precision@recall=0.8`, `recall@precision=0.95`, `recall@fpr=0.001`): `name` and
   * `normalized` are then the metric it resolves to (`precision-at-recall`, `recall-at-precision`,
   * `recall-at-fpr`), `at` the fixed quantity and `value` its level
   */
  operatingPoint?: { at: 'recall' | 'precision' | 'fpr'; value: number };
}

/** Operating-point spellings: base name → the quantity fixed after `@` → the metric it resolves to. */
const OPERATING_POINTS: Record<string, Record<string, string>> = {
  precision: { recall: 'precision-at-recall' },
  recall: { precision: 'recall-at-precision', fpr: 'recall-at-fpr' },
};

/**
 * Splits a metric spelling into name and cutoff. `precision@5` → k 5; `ndcg@k` → k 'k';
 * `map@iou=0.5` / `ap@0.5:0.95`… → iou. Returns undefined for an empty or malformed spelling
 * (a cutoff that is neither an integer, `k`, nor `iou=<number>`).
 */
export function parseMetricSpelling(s: string): MetricSpelling | undefined {
  const t = s.trim();
  if (!t) return undefined;
  const at = t.indexOf('@');
  if (at < 0) return { name: t, normalized: normalizeName(t), hasCutoff: false };
  const name = t.slice(0, at).trim();
  const cut = t
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (!name) return undefined;
  const base: MetricSpelling = { name, normalized: normalizeName(name), hasCutoff: true };
  if (/^\d+$/.test(cut) && Number(cut) > 0) return { ...base, k: Number(cut) };
  if (cut === 'k') return { ...base, k: 'k' };
  const iou = /^iou\s*=\s*((?:0|1)?(?:\.\d+)?)(?:\s*:\s*[\d.]+(?:\s*:\s*[\d.]+)?)?$/.exec(cut);
  if (iou && iou[1] !== '' && Number(iou[1]) > 0 && Number(iou[1]) <= 1) return { ...base, iou: Number(iou[1]) };
  if (cut === 'iou') return { ...base };
  const op = /^(recall|precision|fpr)\s*=\s*((?:\d+(?:\.\d+)?|\.\d+)(?:e-?\d+)?)\s*(%?)$/.exec(cut);
  const resolved = op ? OPERATING_POINTS[base.normalized]?.[op[1]] : undefined;
  if (op && resolved) {
    const value = Number(op[2]) / (op[3] ? 100 : 1);
    if (value > 0 && value <= 1)
      return {
        name: resolved,
        normalized: resolved,
        hasCutoff: false,
        operatingPoint: { at: op[1] as 'recall' | 'precision' | 'fpr', value },
      };
  }
  return undefined;
}

/** Shortens text the author wrote (a key, a value) for a one-line message: at most `max` characters, "…" when cut. */
export function clip(s: string, max = 30): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** v1.1 (genai.md §1.1): an amount of money, with its currency when written. */
export interface Money {
  amount: number;
  /** ISO 4217 code (`USD` for `$`, `EUR` for `€`, `GBP` for `£`); undefined for a bare number */
  currency?: string;
  /** how the doc wrote the currency: `$`, `€`, `£`, or the code as a prefix (`CHF `) or suffix (` USD`) */
  symbol?: string;
  /** the code or symbol came after the amount */
  suffix?: boolean;
}

/** The period a money key may carry after `/` (genai.md §1.1). */
export type MoneyPeriod = 'month' | 'request' | 'hour';

const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const MONEY_AMOUNT = String.raw`((?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?)`;
const MONEY_SCALE: Record<string, number> = { k: 1e3, K: 1e3, M: 1e6, B: 1e9 };
const PERIODS: Record<MoneyPeriod, string[]> = { month: ['month', 'mo'], request: ['request'], hour: ['h', 'hour'] };

/**
 * The period a money key accepts after `/`: `/month` or `/mo` on `budget.monthly`, `/request` on
 * `per_request` keys, `/h` or `/hour` on `price_per_gpu_hour`; none on other keys.
 */
export function moneyPeriodOf(key: string | undefined): MoneyPeriod | undefined {
  if (key === 'monthly') return 'month';
  if (key === 'per_request') return 'request';
  if (key === 'price_per_gpu_hour') return 'hour';
  return undefined;
}

/**
 * Parses money (genai.md §1.1): `$0.004`, `$25k`, `€1.2M`, `£300`; `12 USD`, `0.5EUR`, `3k jpy`;
 * `USD 12`, `CHF 40k`; a bare number. The amount is a decimal (`1e-3` accepted) with an optional scale
 * k/K, M, B; no thousands separators; an optional `/period` only when it matches `period`. Undefined for
 * anything else, including a negative amount.
 */
export function parseMoney(v: unknown, period?: MoneyPeriod): Money | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? { amount: v } : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v.trim();
  const slash = s.indexOf('/');
  if (slash >= 0) {
    const p = s
      .slice(slash + 1)
      .trim()
      .toLowerCase();
    if (!period || !PERIODS[period].includes(p)) return undefined;
    s = s.slice(0, slash).trim();
  }
  const amountOf = (num: string, scale: string | undefined): number | undefined => {
    const n = Number(num) * (scale ? MONEY_SCALE[scale] : 1);
    return Number.isFinite(n) ? n : undefined;
  };
  const AMT = `${MONEY_AMOUNT}\\s*([kKMB])?`;
  let m = new RegExp(`^([$€£])\\s*${AMT}$`).exec(s);
  if (m) {
    const amount = amountOf(m[2], m[3]);
    return amount === undefined ? undefined : { amount, currency: CURRENCY_SYMBOLS[m[1]], symbol: m[1] };
  }
  m = new RegExp(`^${AMT}\\s*([A-Za-z]{3})$`).exec(s);
  if (m) {
    const amount = amountOf(m[1], m[2]);
    const code = m[3].toUpperCase();
    return amount === undefined ? undefined : { amount, currency: code, symbol: ` ${code}`, suffix: true };
  }
  m = new RegExp(`^([A-Za-z]{3})\\s*${AMT}$`).exec(s);
  if (m) {
    const amount = amountOf(m[2], m[3]);
    const code = m[1].toUpperCase();
    return amount === undefined ? undefined : { amount, currency: code, symbol: `${code} ` };
  }
  m = new RegExp(`^${AMT}$`).exec(s);
  if (m) {
    const amount = amountOf(m[1], m[2]);
    return amount === undefined ? undefined : { amount };
  }
  return undefined;
}

/** Two amounts can be compared: same currency, or both bare (genai.md §1.1: no exchange rates). */
export function sameCurrency(a: Money, b: Money): boolean {
  return a.currency === b.currency;
}

/**
 * Formats an amount with the doc's own symbol or code, thousands separated: `$270,000`, `€1,200.50`,
 * `12,000 USD`, `CHF 40,000`; below 1, up to 4 significant digits (`$0.0016`).
 */
export function formatMoney(amount: number, like?: Money): string {
  const digits = amount >= 100 ? 0 : amount >= 1 ? 2 : Math.max(2, 1 - Math.floor(Math.log10(amount || 1)) + 2);
  let n = amount.toLocaleString('en-US', { maximumFractionDigits: Math.min(digits, 8), minimumFractionDigits: 0 });
  if (amount >= 1 && amount < 100 && !Number.isInteger(amount))
    n = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (!like?.symbol) return n;
  return like.suffix ? `${n}${like.symbol}` : `${like.symbol}${n}`;
}

/**
 * A per-second figure from a quantity (genai.md §1.2): a unit `/s`, `/min` or `/h` is converted to per
 * second; no unit means per second. Undefined for another unit.
 */
export function perSecond(q: Quantity | undefined): number | undefined {
  if (!q) return undefined;
  const u = q.unit?.startsWith('/') ? q.unit.slice(1).trim().toLowerCase() : undefined;
  if (!u || u === 's' || u === 'sec' || u === 'second') return q.value;
  if (u === 'min' || u === 'minute') return q.value / 60;
  if (u === 'h' || u === 'hour') return q.value / 3600;
  return undefined;
}
