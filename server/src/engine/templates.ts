/**
 * Design-doc templates. The data is `snippets/mlsd.code-snippets` (VS Code contributes it as snippets
 * too): the snippets whose `isFileTemplate` is true are whole docs (the blank seven-step skeleton and the
 * archetypes); the others are one section each. Adding a template = one more `isFileTemplate` entry there.
 * This module turns that file's text into templates and expands VS Code snippet syntax to plain text with
 * the defaults filled in. Shared by the extension's template picker (client/src/templates.ts reads the
 * file) and `mlsd init` (cli/init.ts).
 *
 * Pure: no file system, no `vscode`.
 */

/** One entry of a `.code-snippets` file. */
export interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  isFileTemplate?: boolean;
}

/** A whole-doc template offered by "New design doc from template". */
export interface DocTemplate {
  /** `blank` or an archetype id (`visual-search`, `object-detection`, …) */
  id: string;
  /** quick pick label, e.g. `Visual search` */
  label: string;
  /** one-line description from the snippet */
  description: string;
  /** the snippet prefix, e.g. `mlsd-visual-search` */
  prefix: string;
  /** the snippet body (VS Code snippet syntax, tab stops included) */
  body: string;
}

/** The ten archetype ids of format.md in book order (chapters 2–11). */
export const ARCHETYPE_IDS = [
  'visual-search',
  'object-detection',
  'video-search',
  'harmful-content',
  'video-recommendation',
  'event-recommendation',
  'ad-click-prediction',
  'similar-items',
  'news-feed',
  'people-you-may-know',
] as const;

/** Step section snippets (`mlsd-requirements` … `mlsd-monitoring`) in framework order. */
export const STEP_KEYS = ['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring'] as const;

/** Parses a `.code-snippets` file (JSON; `//` line comments and trailing commas tolerated). */
export function parseSnippets(text: string): Record<string, SnippetEntry> {
  const stripped = stripJsonComments(text).replace(/,(\s*[}\]])/g, '$1');
  const data = JSON.parse(stripped) as Record<string, SnippetEntry>;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('snippets file is not a JSON object');
  return data;
}

export function bodyText(entry: SnippetEntry): string {
  return Array.isArray(entry.body) ? entry.body.join('\n') : entry.body;
}

function firstPrefix(entry: SnippetEntry): string {
  return Array.isArray(entry.prefix) ? (entry.prefix[0] ?? '') : entry.prefix;
}

/** The whole-doc templates of a snippets file: the blank doc first, then the archetypes in file order. */
export function templatesFromSnippets(snippets: Record<string, SnippetEntry>): DocTemplate[] {
  const out: DocTemplate[] = [];
  for (const [name, entry] of Object.entries(snippets)) {
    if (!entry.isFileTemplate) continue;
    const prefix = firstPrefix(entry);
    const id = prefix === 'mlsd-doc' ? 'blank' : prefix.replace(/^mlsd-/, '');
    out.push({
      id,
      label: id === 'blank' ? 'Blank (seven steps)' : name.replace(/\s*\(archetype\)\s*$/i, ''),
      description: entry.description ?? '',
      prefix,
      body: bodyText(entry),
    });
  }
  out.sort((a, b) => (a.id === 'blank' ? -1 : b.id === 'blank' ? 1 : 0));
  return out;
}

/** Where the templates live, relative to the package root (the extension, the npm package, the repository). */
export const SNIPPETS_FILE = 'snippets/mlsd.code-snippets';

/** The whole-doc templates of a snippets file's text. */
export function templatesFromText(text: string): DocTemplate[] {
  return templatesFromSnippets(parseSnippets(text));
}

/** A template by id (`news-feed`), prefix (`mlsd-news-feed`) or label, case-insensitive. */
export function findTemplate(templates: readonly DocTemplate[], name: string): DocTemplate | undefined {
  const n = name.trim().toLowerCase();
  return templates.find((t) => t.id === n || t.prefix === n || `mlsd-${t.id}` === n || t.label.toLowerCase() === n);
}

// ---------------------------------------------------------------------------------------------
// Snippet syntax → plain text (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar)

type Node =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children?: Node[] } // $1, ${1}, ${1:default}
  | { kind: 'choice'; index: number; options: string[] } // ${1|a,b|}
  | { kind: 'variable'; name: string; children?: Node[] }; // $NAME, ${NAME}, ${NAME:default}

/** Parses VS Code snippet syntax. Malformed constructs are kept as text, as VS Code does. */
export function parseSnippet(src: string): Node[] {
  let i = 0;
  function parseSeq(inPlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (i < src.length) {
      const c = src[i];
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1])) {
        text += src[i + 1];
        i += 2;
        continue;
      }
      if (inPlaceholder && c === '}') break;
      if (c === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      i++;
    }
    flush();
    return nodes;
  }
  function parseDollar(): Node | undefined {
    const start = i;
    const rest = src.slice(i + 1);
    let m = /^(\d+)/.exec(rest);
    if (m) {
      i += 1 + m[1].length;
      return { kind: 'tabstop', index: Number(m[1]) };
    }
    m = /^([_a-zA-Z][_a-zA-Z0-9]*)/.exec(rest);
    if (m) {
      i += 1 + m[1].length;
      return { kind: 'variable', name: m[1] };
    }
    if (src[i + 1] !== '{') return undefined;
    i += 2;
    m = /^(\d+|[_a-zA-Z][_a-zA-Z0-9]*)/.exec(src.slice(i));
    if (!m) {
      i = start;
      return undefined;
    }
    const id = m[1];
    i += id.length;
    const isIndex = /^\d/.test(id);
    if (src[i] === '}') {
      i++;
      return isIndex ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    }
    if (src[i] === ':') {
      i++;
      const children = parseSeq(true);
      if (src[i] !== '}') {
        i = start;
        return undefined;
      }
      i++;
      return isIndex ? { kind: 'tabstop', index: Number(id), children } : { kind: 'variable', name: id, children };
    }
    if (isIndex && src[i] === '|') {
      i++;
      const options: string[] = [];
      let cur = '';
      while (i < src.length) {
        const c = src[i];
        if (c === '\\' && i + 1 < src.length && ',|\\$}'.includes(src[i + 1])) {
          cur += src[i + 1];
          i += 2;
          continue;
        }
        if (c === ',') {
          options.push(cur);
          cur = '';
          i++;
          continue;
        }
        if (c === '|' && src[i + 1] === '}') {
          options.push(cur);
          i += 2;
          return { kind: 'choice', index: Number(id), options };
        }
        cur += c;
        i++;
      }
      i = start;
      return undefined;
    }
    if (src[i] === '/') {
      // A transform: ${1/regex/format/flags} or ${VAR/…}. Expanded as the plain tab stop or variable.
      let depth = 0;
      while (i < src.length && !(src[i] === '}' && depth === 0)) {
        if (src[i] === '\\') i++;
        else if (src[i] === '{') depth++;
        else if (src[i] === '}') depth--;
        i++;
      }
      if (src[i] !== '}') {
        i = start;
        return undefined;
      }
      i++;
      return isIndex ? { kind: 'tabstop', index: Number(id) } : { kind: 'variable', name: id };
    }
    i = start;
    return undefined;
  }
  return parseSeq(false);
}

/**
 * Expands a snippet to plain text: each placeholder becomes its default, a choice its first option,
 * a bare tab stop the default of the same-numbered placeholder (mirroring) or nothing, and a variable
 * its value from `variables`, else its default, else nothing.
 */
export function expandSnippet(body: string | string[], variables: Record<string, string> = {}): string {
  const src = Array.isArray(body) ? body.join('\n') : body;
  const nodes = parseSnippet(src);
  const defaults = new Map<number, Node[] | string>();
  const collect = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'tabstop' && n.children && !defaults.has(n.index)) defaults.set(n.index, n.children);
      if (n.kind === 'choice' && !defaults.has(n.index)) defaults.set(n.index, n.options[0] ?? '');
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) collect(n.children);
    }
  };
  collect(nodes);
  const render = (list: Node[], seen: Set<number>): string =>
    list
      .map((n) => {
        switch (n.kind) {
          case 'text':
            return n.value;
          case 'choice':
            return n.options[0] ?? '';
          case 'variable':
            return variables[n.name] ?? (n.children ? render(n.children, seen) : '');
          case 'tabstop': {
            const d = n.children ?? defaults.get(n.index);
            if (d === undefined || seen.has(n.index)) return '';
            if (typeof d === 'string') return d;
            const next = new Set(seen);
            next.add(n.index);
            return render(d, next);
          }
        }
      })
      .join('');
  return render(nodes, new Set());
}

/** Highest tab stop number used in a snippet (0 when none besides `$0`). */
export function maxTabStop(body: string | string[]): number {
  let max = 0;
  const walk = (list: Node[]): void => {
    for (const n of list) {
      if (n.kind === 'tabstop' || n.kind === 'choice') max = Math.max(max, n.index);
      if ((n.kind === 'tabstop' || n.kind === 'variable') && n.children) walk(n.children);
    }
  };
  walk(parseSnippet(Array.isArray(body) ? body.join('\n') : body));
  return max;
}

/** Removes `//` and `/* … *\/` comments outside JSON strings. */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[++i] ?? '';
        continue;
      }
      if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      inString = true;
      out += c;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      i += 2;
      while (i < text.length && !(text[i] === '*' && text[i + 1] === '/')) i++;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}
