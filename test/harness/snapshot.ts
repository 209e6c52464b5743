/**
 * Snapshot files: `expectSnapshot(name, text)` compares `text` with test/snapshots/<name>.snap.
 * Set UPDATE_SNAPSHOTS=1 to write them. A missing snapshot fails (never silently passes) unless updating.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, 'test/snapshots');

export function expectSnapshot(name: string, actual: string): void {
  const file = path.join(DIR, `${name}.snap`);
  const text = actual.endsWith('\n') ? actual : `${actual}\n`;
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return;
  }
  assert.ok(
    fs.existsSync(file),
    `snapshot ${path.relative(ROOT, file)} is missing: run with UPDATE_SNAPSHOTS=1 and review it`,
  );
  assert.equal(text, fs.readFileSync(file, 'utf8'), `snapshot ${name} differs (UPDATE_SNAPSHOTS=1 to accept)`);
}

/** Splits a `$0` cursor marker out of a fixture text: returns the text without it and the offset. */
export function cursor(textWithMarker: string): { text: string; offset: number } {
  const i = textWithMarker.indexOf('$0');
  if (i < 0) throw new Error('fixture has no $0 cursor marker');
  return { text: textWithMarker.slice(0, i) + textWithMarker.slice(i + 2), offset: i };
}
