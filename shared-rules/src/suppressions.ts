// Suppressions: comment directives and annotations that silence findings, honoured by the editor and the CLI
// alike because they are applied here, in the engine. A directive or annotation that names an unknown rule or
// suppresses nothing is itself reported (rule `unused-suppression`), with a fix that removes it.
import { isScalar, visit, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { PeerTool } from './config.js';
import type { K8sObject } from './k8s/objects.js';
import { RULES } from './rules/index.js';
import type { Finding, Fix, OffsetRange, TextEdit } from './types.js';
import { removeEntry, replaceValue } from './yaml/edit.js';
import { entry, mapAt } from './yaml/nodes.js';
import { lineEndOf, type SourceDoc } from './yaml/source.js';

export const UNUSED_SUPPRESSION = 'unused-suppression';
export const NEXT_LINE = 'kube-hardening-disable-next-line';
export const WHOLE_DOCUMENT = 'kube-hardening-disable';
export const IGNORE_ANNOTATION = 'kube-hardening.io/ignore';
export const IGNORE_REASON_ANNOTATION = 'kube-hardening.io/ignore-reason';

/** `# kube-hardening-disable[-next-line] id, id -- reason`; the ids list may be empty (then: every rule). */
const DIRECTIVE = /^([ \t]*)#[ \t]*(kube-hardening-disable-next-line|kube-hardening-disable)(?=[\s]|$)(.*)$/;

export interface RuleId {
  readonly id: string;
  /** Where the id is written (for reports and for removing it). */
  readonly range: OffsetRange;
}

export interface Suppression {
  readonly kind: 'next-line' | 'document' | 'object' | 'container';
  /** Another tool's annotation honoured as ours: never reported as unused (it is that tool's). */
  readonly peer?: boolean;
  /** Findings whose start lies in here are suppressed (when their rule is listed). */
  readonly scope: OffsetRange;
  /** Empty: every rule. */
  readonly ids: readonly RuleId[];
  /** The directive line or the annotation entry, for reports. */
  readonly at: OffsetRange;
  /** Removes the whole suppression. */
  readonly removeAll: TextEdit[] | undefined;
  /** Removes one id from the list, keeping the others. */
  removeId(id: RuleId): TextEdit[] | undefined;
}

/** Parses the ids part of a directive or annotation: `a, b c` → ids with their offsets (relative to `base`). */
function parseIds(text: string, base: number): RuleId[] {
  const ids: RuleId[] = [];
  const re = /[^\s,]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) ids.push({ id: m[0], range: { start: base + m.index, end: base + m.index + m[0].length } });
  return ids;
}

/** Removes `id` from a comma/space separated list written at [listStart, listEnd) of `text`. */
function removeFromList(ids: readonly RuleId[], id: RuleId): TextEdit[] {
  const i = ids.indexOf(id);
  const prev = ids[i - 1];
  const next = ids[i + 1];
  // Take the separator before it (or after it when it is the first).
  if (prev) return [{ start: prev.range.end, end: id.range.end, newText: '' }];
  if (next) return [{ start: id.range.start, end: next.range.start, newText: '' }];
  return [{ start: id.range.start, end: id.range.end, newText: '' }];
}

/** Offsets of the block and quoted scalars of a document: a `#` line inside one is content, not a comment. */
function scalarRanges(doc: Document.Parsed): OffsetRange[] {
  const out: OffsetRange[] = [];
  visit(doc, {
    Scalar(_, node) {
      if (node.range && node.type !== 'PLAIN') out.push({ start: node.range[0], end: node.range[1] });
    },
  });
  return out;
}

/** The comment directives of one YAML document's text. */
export function commentDirectives(src: SourceDoc): Suppression[] {
  const text = src.text;
  if (!text.includes('kube-hardening-disable')) return [];
  const out: Suppression[] = [];
  let inScalars: OffsetRange[] | undefined;
  // The document's leading lines: comments, blanks, `---`, `%` directives; a document directive must be there.
  let leading = true;
  for (let lineStart = 0; lineStart < text.length;) {
    const lineEnd = lineEndOf(text, lineStart);
    const line = text.slice(lineStart, lineEnd);
    const next = text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart) + 1;
    const trimmed = line.trim();
    const isCommentOrBlank = trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%') || /^---\s*(#.*)?$/.test(trimmed);
    const m = DIRECTIVE.exec(line);
    if (m) {
      inScalars ??= scalarRanges(src.doc);
      if (!inScalars.some((r) => lineStart > r.start && lineStart < r.end)) {
        const kind = m[2] === NEXT_LINE ? 'next-line' : 'document';
        const rest = m[3]!;
        const reasonAt = rest.indexOf('--');
        const idsText = reasonAt >= 0 ? rest.slice(0, reasonAt) : rest;
        const idsBase = lineStart + m[1]!.length + (line.length - m[1]!.length - rest.length);
        const ids = parseIds(idsText, idsBase);
        const removeLine: TextEdit[] = [{ start: lineStart, end: next, newText: '' }];
        const scope = kind === 'next-line'
          ? nextContentLine(text, next)
          : leading ? { start: 0, end: text.length } : { start: 0, end: 0 };
        out.push({
          kind, scope, ids, at: { start: lineStart + m[1]!.length, end: lineEnd },
          removeAll: removeLine,
          removeId: (id) => (ids.length <= 1 ? removeLine : removeFromList(ids, id)),
        });
      }
    }
    if (!isCommentOrBlank) leading = false;
    if (next <= lineStart) break;
    lineStart = next;
  }
  return out;
}

/** The next line that is not blank and not a comment: what a `disable-next-line` directive applies to. */
function nextContentLine(text: string, from: number): OffsetRange {
  for (let lineStart = from; lineStart < text.length;) {
    const lineEnd = lineEndOf(text, lineStart);
    const trimmed = text.slice(lineStart, lineEnd).trim();
    if (trimmed !== '' && !trimmed.startsWith('#')) return { start: lineStart, end: lineEnd };
    const nl = text.indexOf('\n', lineStart);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return { start: text.length, end: text.length };
}

/** Our rule ids that a peer tool's check id stands for, from the rules' `peers` lists ("kubescape C-0013"). */
function rulesForPeer(prefix: string, check: string): string[] {
  const name = `${prefix} ${check}`.toLowerCase();
  return RULES.filter((r) => r.meta.peers.some((p) => p.toLowerCase() === name || p.toLowerCase().startsWith(`${name}/`))).map((r) => r.meta.id);
}

/**
 * Suppressions written for other tools, honoured when the project opts in: `kubescape.io/skip-controls: "C-0013"`,
 * `ignore-check.kube-linter.io/<check>`, `polaris.fairwinds.com/<check>-exempt: "true"`, `checkov.io/skip1: CKV_K8S_20=…`.
 */
function peerSuppressions(annotations: YAMLMap, tools: readonly PeerTool[], scope: OffsetRange): Suppression[] {
  const out: Suppression[] = [];
  for (const pair of annotations.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    const value = String(pair.value.value ?? '');
    let ids: string[] = [];
    if (tools.includes('kubescape') && key === 'kubescape.io/skip-controls') ids = value.split(/[\s,]+/).filter(Boolean).flatMap((c) => rulesForPeer('kubescape', c));
    else if (tools.includes('kube-linter') && key.startsWith('ignore-check.kube-linter.io/')) ids = rulesForPeer('kube-linter', key.slice('ignore-check.kube-linter.io/'.length));
    else if (tools.includes('polaris') && /^polaris\.fairwinds\.com\/.+-exempt$/.test(key) && value === 'true') ids = rulesForPeer('Polaris', key.slice('polaris.fairwinds.com/'.length, -'-exempt'.length));
    else if (tools.includes('checkov') && /^checkov\.io\/skip\d*$/.test(key)) ids = rulesForPeer('Checkov', value.split('=')[0]!.trim());
    if (ids.length === 0) continue;
    const at = { start: (pair.key as Node).range![0], end: (pair.value as Node).range![1] };
    out.push({ kind: 'object', peer: true, scope, ids: ids.map((id) => ({ id, range: at })), at, removeAll: undefined, removeId: () => undefined });
  }
  return out;
}

/** The ignore annotations of an object (its own and its pod template's) and of its containers. */
export function annotationSuppressions(src: SourceDoc, object: K8sObject, peers: readonly PeerTool[] = []): Suppression[] {
  const out: Suppression[] = [];
  const objectRange = object.node.range ? { start: object.node.range[0], end: object.node.range[1] } : undefined;
  if (!objectRange) return out;
  const sources = [mapAt(src.doc, object.metadata, 'annotations'), object.workload?.podAnnotations].filter((a): a is YAMLMap => !!a);
  for (const annotations of new Set(sources)) {
    const add = (key: string, kind: Suppression['kind'], scope: OffsetRange) => {
      const found = entry(src.doc, annotations, key);
      if (!found || !isScalar(found.value) || typeof found.value.value !== 'string' || !found.value.range) return;
      const value = found.value as Scalar<string>;
      const quoteOffset = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
      // Ids are located in the source text when the scalar is written on one line as-is; otherwise at the value.
      const raw = src.text.slice(value.range![0] + quoteOffset, value.range![1] - quoteOffset);
      const located = raw === value.value;
      const ids = located ? parseIds(value.value, value.range![0] + quoteOffset)
        : parseIds(value.value, 0).map((id) => ({ id: id.id, range: { start: value.range![0], end: value.range![1] } }));
      const keyNode = found.key as Node;
      out.push({
        kind, scope, ids,
        at: { start: keyNode.range![0], end: value.range![1] },
        removeAll: removeEntry(src, annotations, found.pair),
        removeId: (id) => {
          if (ids.length <= 1) return removeEntry(src, annotations, found.pair);
          if (located) return removeFromList(ids, id);
          return replaceValue(value, ids.filter((x) => x !== id).map((x) => x.id).join(','));
        },
      });
    };
    add(IGNORE_ANNOTATION, 'object', objectRange);
    if (peers.length > 0) out.push(...peerSuppressions(annotations, peers, objectRange));
    for (const c of object.workload?.containers ?? []) {
      if (c.name && c.node.range) add(`${IGNORE_ANNOTATION}.${c.name}`, 'container', { start: c.node.range[0], end: c.node.range[1] });
    }
  }
  return out;
}

export interface SuppressionResult {
  readonly kept: Finding[];
  /** Findings about directives and annotations that name an unknown rule or suppress nothing. */
  readonly unused: Finding[];
}

/**
 * Drops the findings a suppression covers and reports the suppressions that did nothing. `ranIds`: the rules
 * whose findings were computed (a suppression for a rule that did not run is not judged); `knownIds`: every rule.
 */
export function applySuppressions(
  findings: readonly Finding[], suppressions: readonly Suppression[], ranIds: ReadonlySet<string>, knownIds: ReadonlySet<string>,
  reportUnused: boolean,
): SuppressionResult {
  if (suppressions.length === 0) return { kept: [...findings], unused: [] };
  const used = new Set<RuleId | Suppression>();
  const kept = findings.filter((f) => {
    let suppressed = false;
    for (const s of suppressions) {
      if (f.range.start < s.scope.start || f.range.start >= Math.max(s.scope.end, s.scope.start + 1)) continue;
      if (s.ids.length === 0) {
        used.add(s);
        suppressed = true;
      }
      for (const id of s.ids) {
        if (id.id === f.ruleId) {
          used.add(id);
          suppressed = true;
        }
      }
    }
    return !suppressed;
  });
  const unused: Finding[] = [];
  if (!reportUnused) return { kept, unused };
  for (const s of suppressions) {
    if (s.peer) continue;
    const what = s.kind === 'next-line' || s.kind === 'document' ? 'This directive' : 'This annotation';
    if (s.kind === 'document' && s.scope.end === 0) {
      unused.push(unusedFinding(s.at, `${what} only works among the comments at the top of a YAML document; use ${NEXT_LINE} here.`, removal(s.removeAll)));
      continue;
    }
    if (s.ids.length === 0) {
      if (!used.has(s)) unused.push(unusedFinding(s.at, `${what} suppresses nothing.`, removal(s.removeAll)));
      continue;
    }
    for (const id of s.ids) {
      if (!knownIds.has(id.id)) {
        unused.push(unusedFinding(id.range, `Unknown rule id \`${id.id}\` in a suppression.`, removal(s.removeId(id), s.ids.length > 1 ? id.id : undefined)));
      } else if (ranIds.has(id.id) && !used.has(id)) {
        unused.push(unusedFinding(id.range, `${what} suppresses nothing: no \`${id.id}\` finding here.`, removal(s.removeId(id), s.ids.length > 1 ? id.id : undefined)));
      }
    }
  }
  return { kept, unused };
}

function removal(edits: TextEdit[] | undefined, id?: string): Fix | undefined {
  return edits ? { title: id ? `Remove \`${id}\` from the suppression` : 'Remove the suppression', edits, safety: 'safe', preferred: true } : undefined;
}

function unusedFinding(range: OffsetRange, message: string, fix: Fix | undefined): Finding {
  return { ruleId: UNUSED_SUPPRESSION, severity: 'information', message, range, fixes: fix ? [fix] : [] };
}

/** For hovers: the rule id written at `offset` inside a suppression of this document, if any. */
export function ruleIdAt(suppressions: readonly Suppression[], offset: number): RuleId | undefined {
  for (const s of suppressions) for (const id of s.ids) if (offset >= id.range.start && offset <= id.range.end) return id;
  return undefined;
}

