// Differential property: linting incrementally (lintFile with the previous result and the edits, as the server
// does for every burst of keystrokes) ends with the same findings as a fresh lint of the final text. A document
// that does not parse keeps its carried-over (stale) findings by design, so the whole-file comparison is made when
// the final text parses; every document that parses is compared with a fresh lint of its own text in any case.
// The server is checked over LSP for a few sequences: the publish after the last version equals a fresh open.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  buildView, fileFacts, fileFindings, lintDocumentText, lintFile, RULES, splitDocuments, workspaceFindings, type LintedFile, type OffsetEdit,
} from '@kube-hardening/shared-rules';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { fileUri, startClient, type TestClient } from '../support/lsp-client.js';
import { INCREMENTAL_MAX_EDITS, INCREMENTAL_RUNS, LSP_SEQUENCES, PROPERTY_SEED, SERVER_PUBLISH_MS } from './bounds.js';
import { applySequential, comparable, fixtureManifests, parses } from './support.js';

/** Every YAML document of the fixtures, as text without its `---` line: the material realistic files are made of. */
const DOCUMENTS = fixtureManifests().flatMap(({ text }) => splitDocuments(text).map((s) => text.slice(s.start, s.end).replace(/^---[^\n]*\n/, '')))
  .filter((d) => /^kind:/m.test(d) && d.length < 6000);

/** A realistic multi-document file: 2 to 6 fixture documents, in any order, sometimes with CRLF. */
const fileArb = fc.record({
  docs: fc.shuffledSubarray(DOCUMENTS, { minLength: 2, maxLength: 6 }),
  leadingMarker: fc.boolean(),
  crlf: fc.boolean(),
}).map(({ docs, leadingMarker, crlf }) => {
  const text = (leadingMarker ? '---\n' : '') + docs.map((d) => (d.endsWith('\n') ? d : `${d}\n`)).join('---\n');
  return crlf ? text.replace(/\r?\n/g, '\r\n') : text;
});

/** What people type and delete in YAML, the `---` line included. */
const SNIPPETS = [
  '---\n', '\n---\n', '  ', '\n', '#', ' # comment', ': ', '- ', '-', '[', ']', '{', '}', ', ', '"', "'", '\t', '&a ', '*a', '!!str ',
  'securityContext:\n', '  privileged: true\n', 'hostPID: true\n', 'x', 'name', '  runAsNonRoot: true', ':', '...\n', '|\n', '%YAML 1.2\n',
  'kind: Pod\n', 'apiVersion: v1\n', 'namespace: shop\n', '{a: [b, {c: d}]}', '}}', '{{ .Values.x }}', '\r\n',
];

type Op =
  | { kind: 'comment'; at: number }
  | { kind: 'word'; at: number; text: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'line'; at: number; action: 'delete' | 'duplicate' | 'indent' | 'dedent' | 'marker' }
  | { kind: 'break-repair'; at: number; text: string };

const at = fc.double({ min: 0, max: 1, noNaN: true });
const snippet = fc.array(fc.constantFrom(...SNIPPETS), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
// Weighted so that about half of the final texts parse: edits that keep YAML valid (a comment, a changed word, a
// `---` line, a break repaired) next to edits that may break it for good.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('comment' as const), at }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('word' as const), at, text: fc.constantFrom('true', 'false', '0', 'web', 'shop', 'v2', 'RuntimeDefault', '') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('break-repair' as const), at, text: fc.constantFrom(': {', '\t', '"', '[', '- - :', '  x:\n y', '---\n  - ') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('line' as const), at, action: fc.constantFrom('delete' as const, 'duplicate' as const, 'indent' as const, 'dedent' as const, 'marker' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert' as const), at, text: snippet }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('replace' as const), at, length: fc.integer({ min: 1, max: 30 }), text: snippet }) },
);

/** An op as offset edits on `text` (a break-and-repair is two edits: the breaking insertion, then its removal). */
function toEdits(text: string, op: Op): OffsetEdit[] {
  const pos = Math.floor(op.at * text.length);
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const nl = text.indexOf('\n', pos);
  const lineEnd = nl < 0 ? text.length : nl + 1;
  switch (op.kind) {
    case 'comment': {
      const end = nl < 0 ? text.length : nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
      return [{ start: end, end, newText: ' # note' }];
    }
    case 'word': {
      // The run of letters and digits around the position, replaced by another word (a value or a key edited).
      let a = pos;
      let b = pos;
      while (a > 0 && /[A-Za-z0-9]/.test(text[a - 1]!)) a--;
      while (b < text.length && /[A-Za-z0-9]/.test(text[b]!)) b++;
      return a < b ? [{ start: a, end: b, newText: op.text }] : [];
    }
    case 'insert':
      return [{ start: pos, end: pos, newText: op.text }];
    case 'delete':
      return [{ start: pos, end: Math.min(text.length, pos + op.length), newText: '' }];
    case 'replace':
      return [{ start: pos, end: Math.min(text.length, pos + op.length), newText: op.text }];
    case 'line':
      switch (op.action) {
        case 'delete': return [{ start: lineStart, end: lineEnd, newText: '' }];
        case 'duplicate': return [{ start: lineStart, end: lineStart, newText: text.slice(lineStart, lineEnd) + (lineEnd === text.length && !text.endsWith('\n') ? '\n' : '') }];
        case 'indent': return [{ start: lineStart, end: lineStart, newText: '  ' }];
        case 'dedent': return text.startsWith('  ', lineStart) ? [{ start: lineStart, end: lineStart + 2, newText: '' }] : [];
        case 'marker': return [{ start: lineStart, end: lineStart, newText: '---\n' }];
      }
      return [];
    case 'break-repair':
      return [{ start: pos, end: pos, newText: op.text }, { start: pos, end: pos + op.text.length, newText: '' }];
  }
}

/** A sequence of bursts: each burst's edits reach the engine together (the server lints once per burst). */
const sequenceArb = fc.record({
  text: fileArb,
  bursts: fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: INCREMENTAL_MAX_EDITS }),
});

interface Outcome {
  readonly final: string;
  readonly linted: LintedFile;
  /** Every edit in order, each with the version it produced (for LSP). */
  readonly edits: OffsetEdit[];
}

function replay(text: string, bursts: readonly Op[][]): Outcome {
  let current = text;
  let linted = lintFile(text);
  const all: OffsetEdit[] = [];
  for (const burst of bursts) {
    const edits: OffsetEdit[] = [];
    for (const op of burst) {
      for (const e of toEdits(current, op)) {
        edits.push(e);
        current = applySequential(current, [e]);
      }
    }
    linted = lintFile(current, linted, edits);
    all.push(...edits);
  }
  return { final: current, linted, edits: all };
}

const workspaceOf = (l: LintedFile) => {
  const facts = fileFacts(l, 'file');
  return workspaceFindings(fileFindings(l), facts, buildView([facts]), new Set(RULES.map((r) => r.meta.id)));
};

describe('incremental equals fresh (fast-check)', () => {
  it('after random edit sequences on multi-document files, the findings equal a fresh lint of the final text', () => {
    let compared = 0;
    fc.assert(
      fc.property(sequenceArb, ({ text, bursts }) => {
        const { final, linted } = replay(text, bursts);
        const fresh = lintFile(final);
        // Always: the same documents, and every document that parses judged as if fresh.
        assert.deepEqual(linted.segments.map((s) => [s.start, s.text]), fresh.segments.map((s) => [s.start, s.text]));
        linted.segments.forEach((s, i) => {
          if (s.result.broken) return;
          assert.deepEqual(comparable(s.result.findings), comparable(lintDocumentText(s.text).findings), `document ${i} judged as fresh`);
          assert.deepEqual(s.result.facts, fresh.segments[i]!.result.facts, `document ${i} facts as fresh`);
        });
        if (!parses(final)) return;
        compared++;
        assert.ok(linted.segments.every((s) => !s.result.broken), 'a text that parses has no broken document');
        assert.deepEqual(comparable(fileFindings(linted)), comparable(fileFindings(fresh)), 'local findings');
        assert.deepEqual(fileFacts(linted, 'file'), fileFacts(fresh, 'file'), 'facts');
        assert.deepEqual(comparable(workspaceOf(linted)), comparable(workspaceOf(fresh)), 'with the workspace pass');
      }),
      { numRuns: INCREMENTAL_RUNS, seed: PROPERTY_SEED },
    );
    assert.ok(compared >= INCREMENTAL_RUNS / 4, `the final text parsed in ${compared} of ${INCREMENTAL_RUNS} runs (the comparison is not vacuous)`);
  });
});

/**
 * The bursts as a client sends them: one didChange per burst, its changes in order, each in the coordinates of the
 * text before it, and the text the client holds at the end (LSP positions cannot point between `\r` and `\n`, so
 * the client's text is the truth here, not the offsets).
 */
function asDidChanges(text: string, bursts: readonly Op[][]): { didChanges: TextDocumentContentChangeEvent[][]; final: string } {
  let doc = TextDocument.create('file:///model.yaml', 'yaml', 1, text);
  const didChanges: TextDocumentContentChangeEvent[][] = [];
  for (const burst of bursts) {
    const changes: TextDocumentContentChangeEvent[] = [];
    for (const op of burst) {
      for (const e of toEdits(doc.getText(), op)) {
        const change = { range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, text: e.newText };
        changes.push(change);
        doc = TextDocument.update(doc, [change], doc.version + 1);
      }
    }
    didChanges.push(changes);
  }
  return { didChanges, final: doc.getText() };
}

const shown = (ds: readonly Diagnostic[]) => ds.map((d) => ({ range: d.range, code: d.code, severity: d.severity, message: d.message }))
  .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));

describe('incremental equals fresh over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = await startClient();
  });
  after(async () => {
    await client.stop();
  });

  it(`${LSP_SEQUENCES} random edit sequences: the publish after the last version equals a fresh open of the final text`, async () => {
    // Sequences whose final text parses (fast-check's own sampling, seeded), as the client sends them.
    const sequences = fc.sample(sequenceArb, { numRuns: LSP_SEQUENCES * 10, seed: PROPERTY_SEED + 1 })
      .map(({ text, bursts }) => ({ text, ...asDidChanges(text, bursts) })).filter((x) => parses(x.final)).slice(0, LSP_SEQUENCES);
    assert.equal(sequences.length, LSP_SEQUENCES);
    for (const [n, { text, didChanges, final }] of sequences.entries()) {
      const uri = fileUri(join(__dirname, `incremental-${n}.yaml`));
      const opened = client.waitForDiagnostics(uri, (p) => p.version === 1, SERVER_PUBLISH_MS);
      client.open(uri, text, 1);
      await opened;
      didChanges.forEach((changes, i) => client.change(uri, i + 2, changes));
      const version = didChanges.length + 1;
      const last = await client.waitForDiagnostics(uri, (p) => p.version === version, SERVER_PUBLISH_MS);
      const doc = TextDocument.create(uri, 'yaml', version, final);
      // Closed (and gone from the index) before the fresh open, so the two never judge each other.
      const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0 && p.version === undefined, SERVER_PUBLISH_MS);
      client.close(uri);
      await cleared;
      const freshUri = fileUri(join(__dirname, `incremental-${n}-fresh.yaml`));
      const fresh = client.waitForDiagnostics(freshUri, (p) => p.version === 1, SERVER_PUBLISH_MS);
      client.open(freshUri, doc.getText(), 1);
      assert.deepEqual(shown(last.diagnostics), shown((await fresh).diagnostics), `sequence ${n}: incremental publish equals a fresh open`);
      client.close(freshUri);
    }
  });
});
