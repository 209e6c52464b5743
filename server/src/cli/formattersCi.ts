/**
 * CI output formats of `mlsd lint`: GitHub Actions workflow commands (annotations on the pull request's
 * diff), GitLab Code Quality report JSON, and JUnit XML (one test case per doc, one failure per error).
 */
import * as crypto from 'node:crypto';
import * as path from 'node:path';
import type { Severity } from '../rules/types';
import type { CliMessage, FileResult } from './lintFiles';

/** The doc's path as CI tools want it: relative to the working directory, with `/`. */
function repoPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (!rel || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}

// ------------------------------------------------------------------------------------------- github

const GITHUB_COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  info: 'notice',
  hint: 'notice',
};

/** GitHub's escaping of a workflow command's message (data): `%`, CR, LF. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property value: the data escapes plus `:` and `,`. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One `::error|warning|notice file=…,line=…,col=…,endLine=…,endColumn=…,title=ID::headline` per
 * finding. `endColumn` is given only on one-line ranges (GitHub ignores columns across lines).
 */
export function formatGithub(results: FileResult[], cwd: string): string {
  let out = '';
  for (const r of results) {
    const file = escapeGithubProperty(repoPath(r.filePath, cwd));
    for (const m of r.messages) {
      const props = [`file=${file}`, `line=${m.line}`, `col=${m.column}`, `endLine=${m.endLine}`];
      if (m.endLine === m.line) props.push(`endColumn=${m.endColumn}`);
      props.push(`title=${escapeGithubProperty(`${m.ruleId}/${m.alias}`)}`);
      out += `::${GITHUB_COMMAND[m.severity]} ${props.join(',')}::${escapeGithubData(m.message)}\n`;
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------- gitlab

/** Code Quality severities: info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical'> = {
  error: 'critical',
  warning: 'major',
  info: 'minor',
  hint: 'info',
};

/**
 * A finding's fingerprint: the same for the same finding across runs (file, rule, headline and the
 * how-many-th identical finding), so GitLab can tell new findings from fixed ones. Lines are left out
 * on purpose: an edit above a finding does not make it new.
 */
function fingerprint(file: string, m: CliMessage, nth: number): string {
  return crypto.createHash('md5').update(`${file}\0${m.ruleId}\0${m.message}\0${nth}`).digest('hex');
}

export function formatGitlab(results: FileResult[], cwd: string): string {
  const issues: unknown[] = [];
  for (const r of results) {
    const file = repoPath(r.filePath, cwd);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const key = `${m.ruleId}\0${m.message}`;
      const nth = seen.get(key) ?? 0;
      seen.set(key, nth + 1);
      issues.push({
        type: 'issue',
        description: `${m.ruleId}/${m.alias}: ${m.message}`,
        check_name: m.ruleId,
        fingerprint: fingerprint(file, m, nth),
        severity: GITLAB_SEVERITY[m.severity],
        ...(m.explanation ? { content: { body: m.explanation } } : {}),
        categories: ['Style'],
        location: { path: file, lines: { begin: m.line, end: m.endLine } },
      });
    }
  }
  return `${JSON.stringify(issues, null, 2)}\n`;
}

// -------------------------------------------------------------------------------------------- junit

export function escapeXml(s: string): string {
  return (
    s
      // characters XML 1.0 cannot carry at all
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

/**
 * One `<testsuite name="mlsd">`, one `<testcase>` per linted doc (classname = the doc's path), one
 * `<failure>` per error finding (warnings, infos and hints do not fail a test case). A doc that could
 * not be read is not in `results`: the run already exits 2 and says so on stderr.
 */
export function formatJunit(results: FileResult[], cwd: string): string {
  let failures = 0;
  let cases = '';
  for (const r of results) {
    const file = repoPath(r.filePath, cwd);
    const errors = r.messages.filter((m) => m.severity === 'error');
    failures += errors.length;
    const name = escapeXml(file);
    if (!errors.length) {
      cases += `    <testcase classname="${name}" name="${name}" time="0"/>\n`;
      continue;
    }
    cases += `    <testcase classname="${name}" name="${name}" time="0">\n`;
    for (const m of errors) {
      const where = `${file}:${m.line}:${m.column}`;
      const body = `${where} ${m.ruleId}/${m.alias}: ${m.message}${m.explanation ? `\n\n${m.explanation}` : ''}`;
      cases += `      <failure message="${escapeXml(`${m.ruleId}: ${m.message}`)}" type="${escapeXml(m.ruleId)}">${escapeXml(body)}</failure>\n`;
    }
    cases += '    </testcase>\n';
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="mlsd" tests="${results.length}" failures="${failures}" errors="0">\n` +
    `  <testsuite name="mlsd" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="0">\n` +
    cases +
    '  </testsuite>\n' +
    '</testsuites>\n'
  );
}
