// The one tester every rule table goes through (node:test). A table lists manifests that must not fire and
// manifests that must, with the exact range of each finding and the exact text after each of its fixes. For every
// fix it also checks what a careful engineer would: the result parses, and the finding it fixed is gone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { lintStandalone } from '../file-model.js';
import type { Rule } from '../rule.js';
import type { Finding, Fix, Severity, TextEdit } from '../types.js';

export interface ValidCase {
  readonly name: string;
  readonly yaml: string;
}

export interface ExpectedFinding {
  /** 1-based line and column where the range starts. */
  readonly line: number;
  readonly column: number;
  /** The exact text the range covers. */
  readonly text: string;
  readonly severity?: Severity;
  /** A substring or pattern the message must contain. */
  readonly message?: string | RegExp;
  /** The fixes offered, in order: their titles and the whole file's text after applying each. */
  readonly fixes?: readonly { readonly title: string; readonly output: string }[];
}

export interface InvalidCase {
  readonly name: string;
  readonly yaml: string;
  readonly findings: readonly ExpectedFinding[];
}

export interface RuleTable {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
  /** Run these rules too (the rule under test is judged alone otherwise), for rules about other rules' findings. */
  readonly withRules?: readonly Rule[];
}

/** Applies edits (offsets into `text`) from last to first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function findingsOf(rule: Rule, yaml: string, companions: readonly Rule[] = []): Finding[] {
  const rules = companions.includes(rule) ? companions : [rule, ...companions];
  return lintStandalone(yaml, { rules }).filter((f) => f.ruleId === rule.meta.id);
}

function describeFinding(yaml: string, f: Finding): string {
  const p = positionOf(yaml, f.range.start);
  return `${p.line}:${p.column} ${JSON.stringify(yaml.slice(f.range.start, f.range.end))} [${f.severity}] ${f.message}`;
}

export function testRule(rule: Rule, table: RuleTable): void {
  describe(`rule ${rule.meta.id}`, () => {
    const lint = (yaml: string) => findingsOf(rule, yaml, table.withRules);
    it('has a table with at least two valid and two invalid manifests', () => {
      assert.ok(table.valid.length >= 2, 'at least two valid cases');
      assert.ok(table.invalid.length >= 2, 'at least two invalid cases');
    });
    it('its documentation examples are true: the failing one fires, the passing one does not', () => {
      assert.ok(lint(rule.meta.examples.failing).length > 0, 'examples.failing fires');
      assert.deepEqual(lint(rule.meta.examples.passing).map((f) => describeFinding(rule.meta.examples.passing, f)), [], 'examples.passing does not fire');
    });
    for (const c of table.valid) {
      it(`valid: ${c.name}`, () => {
        const found = lint(c.yaml);
        assert.deepEqual(found.map((f) => describeFinding(c.yaml, f)), [], 'no finding expected');
      });
    }
    for (const c of table.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = lint(c.yaml);
        assert.deepEqual(
          found.map((f) => ({ ...positionOf(c.yaml, f.range.start), text: c.yaml.slice(f.range.start, f.range.end) })),
          c.findings.map((e) => ({ line: e.line, column: e.column, text: e.text })),
          `findings were:\n${found.map((f) => describeFinding(c.yaml, f)).join('\n')}`,
        );
        c.findings.forEach((expected, i) => checkFinding(rule, c.yaml, found[i]!, expected, found.length, lint));
      });
    }
  });
}

function checkFinding(rule: Rule, yaml: string, f: Finding, expected: ExpectedFinding, countBefore: number, lint: (yaml: string) => Finding[]): void {
  const where = describeFinding(yaml, f);
  assert.equal(f.severity, expected.severity ?? rule.meta.severity, `severity of ${where}`);
  if (expected.message instanceof RegExp) assert.match(f.message, expected.message, where);
  else if (expected.message !== undefined) assert.ok(f.message.includes(expected.message), `message of ${where}`);
  const fixes = expected.fixes ?? [];
  assert.deepEqual(f.fixes.map((x) => x.title), fixes.map((x) => x.title), `fix titles of ${where}`);
  f.fixes.forEach((fx: Fix, i) => {
    const output = applyEdits(yaml, fx.edits);
    assert.equal(output, fixes[i]!.output, `text after fix "${fx.title}"`);
    for (const d of parseAllDocuments(output)) assert.deepEqual(d.errors.map((e) => e.message), [], `fix "${fx.title}" yields valid YAML`);
    const after = lint(output);
    assert.ok(after.length < countBefore, `fix "${fx.title}" removes the finding (before ${countBefore}, after ${after.length})`);
    // Nothing else gets worse: with every rule on, no rule finds more than before.
    const everyRule = (text: string) => {
      const counts = new Map<string, number>();
      for (const x of lintStandalone(text)) counts.set(x.ruleId, (counts.get(x.ruleId) ?? 0) + 1);
      return counts;
    };
    const beforeAll = everyRule(yaml);
    for (const [id, n] of everyRule(output)) {
      if (rule.meta.fix?.mayCause?.includes(id)) continue;
      assert.ok(n <= (beforeAll.get(id) ?? 0), `fix "${fx.title}" causes a new ${id} finding:\n${output}`);
    }
    // Idempotent: the same fix is not offered again on the result.
    const again = after.flatMap((x) => x.fixes).find((x) => x.title === fx.title && JSON.stringify(x.edits) === JSON.stringify(fx.edits));
    assert.equal(again, undefined, `fix "${fx.title}" is offered again after it was applied`);
    assert.equal(fx.safety, rule.meta.fix?.safety, `fix "${fx.title}" has the rule's safety`);
  });
}
