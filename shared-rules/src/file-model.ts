// A linted file: its text split into YAML documents, each with its findings. Re-linting after an edit reuses the
// result of every document whose text did not change (found by its text, wherever it moved), so a keystroke
// re-parses and re-checks only the document it touched. A document that does not parse keeps the findings it had
// before the edit, moved with the edit, so squiggles do not flicker away while someone types.
import { lintDocumentText, type DocumentResult } from './lint-document.js';
import type { Rule } from './rule.js';
import { RULES } from './rules/index.js';
import type { EngineConfig } from './config.js';
import type { Finding, Fix, InternalError, OffsetRange, TextEdit } from './types.js';
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
  if (previous?.config !== options.config) previous = undefined;
  // A keystroke is one edit: the documents wholly before it, and wholly after it (moved by its length change), are
  // the same text as before and are reused by position, without comparing or hashing their text. Only the others
  // are looked up by text (a document moved by a paste above it, a `---` typed) or linted.
  const single = edits.length === 1 ? edits[0]! : undefined;
  const delta = single ? single.newText.length - (single.end - single.start) : 0;
  const byStart = new Map<number, Segment>();
  for (const s of previous?.segments ?? []) byStart.set(s.start, s);
  let cache: Map<string, DocumentResult> | undefined;
  const segments: Segment[] = [];
  for (const { start, end } of splitDocuments(text)) {
    if (single && previous) {
      const before = end <= single.start ? byStart.get(start) : undefined;
      const after = start >= single.start + single.newText.length ? byStart.get(start - delta) : undefined;
      const same = before && before.start + before.text.length === end ? before : after && after.start + after.text.length === end - delta ? after : undefined;
      if (same) {
        segments.push({ start, text: same.text, result: same.result });
        continue;
      }
    }
    if (!cache) {
      cache = new Map();
      for (const s of previous?.segments ?? []) cache.set(s.text, s.result);
    }
    const segText = text.slice(start, end);
    let result = cache.get(segText) ?? lintDocumentText(segText, rules, options.config);
    if (result.broken && !cache.has(segText) && previous) {
      // Facts too: the documents that depend on this one keep their judgement while it is being typed.
      const carried = carriedInto(previous, edits, start, end);
      result = { ...result, findings: carried.findings, facts: carried.facts };
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

/** Each document result's findings moved to file offsets, for the start it was last seen at. */
const placed = new WeakMap<DocumentResult, { readonly start: number; readonly partial: boolean; readonly findings: readonly Finding[] }>();

/**
 * All findings of a file, with offsets into the file's text. A keystroke changes one document: the others reuse
 * their placed findings when they did not move, and are re-placed cheaply (fix edits lazily) when they did.
 */
export function fileFindings(file: LintedFile): Finding[] {
  const out: Finding[] = fileNotes(file);
  const partial = !!file.partial;
  for (const s of file.segments) {
    let memo = placed.get(s.result);
    if (!memo || memo.start !== s.start || memo.partial !== partial) {
      const findings: Finding[] = [];
      for (const f of s.result.findings) {
        if (partial && f.missing) continue;
        findings.push(s.start === 0 ? f : shift(f, s.start));
      }
      memo = { start: s.start, partial, findings };
      placed.set(s.result, memo);
    }
    for (const f of memo.findings) out.push(f);
  }
  return out;
}

/** Findings about the file as a whole rather than one of its documents (the Helm template note). */
export function fileNotes(file: LintedFile): Finding[] {
  return file.helmNote ? [helmNote(file.text)] : [];
}

/**
 * One document's findings, relative to its text: with `fileNotes` and the other documents', `fileFindings` in
 * parts (an editor re-judges and re-converts only the documents a keystroke changed).
 */
export function segmentFindings(file: LintedFile, segment: Segment): readonly Finding[] {
  return file.partial ? segment.result.findings.filter((f) => !f.missing) : segment.result.findings;
}

export function fileInternalErrors(file: LintedFile): InternalError[] {
  return file.segments.flatMap((s) => s.result.internalErrors);
}

function shift(f: Finding, by: number): Finding {
  const move = <R extends OffsetRange>(r: R): R => ({ ...r, start: r.start + by, end: r.end + by });
  const fixes = f.fixes;
  let moved: Fix[] | undefined;
  return {
    ...f,
    range: move(f.range),
    // Moved when first read (a code action, the CLI): a keystroke moves every finding after it, and most findings'
    // fixes are never looked at before the next keystroke moves them again.
    get fixes(): Fix[] {
      return (moved ??= fixes.length === 0 ? [] : fixes.map((x) => ({ ...x, edits: x.edits.map(move) })));
    },
  };
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

/**
 * The previous findings (stale, without fixes) and facts that fall inside the document [start, end) of the new
 * text once moved with the edits, relative to that document. Only the previous documents that overlap it are
 * looked at: a keystroke that breaks one document must not cost a pass over the whole file.
 */
function carriedInto(previous: LintedFile, edits: readonly OffsetEdit[], start: number, end: number): { findings: Finding[]; facts: Fact[] } {
  const findings: Finding[] = [];
  const facts: Fact[] = [];
  for (const s of previous.segments) {
    if (mapOffset(s.start + s.text.length, edits) < start || mapOffset(s.start, edits) > end) continue;
    for (const f of s.result.findings) {
      if (previous.partial && f.missing) continue;
      const from = mapOffset(f.range.start + s.start, edits);
      const to = Math.max(from, mapOffset(f.range.end + s.start, edits));
      if (from >= start && to <= end) findings.push({ ...f, range: { start: from - start, end: to - start }, fixes: [], stale: true });
    }
    for (const f of s.result.facts) {
      const abs = shiftFact(f, s.start);
      const from = mapOffset(abs.range.start, edits);
      const moved = shiftFact(abs, from - abs.range.start);
      const to = Math.max(from, mapOffset(abs.range.end, edits));
      if (from >= start && to <= end) facts.push(shiftFact({ ...moved, range: { start: from, end: to } }, -start));
    }
  }
  return { findings, facts };
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
