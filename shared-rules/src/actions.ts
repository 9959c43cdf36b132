// What an editor offers beside a rule's own fix, computed on demand (never on the keystroke path): suppressing a
// finding on its line, for its object or for its container; fixing every finding of a file in one edit; and the
// rule id a suppression names at a position (for hovers).
import { isScalar, type Document } from 'yaml';
import { fileFindings, lintFile, type LintedFile, type LintOptions, type Segment } from './file-model.js';
import { objectsOf, type K8sObject } from './k8s/objects.js';
import { parseDocumentText } from './lint-document.js';
import {
  annotationSuppressions, commentDirectives, IGNORE_ANNOTATION, IGNORE_REASON_ANNOTATION, NEXT_LINE, ruleIdAt, UNUSED_SUPPRESSION,
  type RuleId,
} from './suppressions.js';
import type { Finding, Fix, FixSafety, OffsetRange, TextEdit } from './types.js';
import { setEntries, setPath } from './yaml/edit.js';
import { entry, mapAt } from './yaml/nodes.js';
import { detectStyle, lineEndOf, lineStartOf, type SourceDoc } from './yaml/source.js';

/** The text an editor selects in an inserted suppression, for the user to replace with the reason. */
export const REASON_PLACEHOLDER = 'reason';
const MARK = 'KUBE_HARDENING_REASON_MARK';

/** A suppression fix: like a Fix, plus where the reason placeholder stands (edit index, offset in its newText). */
export interface SuppressionFix extends Fix {
  readonly scope: 'line' | 'object' | 'container';
  readonly placeholder?: { readonly edit: number; readonly at: number; readonly length: number };
}

interface Located {
  readonly segment: Segment;
  readonly src: SourceDoc;
  readonly objects: K8sObject[];
}

/**
 * Each segment's documents, parsed once on first use and kept as long as the lint result holding the segment: a
 * code action request for many diagnostics (a selection of the whole file) re-parses each document once, not once
 * per diagnostic.
 */
const reparsed = new WeakMap<Segment, { docs: Document.Parsed[]; located: Map<Document.Parsed, Located> }>();

/** Re-parses the document (segment) holding `offset`; undefined when it does not parse. */
function locate(file: LintedFile, offset: number): Located | undefined {
  const segment = [...file.segments].reverse().find((s) => s.start <= offset) ?? file.segments[0];
  if (!segment) return undefined;
  let parsed = reparsed.get(segment);
  if (!parsed) {
    parsed = { docs: parseDocumentText(segment.text), located: new Map() };
    reparsed.set(segment, parsed);
  }
  const { docs } = parsed;
  const doc = docs.find((d) => d.contents?.range && d.contents.range[0] <= offset - segment.start && offset - segment.start <= d.contents.range[2]) ?? docs[0];
  if (!doc || doc.errors.length > 0) return undefined;
  let located = parsed.located.get(doc);
  if (!located) {
    const src: SourceDoc = { text: segment.text, doc, style: detectStyle(segment.text, doc) };
    located = { segment, src, objects: objectsOf(src) };
    parsed.located.set(doc, located);
  }
  return located;
}

function shiftEdits(edits: readonly TextEdit[], by: number): TextEdit[] {
  return edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText }));
}

/** Replaces the mark in the edits with the placeholder text and records where it stands. */
function withPlaceholder(edits: readonly TextEdit[]): { edits: TextEdit[]; placeholder?: SuppressionFix['placeholder'] } {
  let placeholder: SuppressionFix['placeholder'];
  const out = edits.map((e, i) => {
    const at = e.newText.indexOf(MARK);
    if (at < 0) return e;
    placeholder = { edit: i, at, length: REASON_PLACEHOLDER.length };
    return { ...e, newText: e.newText.replace(MARK, REASON_PLACEHOLDER) };
  });
  return placeholder ? { edits: out, placeholder } : { edits: out };
}

/** "Ignore on this line", "… for this object", "… for this container" for one finding. */
export function suppressionFixes(file: LintedFile, finding: Finding): SuppressionFix[] {
  if (finding.ruleId === UNUSED_SUPPRESSION) return [];
  const out: SuppressionFix[] = [];
  const id = finding.ruleId;
  const text = file.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';

  // On this line: append to a directive right above, or insert one with the line's indentation.
  const lineStart = lineStartOf(text, finding.range.start);
  const above = lineStart > 0 ? lineStartOf(text, lineStart - 1) : -1;
  const aboveLine = above >= 0 ? text.slice(above, lineEndOf(text, above)) : '';
  const existing = new RegExp(`^([ \\t]*#[ \\t]*${NEXT_LINE})([^\\n]*?)([ \\t]+--.*)?$`).exec(aboveLine);
  if (existing && above >= 0) {
    const idsText = existing[2] ?? '';
    if (!idsText.split(/[\s,]+/).includes(id)) {
      const at = above + existing[1]!.length + idsText.replace(/\s+$/, '').length;
      const separator = idsText.trim() === '' ? ' ' : ', ';
      out.push({ title: `Ignore \`${id}\` on this line`, edits: [{ start: at, end: at, newText: `${separator}${id}` }], safety: 'safe', preferred: false, scope: 'line' });
    }
  } else {
    const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const line = withPlaceholder([{ start: lineStart, end: lineStart, newText: `${indent}# ${NEXT_LINE} ${id} -- ${MARK}${eol}` }]);
    out.push({ title: `Ignore \`${id}\` on this line`, ...line, safety: 'safe', preferred: false, scope: 'line' });
  }

  const located = locate(file, finding.range.start);
  if (!located) return out;
  const rel = finding.range.start - located.segment.start;
  const object = innermost(located.objects, rel);
  if (!object) return out;
  const objectFix = annotate(located.src, object, IGNORE_ANNOTATION, id);
  if (objectFix) {
    out.push({ title: `Ignore \`${id}\` for this ${object.kind}${object.name ? ` \`${object.name}\`` : ''}`, ...withPlaceholder(shiftEdits(objectFix, located.segment.start)), safety: 'safe', preferred: false, scope: 'object' });
  }
  const container = object.workload?.containers.find((c) => c.node.range && c.node.range[0] <= rel && rel < c.node.range[1]);
  if (container?.name) {
    const containerFix = annotate(located.src, object, `${IGNORE_ANNOTATION}.${container.name}`, id);
    if (containerFix) {
      out.push({ title: `Ignore \`${id}\` for container \`${container.name}\``, ...withPlaceholder(shiftEdits(containerFix, located.segment.start)), safety: 'safe', preferred: false, scope: 'container' });
    }
  }
  return out;
}

function innermost(objects: readonly K8sObject[], offset: number): K8sObject | undefined {
  return objects
    .filter((o) => o.node.range && o.node.range[0] <= offset && offset <= o.node.range[2])
    .sort((a, b) => (a.node.range![2] - a.node.range![0]) - (b.node.range![2] - b.node.range![0]))[0];
}

/**
 * Adds `id` to the annotation `key` of the object's own metadata (a workload's own, not its pod template's, so
 * the suppression does not restart its pods), merging into an existing list, and an ignore-reason placeholder
 * when the object has no reason yet.
 */
function annotate(src: SourceDoc, object: K8sObject, key: string, id: string): TextEdit[] | undefined {
  const annotations = mapAt(src.doc, object.metadata, 'annotations');
  const current = entry(src.doc, annotations, key);
  const currentIds = isScalar(current?.value) && typeof current.value.value === 'string' ? current.value.value.split(/[\s,]+/).filter(Boolean) : [];
  if (currentIds.includes(id)) return undefined;
  const hasReason = !!entry(src.doc, annotations, IGNORE_REASON_ANNOTATION);
  const values: Record<string, string> = { [key]: [...currentIds, id].join(',') };
  if (!hasReason) values[IGNORE_REASON_ANNOTATION] = MARK;
  if (annotations) return setEntries(src, annotations, values);
  return setPath(src, object.node, ['metadata', 'annotations'], values);
}

export interface FixAllResult {
  readonly text: string;
  /** How many fixes were applied (over all passes). */
  readonly applied: number;
  /** Findings of the chosen rules still offering a fix afterwards (overlaps that did not converge). */
  readonly remaining: number;
}

export interface FixAllOptions extends LintOptions {
  /** Only this rule's findings. */
  readonly ruleId?: string;
  /** Only fixes of this safety (`safe` for source.fixAll and `--fix`). */
  readonly safety?: FixSafety;
}

const MAX_PASSES = 10;

/**
 * Applies every fix in a file, as ESLint does: in passes, each pass applying the non-overlapping fixes and
 * re-linting, so fixes that touch the same place (two pod-level securityContext insertions) land one after the
 * other instead of producing a duplicate key.
 */
export function fixAll(text: string, options: FixAllOptions = {}): FixAllResult {
  let current = text;
  let applied = 0;
  const candidates = (t: string) => fileFindings(lintFile(t, undefined, [], options))
    .filter((f) => !f.stale && (options.ruleId === undefined || f.ruleId === options.ruleId))
    .map((f) => f.fixes.find((x) => x.preferred && (!options.safety || x.safety === options.safety)) ?? f.fixes.find((x) => !options.safety || x.safety === options.safety))
    .filter((x): x is Fix => !!x);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = candidates(current);
    const chosen: TextEdit[][] = [];
    const taken: OffsetRange[] = [];
    const seen = new Set<string>();
    for (const fix of fixes) {
      const key = JSON.stringify(fix.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      // Overlapping or touching another chosen fix: leave it for the next pass.
      if (fix.edits.some((e) => taken.some((t) => e.start <= t.end && t.start <= e.end))) continue;
      chosen.push([...fix.edits]);
      taken.push(...fix.edits);
    }
    if (chosen.length === 0) break;
    const edits = chosen.flat().sort((a, b) => b.start - a.start);
    for (const e of edits) current = current.slice(0, e.start) + e.newText + current.slice(e.end);
    applied += chosen.length;
  }
  return { text: current, applied, remaining: candidates(current).length };
}

/** One edit turning `before` into `after`: the span between their common prefix and suffix. */
export function singleEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { start, end: endB, newText: after.slice(start, endA) };
}

/** The rule id written in a suppression (directive or annotation) at `offset`, with its range in the file. */
export function suppressedIdAt(file: LintedFile, offset: number): RuleId | undefined {
  const located = locate(file, offset);
  if (!located) return undefined;
  const rel = offset - located.segment.start;
  const suppressions = [...commentDirectives(located.src), ...located.objects.flatMap((o) => annotationSuppressions(located.src, o))];
  const id = ruleIdAt(suppressions, rel);
  return id && { id: id.id, range: { start: id.range.start + located.segment.start, end: id.range.end + located.segment.start } };
}
