// The engine's findings on the fixture corpus (test/fixtures/corpus: rendered Helm charts, kustomize output,
// kubeadm's control plane, a hardened namespace) must equal test/fixtures/corpus.snapshot.txt exactly: a rule
// change that adds, drops or moves a finding on real-world manifests shows up as a diff to review.
// Regenerate with `npm run update-snapshot` (after a build).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { corpusFiles, formatLine, lintCorpus, snapshotText, SNAPSHOT_FILE } from '../../scripts/update-corpus-snapshot.mjs';

const corpus = lintCorpus();

/**
 * A unified-diff-like listing of the lines that differ (longest common subsequence; hunks without context, each
 * headed `@@ -line,count +line,count @@` as in `diff -U0`).
 */
function lineDiff(before, after) {
  const a = before;
  const b = after;
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const removed = [];
    const added = [];
    const [fromA, fromB] = [i, j];
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) removed.push(a[i++]);
      else added.push(b[j++]);
    }
    out.push(`@@ -${removed.length ? fromA + 1 : fromA},${removed.length} +${added.length ? fromB + 1 : fromB},${added.length} @@`);
    for (const l of removed) out.push(`-${l}`);
    for (const l of added) out.push(`+${l}`);
  }
  return out.join('\n');
}

it('test/fixtures/corpus.snapshot.txt lists exactly the findings the engine reports on the corpus', () => {
  // Tolerate a checkout that turned line endings into CRLF.
  const expected = readFileSync(SNAPSHOT_FILE, 'utf8').replace(/\r\n/g, '\n');
  const actual = snapshotText(corpus.findings);
  if (actual === expected) return;
  const diff = lineDiff(expected.split('\n'), actual.split('\n'));
  assert.fail(
    `The engine's findings on test/fixtures/corpus differ from test/fixtures/corpus.snapshot.txt ` +
      `(- in the snapshot, + reported now):\n${diff}\n\nRun \`npm run update-snapshot\` if the change is intended.`,
  );
});

it('no rule throws on the corpus', () => {
  assert.deepEqual(corpus.internalErrors, []);
});

it('the hardened namespace has no finding at warning or error severity', () => {
  assert.ok(corpusFiles().filter((p) => p.startsWith('hardened/')).length >= 5, 'hardened/ holds the namespace\'s manifests');
  const hardened = corpus.findings.filter((f) => f.path.startsWith('hardened/'));
  assert.deepEqual(hardened.filter((f) => f.severity !== 'information').map(formatLine), []);
});

it('the helm, kubeadm and kustomize corpora each have findings (the snapshot is not vacuous)', () => {
  const folders = new Set(corpus.findings.map((f) => f.path.split('/')[0]));
  for (const folder of ['helm', 'kubeadm', 'kustomize']) assert.ok(folders.has(folder), `${folder}/ has findings`);
});
