// The engine's document model: splitting, reuse of unchanged documents, carrying findings over broken edits,
// and isolation of a throwing rule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileFindings, fileInternalErrors, lintFile, mapOffset, splitDocuments } from './file-model.js';
import { defineRule } from './rule.js';
import { RULES } from './rules/index.js';

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  hostNetwork: true
  containers:
    - name: ${name}
      image: app:1
`;

describe('splitDocuments', () => {
  it('splits at column-0 --- markers only', () => {
    const text = 'a: 1\n---\nb: |\n  --- not a marker\n--- # c\nc: 1\n---x: 2\n';
    assert.deepEqual(splitDocuments(text).map((s) => text.slice(s.start, s.end)), ['a: 1\n', '---\nb: |\n  --- not a marker\n', '--- # c\nc: 1\n---x: 2\n']);
  });
  it('keeps directives with the document they introduce, and handles CRLF', () => {
    const text = 'a: 1\n...\n%YAML 1.2\n---\nb: 2\r\n---\r\nc: 3';
    assert.deepEqual(splitDocuments(text).map((s) => text.slice(s.start, s.end)), ['a: 1\n...\n', '%YAML 1.2\n---\nb: 2\r\n', '---\r\nc: 3']);
  });
  it('an empty text is one empty document', () => {
    assert.deepEqual(splitDocuments(''), [{ start: 0, end: 0 }]);
  });
});

describe('lintFile', () => {
  const text = `${POD('a')}---\n${POD('b')}---\n${POD('c')}`;

  it('reuses the results of documents an edit did not touch', () => {
    const before = lintFile(text);
    const at = text.indexOf('app:1', text.indexOf('name: b'));
    const after = lintFile(`${text.slice(0, at)}x${text.slice(at)}`, before, [{ start: at, end: at, newText: 'x' }]);
    assert.equal(after.segments[0]!.result, before.segments[0]!.result, 'first document reused');
    assert.notEqual(after.segments[1]!.result, before.segments[1]!.result, 'edited document re-linted');
    assert.equal(after.segments[2]!.result, before.segments[2]!.result, 'last document reused although it moved');
    assert.deepEqual(fileFindings(after).map((f) => f.ruleId), fileFindings(lintFile(after.text)).map((f) => f.ruleId));
  });

  it('a document that stops parsing keeps its findings, moved with the edit and without fixes; siblings are unaffected', () => {
    const before = lintFile(text);
    const at = text.indexOf('  hostNetwork', text.indexOf('name: b'));
    const insert = 'x: [\n';
    const broken = `${text.slice(0, at)}${insert}${text.slice(at)}`;
    const after = lintFile(broken, before, [{ start: at, end: at, newText: insert }]);
    assert.equal(after.segments[1]!.result.broken, true);
    const was = fileFindings(before);
    const now = fileFindings(after);
    assert.deepEqual(now.map((f) => f.ruleId), was.map((f) => f.ruleId));
    const moved = now.filter((f) => f.stale);
    assert.ok(moved.length > 0 && moved.every((f) => f.fixes.length === 0));
    const hostNetwork = now.find((f) => f.stale && f.ruleId === 'no-host-network')!;
    assert.equal(broken.slice(hostNetwork.range.start, hostNetwork.range.end), 'true');
    // Opened broken, with no history: nothing for that document, the others still checked.
    const fresh = lintFile(broken);
    assert.equal(fileFindings(fresh).filter((f) => f.range.start > at && f.range.start < broken.indexOf('name: c')).length, 0);
    assert.ok(fileFindings(fresh).some((f) => f.range.start > broken.indexOf('name: c')));
  });

  it('a rule that throws becomes an internal error; the other rules still report', () => {
    const throwing = defineRule({
      meta: { ...RULES[0]!.meta, id: 'throws' },
      check() {
        throw new Error('boom');
      },
    });
    const linted = lintFile(POD('a'), undefined, [], { rules: [throwing, ...RULES] });
    assert.ok(fileFindings(linted).some((f) => f.ruleId === 'no-host-network'));
    assert.deepEqual(fileInternalErrors(linted).map((e) => [e.ruleId, e.message.split('\n')[0]]), [['throws', 'boom']]);
  });

  it('never throws on hostile input', () => {
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nkind: Pod\nspec: *c\n`;
    for (const input of ['', '\u0000\uffff', '[', 'kind: 5\nspec: []', 'kind: Pod\nspec:\n  containers: {a: 1}', bomb, `kind: Pod\nspec:\n  containers:\n  - ${'['.repeat(2000)}`, '- a\n- b', 'just a scalar']) {
      assert.doesNotThrow(() => fileFindings(lintFile(input)), input.slice(0, 40));
    }
  });
});

describe('mapOffset', () => {
  it('moves offsets after an edit and collapses deleted ones', () => {
    const edits = [{ start: 5, end: 8, newText: 'abcdef' }];
    assert.deepEqual([0, 5, 6, 8, 10].map((o) => mapOffset(o, edits)), [0, 5, 5, 11, 13]);
  });
});
