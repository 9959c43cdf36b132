// Runs every rule on one YAML document. A rule that throws becomes an internal error and the other rules'
// findings still appear; nothing here throws, whatever the input.
import { isNode, visit, type Document } from 'yaml';
import type { EngineConfig } from './config.js';
import { hasTemplateActions, maskTemplates, TEMPLATE_MARK, type Masked } from './helm.js';
import { objectsOf, type K8sObject } from './k8s/objects.js';
import type { Report, Rule, RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { annotationSuppressions, applySuppressions, commentDirectives, UNUSED_SUPPRESSION } from './suppressions.js';
import type { Finding, Fix, InternalError, OffsetRange, TextEdit } from './types.js';
import { CROSS_RULE_IDS, type SuppressionScope } from './workspace/cross.js';
import { factOf, type Fact } from './workspace/facts.js';
import { rangeOf } from './yaml/nodes.js';
import { parseYamlDocuments } from './yaml/parse.js';
import type { Style } from './yaml/render.js';
import { detectStyle, type SourceDoc } from './yaml/source.js';

export interface DocumentResult {
  /** Findings with offsets relative to the document's own text. */
  readonly findings: readonly Finding[];
  /** What the cross-document rules need to know about this document (offsets relative to its text). */
  readonly facts: readonly Fact[];
  /** Its suppressions as data, for the findings the workspace pass adds. */
  readonly suppressions: readonly SuppressionScope[];
  /** True when the document does not parse as YAML: its findings could not be computed. */
  readonly broken: boolean;
  /** True when the document holds Helm template actions: it was checked only where its YAML is literal. */
  readonly templated?: boolean;
  readonly internalErrors: readonly InternalError[];
}

/** Parse options: no pretty errors (we never show YAML syntax errors), and a cap on alias expansion. */
const PARSE_OPTIONS = { prettyErrors: false, keepSourceTokens: false, maxAliasCount: 100 } as const;

/** Parses one document's text (depth-guarded, with a linear duplicate-key check: yaml/parse.ts). */
export function parseDocumentText(text: string): Document.Parsed[] {
  return parseYamlDocuments(text, PARSE_OPTIONS);
}

/** Lints the text of one YAML document (the text between two `---` lines; it may hold a `...`-separated stream). */
export function lintDocumentText(text: string, rules: readonly Rule[] = RULES, config: EngineConfig = {}): DocumentResult {
  const findings: Finding[] = [];
  const internalErrors: InternalError[] = [];
  let docs: Document.Parsed[];
  const masked = hasTemplateActions(text) ? maskTemplates(text) : undefined;
  const source = masked?.text ?? text;
  try {
    docs = parseDocumentText(source);
  } catch (e) {
    return { findings, facts: [], suppressions: [], broken: true, internalErrors: [{ message: `YAML parser failed: ${errorText(e)}` }] };
  }
  if (!Array.isArray(docs)) return { findings, facts: [], suppressions: [], broken: false, internalErrors };
  if (docs.some((d) => d.errors.length > 0)) return { findings, facts: [], suppressions: [], broken: true, internalErrors };
  const facts: Fact[] = [];
  const scopes: SuppressionScope[] = [];
  // Suppressions of cross-document rules are judged by the workspace pass, which computes their findings.
  const ranIds = new Set(rules.map((r) => r.meta.id).filter((id) => !CROSS.has(id)));
  const reportUnused = ranIds.has(UNUSED_SUPPRESSION);
  for (const doc of docs) {
    // The style is read only by fixes that insert text: detected on first use (a workspace scan drops the fixes).
    let style: Style | undefined;
    const src: SourceDoc = {
      text: source,
      doc,
      get style(): Style {
        return (style ??= detectStyle(source, doc));
      },
    };
    let objects;
    try {
      objects = objectsOf(src);
    } catch (e) {
      internalErrors.push({ message: `object model failed: ${errorText(e)}` });
      continue;
    }
    let docFindings: Finding[] = [];
    const keyNodes = keysOf(doc);
    for (const object of objects) {
      try {
        const fact = factOf(doc, object, config.defaultNamespace);
        // A templated namespace, name or label is unknown: such facts would only mislead the workspace pass.
        if (fact && !(masked && JSON.stringify(fact).includes(TEMPLATE_MARK))) facts.push(fact);
      } catch (e) {
        internalErrors.push({ message: `facts failed: ${errorText(e)}` });
      }
      for (const rule of rules) {
        try {
          rule.check(object, contextFor(src, rule, docFindings, config, keyNodes));
        } catch (e) {
          internalErrors.push({ ruleId: rule.meta.id, message: errorText(e) });
        }
      }
    }
    if (masked) docFindings = literalOnly(docFindings, masked, objects);
    try {
      const suppressions = [...commentDirectives(src), ...objects.flatMap((o) => annotationSuppressions(src, o, config.peerSuppressions))];
      const { kept, unused } = applySuppressions(docFindings, suppressions, ranIds, KNOWN_IDS, reportUnused);
      findings.push(...kept, ...unused);
      for (const s of suppressions) scopes.push({ start: s.scope.start, end: s.scope.end, ids: s.ids.map((i) => i.id) });
    } catch (e) {
      internalErrors.push({ message: `suppressions failed: ${errorText(e)}` });
      findings.push(...docFindings);
    }
  }
  findings.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
  // Braces inside block scalars only (alert templates in a ConfigMap) do not make a Helm template.
  const templated = !!masked && (masked.holes.length > 0 || masked.spans.some((span) => !docs.some((d) => insideBlockScalar(d, span))));
  return { findings, facts, suppressions: scopes, broken: false, internalErrors, ...(templated ? { templated: true } : {}) };
}

function insideBlockScalar(doc: Document.Parsed, span: OffsetRange): boolean {
  let inside = false;
  visit(doc, {
    Scalar(_, node) {
      if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range && node.range[0] <= span.start && span.end <= node.range[1]) {
        inside = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return inside;
}

/** Key nodes of a document, computed on first use: a finding at a key is about something missing. */
function keysOf(doc: Document.Parsed): () => ReadonlySet<unknown> {
  let keys: Set<unknown> | undefined;
  return () => {
    if (!keys) {
      const found = new Set<unknown>();
      visit(doc, {
        Pair(_, pair) {
          found.add(pair.key);
        },
      });
      keys = found;
    }
    return keys;
  };
}

/**
 * In a Helm template: findings on a templated value are guesses, and "missing" findings in an object with a
 * template hole (a `toYaml` block may well supply what is missing) are unknowable. Only the rest remains.
 */
function literalOnly(findings: readonly Finding[], masked: Masked, objects: readonly K8sObject[]): Finding[] {
  const overlaps = (a: OffsetRange, b: OffsetRange) => a.start < b.end && b.start < a.end;
  return findings.filter((f) => {
    if (masked.spans.some((s) => overlaps(s, f.range) || (f.range.start === f.range.end && s.start <= f.range.start && f.range.start <= s.end))) return false;
    if (!f.missing) return true;
    const owner = objects.filter((o) => o.node.range && o.node.range[0] <= f.range.start && f.range.start <= o.node.range[2])
      .sort((a, b) => (a.node.range![2] - a.node.range![0]) - (b.node.range![2] - b.node.range![0]))[0];
    const range = owner?.node.range ? { start: owner.node.range[0], end: owner.node.range[2] } : { start: 0, end: Number.MAX_SAFE_INTEGER };
    return !masked.holes.some((h) => overlaps(h, range));
  });
}

const KNOWN_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.meta.id));
const CROSS: ReadonlySet<string> = new Set(CROSS_RULE_IDS);

function contextFor(src: SourceDoc, rule: Rule, into: Finding[], config: EngineConfig, keys: () => ReadonlySet<unknown>): RuleContext {
  return {
    src,
    config,
    report(r: Report) {
      const range = isNode(r.at) ? rangeOf(r.at) : { start: r.at.start, end: r.at.end };
      if (!range) return;
      const missing = r.missing ?? (isNode(r.at) && keys().has(r.at));
      into.push({
        ...(missing ? { missing: true } : {}),
        ruleId: rule.meta.id,
        severity: r.severity ?? rule.meta.severity,
        message: r.message,
        range,
        fixes: (r.fixes ?? []).filter((f): f is Fix => !!f).map((f) => ({ ...f, edits: mergeInsertions(f.edits) })),
      });
    },
  };
}

/**
 * Several insertions at one offset (a securityContext and a volumeMounts item after a container's last line)
 * become one edit. The deepest-indented insertion goes first: it continues the most nested structure there (the
 * volumeMounts list), which a shallower insertion placed before it would cut off.
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  // Depth of the first inserted line; a sequence item counts a half step deeper than a key at its column, because
  // with flush sequences (`key:\n- item`) the item continues the list above while the key would end it.
  // Text that continues the current line (a value after `memory:`) goes before anything that starts a new one.
  const depth = (e: TextEdit) => {
    if (!/^\r?\n/.test(e.newText)) return Number.POSITIVE_INFINITY;
    const m = /^(?:\r?\n)*([ ]*)(- )?/.exec(e.newText)!;
    return m[1]!.length + (m[2] ? 0.5 : 0);
  };
  const sorted = edits.map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (isInsertion(a.e) && isInsertion(b.e) ? depth(b.e) - depth(a.e) : 0) || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && isInsertion(prev) && isInsertion(e) && prev.start === e.start) {
      out[out.length - 1] = { start: prev.start, end: prev.end, newText: prev.newText + e.newText };
    } else {
      out.push(e);
    }
  }
  return out;
}

function isInsertion(e: TextEdit): boolean {
  return e.start === e.end;
}

function errorText(e: unknown): string {
  return e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack}` : ''}` : String(e);
}
