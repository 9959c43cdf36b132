// A linted file: its text split into YAML documents, each with its findings. Re-linting after an edit reuses the
// result of every document whose text did not change (found by its text, wherever it moved), so a keystroke
// re-parses and re-checks only the document it touched. A document that does not parse keeps the findings it had
// before the edit, moved with the edit, so squiggles do not flicker away while someone types.
import { lintDocumentText, type DocumentResult } from './lint-document.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import type { EngineConfig } from './config.js';
import type { Finding, InternalError, OffsetRange, TextEdit } from './types.js';
import { buildView, workspaceFindings, type FileFacts, type SuppressionScope } from './workspace/cross.js';
import { shiftFact, type Fact } from './workspace/facts.js';

export interface Segment {
  /** Offset of the document's first character in the file. */
  readonly start: number;
  readonly text: string;
  readonly result: DocumentResult;
}

export interface LintedFile {
  readonly text: string;
  readonly segments: readonly Segment[];
  /** The configuration the segments were judged with: results are reused only under the same one. */
  readonly config: EngineConfig | undefined;
  /** A partial object (a kustomize patch): findings about something missing do not apply. */
  readonly partial?: boolean;
  /** Whether to add the `helm-template` note to a file with template actions (the rule is enabled). */
  readonly helmNote?: boolean;
}

/** A change as the editor sent it: replace [start, end) of the text it applied to with `newText`. */
export type OffsetEdit = TextEdit;

const DOC_START = /^---(?=[ \t\r\n]|$)/;

/**
 * Splits a YAML stream into documents at `---` lines. A `---` at column 0 can only be a document marker in
 * YAML 1.2 (content may not start with it there), so this agrees with the parser without parsing. Directive
 * lines (`%YAML`) right above a marker go with the document they introduce.
 */
export function splitDocuments(text: string): { start: number; end: number }[] {
  const starts = [0];
  let lineStart = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    if (text.charCodeAt(lineStart) === 45 /* - */ && DOC_START.test(text.slice(lineStart, Math.min(lineEnd + 1, lineStart + 5)))) {
      let at = lineStart;
      // Walk back over directive lines so they start the new document.
      while (at > 0) {
        const prevStart = text.lastIndexOf('\n', at - 2) + 1;
        if (text.charCodeAt(prevStart) !== 37 /* % */ || prevStart < starts[starts.length - 1]!) break;
        at = prevStart;
      }
      if (at > starts[starts.length - 1]!) starts.push(at);
    }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? text.length }));
}

export interface LintOptions {
  readonly rules?: readonly Rule[];
  /** The project's configuration that changes judgements; compared by identity to reuse earlier results. */
  readonly config?: EngineConfig;
  /** The file is a partial object (a kustomize patch): skip findings about something missing. */
  readonly partial?: boolean;
}

/**
 * Lints a whole file. With `previous` (the result for the text before `edits`), unchanged documents reuse their
 * results, and documents that do not parse keep the previous findings that fall inside them.
 */
export function lintFile(text: string, previous?: LintedFile, edits: readonly OffsetEdit[] = [], options: LintOptions = {}): LintedFile {
  const rules = options.rules ?? RULES;
  const cache = new Map<string, DocumentResult>();
  if (previous?.config !== options.config) previous = undefined;
  for (const s of previous?.segments ?? []) cache.set(s.text, s.result);
  let carried: Finding[] | undefined;
  let carriedFacts: Fact[] | undefined;
  const segments: Segment[] = [];
  for (const { start, end } of splitDocuments(text)) {
    const segText = text.slice(start, end);
    let result = cache.get(segText) ?? lintDocumentText(segText, rules, options.config);
    if (result.broken && !cache.has(segText) && previous) {
      carried ??= moveFindings(fileFindings(previous), edits);
      const inside = carried.filter((f) => f.range.start >= start && f.range.end <= end);
      // Facts too: the documents that depend on this one keep their judgement while it is being typed.
      carriedFacts ??= moveFacts(previous, edits);
      const facts = carriedFacts.filter((f) => f.range.start >= start && f.range.end <= end).map((f) => shiftFact(f, -start));
      result = { ...result, findings: inside.map((f) => ({ ...shift(f, -start), fixes: [], stale: true })), facts };
    }
    segments.push({ start, text: segText, result });
  }
  const helmNote = rules.some((r) => r.meta.id === HELM_TEMPLATE) && segments.some((s) => s.result.templated);
  return { text, segments, config: options.config, ...(options.partial ? { partial: true } : {}), ...(helmNote ? { helmNote } : {}) };
}

export const HELM_TEMPLATE = 'helm-template';

/** The one note on a Helm template's first line. */
function helmNote(text: string): Finding {
  const firstLine = text.search(/\r?\n|$/);
  return {
    ruleId: HELM_TEMPLATE, severity: 'information', range: { start: 0, end: Math.max(0, firstLine) }, fixes: [],
    message: 'Helm template: checked only where the YAML is literal (templated values and blocks are not judged).',
  };
}

/** All findings of a file, with offsets into the file's text. */
export function fileFindings(file: LintedFile): Finding[] {
  const out: Finding[] = file.helmNote ? [helmNote(file.text)] : [];
  for (const s of file.segments) {
    for (const f of s.result.findings) {
      if (file.partial && f.missing) continue;
      out.push(s.start === 0 ? f : shift(f, s.start));
    }
  }
  return out;
}

export function fileInternalErrors(file: LintedFile): InternalError[] {
  return file.segments.flatMap((s) => s.result.internalErrors);
}

function shift(f: Finding, by: number): Finding {
  const move = <R extends OffsetRange>(r: R): R => ({ ...r, start: r.start + by, end: r.end + by });
  return { ...f, range: move(f.range), fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map(move) })) };
}

/** Maps an offset in the text before `edits` to the text after them (a deleted region collapses to its start). */
export function mapOffset(offset: number, edits: readonly OffsetEdit[]): number {
  let o = offset;
  for (const e of edits) {
    if (o >= e.end) o += e.newText.length - (e.end - e.start);
    else if (o > e.start) o = e.start;
  }
  return o;
}

function moveFacts(previous: LintedFile, edits: readonly OffsetEdit[]): Fact[] {
  const out: Fact[] = [];
  for (const s of previous.segments) {
    for (const f of s.result.facts) {
      const abs = shiftFact(f, s.start);
      const start = mapOffset(abs.range.start, edits);
      const moved = shiftFact(abs, start - abs.range.start);
      out.push({ ...moved, range: { start, end: Math.max(start, mapOffset(abs.range.end, edits)) } });
    }
  }
  return out;
}

const factsMemo = new WeakMap<LintedFile, FileFacts>();

/** What the workspace needs to know about a linted file, under the caller's id for it (computed once per result). */
export function fileFacts(file: LintedFile, id: string): FileFacts {
  const memo = factsMemo.get(file);
  if (memo && memo.file === id) return memo;
  const computed = computeFileFacts(file, id);
  factsMemo.set(file, computed);
  return computed;
}

function computeFileFacts(file: LintedFile, id: string): FileFacts {
  const facts: Fact[] = [];
  const suppressions: SuppressionScope[] = [];
  for (const s of file.segments) {
    // A partial object (a patch) is not an object of the workspace: it declares and runs nothing on its own.
    if (!file.partial) for (const f of s.result.facts) facts.push(shiftFact(f, s.start));
    for (const x of s.result.suppressions) suppressions.push({ start: x.start + s.start, end: x.end + s.start, ids: x.ids });
  }
  const text = file.text;
  return { file: id, facts, suppressions, length: text.length, eol: text.includes('\r\n') ? '\r\n' : '\n', finalNewline: /\n$/.test(text) };
}

/**
 * Lints one file on its own, the file being its whole workspace (the CLI on a single file, the rule tables): local
 * findings plus the cross-document rules judged against this file's documents.
 */
export function lintStandalone(text: string, options: LintOptions = {}, id = 'file'): Finding[] {
  const linted = lintFile(text, undefined, [], options);
  const facts = fileFacts(linted, id);
  const ran = new Set((options.rules ?? RULES).map((r) => r.meta.id));
  return workspaceFindings(fileFindings(linted), facts, buildView([facts]), ran);
}

function moveFindings(findings: readonly Finding[], edits: readonly OffsetEdit[]): Finding[] {
  return findings.map((f) => {
    const start = mapOffset(f.range.start, edits);
    const end = Math.max(start, mapOffset(f.range.end, edits));
    return { ...f, range: { start, end } };
  });
}
