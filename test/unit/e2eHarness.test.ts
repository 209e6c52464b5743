/**
 * The e2e harness's scratch docs (test/e2e/suite/harness.ts `ensureText`): VS Code may open a new
 * `Untitled-N` with a restored backup of the previous scratch doc of that name instead of the text asked
 * for (issue 12: completion answered top-level keys from the previous test's text). The harness must
 * replace that text and wait until the doc holds what the test asked for, before the test positions its
 * cursor or sends a request. Runs with a fake document: no VS Code needed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as vs from 'vscode';
import { AssertionError, ensureText, type TextIo } from '../e2e/suite/harness';

/** The two texts of issue 12's failure: the previous test's scratch doc and the one the failing test asked for. */
const PREVIOUS = 'mlsd: 1\ntitle: Event recommendations\nrequirements:\n  \nframing:\n  task_type: ranking\n';
const ASKED = 'mlsd: 1\ntitle: Event recommendations\nrequirements:\n  business_objective: More registrations\n  \n';

/** A document that changes only when its change event is delivered (as the extension host's does). */
function fakeDoc(text: string) {
  let current = text;
  const listeners: (() => void)[] = [];
  const doc = { uri: { toString: () => 'untitled:Untitled-1' }, getText: () => current } as unknown as vs.TextDocument;
  const edits: string[] = [];
  const io: TextIo = {
    async replaceAll(_d, content) {
      edits.push(content);
      // the edit is applied; the document updates on a later turn, then the change event fires
      setImmediate(() => {
        current = content;
        for (const l of listeners) l();
      });
      return true;
    },
    changed: (check) =>
      new Promise<void>((resolve) => {
        if (check()) return resolve();
        listeners.push(() => check() && resolve());
      }),
  };
  return { doc, io, edits };
}

test('a scratch doc opened with a restored backup (the previous test text) is given the asked text before use', async () => {
  const { doc, io, edits } = fakeDoc(PREVIOUS);
  assert.equal(await ensureText(doc, ASKED, io), true);
  assert.deepEqual(edits, [ASKED]);
  assert.equal(doc.getText(), ASKED, 'holds the asked text when ensureText resolves (not one turn later)');
});

test('a scratch doc that holds the asked text is left alone', async () => {
  const { doc, io, edits } = fakeDoc(ASKED);
  assert.equal(await ensureText(doc, ASKED, io), false);
  assert.deepEqual(edits, []);
});

test('a refused edit fails the test, naming the doc', async () => {
  const { doc, io } = fakeDoc(PREVIOUS);
  io.replaceAll = async () => false;
  await assert.rejects(
    ensureText(doc, ASKED, io),
    (e: Error) => e instanceof AssertionError && /Untitled-1/.test(e.message),
  );
});
