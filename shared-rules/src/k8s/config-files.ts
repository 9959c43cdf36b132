// The configuration files of the control plane that are YAML but not API objects: the API server's
// EncryptionConfiguration and audit Policy, and kubeconfig files (`kind: Config`, also used for audit and
// authorization webhooks). Recognises them by apiVersion and kind and gives the rules of the catalogue's section 6
// a small, total view of their structure.
import { isMap, isScalar, isSeq, type Document, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types.js';
import { blockItems, renderFlow, type YamlValue } from '../yaml/render.js';
import { entry, items, mapItems, seqAt, type Entry } from '../yaml/nodes.js';
import { columnOf, lineEndOf, lineStartOf, type SourceDoc } from '../yaml/source.js';
import type { K8sObject } from './objects.js';

// ---------------------------------------------------------------------------------------------------------------
// Recognising the files

/**
 * `apiserver.config.k8s.io/v1` EncryptionConfiguration (the only version of that group's kind), and the
 * pre-1.13 form `apiVersion: v1` / `kind: EncryptionConfig`, which has the same structure.
 */
export function isEncryptionConfig(o: K8sObject): boolean {
  if (o.kind === 'EncryptionConfiguration') return o.apiVersion?.startsWith('apiserver.config.k8s.io/') ?? false;
  return o.kind === 'EncryptionConfig' && o.apiVersion === 'v1';
}

/** An audit Policy of any version of `audit.k8s.io` (v1, v1beta1, v1alpha1); other `Policy` kinds are not. */
export function isAuditPolicy(o: K8sObject): boolean {
  return o.kind === 'Policy' && (o.apiVersion?.startsWith('audit.k8s.io/') ?? false);
}

/**
 * A kubeconfig (`kind: Config`, `apiVersion: v1` or none): also the format of the API server's audit and
 * authorization webhook configuration files. Group-qualified `Config` kinds (OpenShift operators' `Config`
 * resources) are other objects.
 */
export function isKubeconfig(o: K8sObject): boolean {
  return o.kind === 'Config' && (o.apiVersion === undefined || !o.apiVersion.includes('/'));
}

/** A value substituted before the file is used (`${KEY}`, `$(KEY)`, `{{ .Values.key }}`): nothing is committed. */
export function isSubstituted(value: string): boolean {
  return /\$\{[^}]*\}|\$\([^)]*\)|\{\{[\s\S]*\}\}/.test(value);
}

/** A placeholder left from an example (`<base 64 encoded secret>`, `changeme`, `TODO`, `xxxx`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  return /^<[^<>]*>$/.test(v) ||
    /^(?:change[-_ ]?me|replace[-_ ]?me|todo|tbd|fixme|placeholder|secret|password|key|x+|\*+|\.+)$/i.test(v) ||
    /change[-_ ]?me|replace[-_ ]?(?:me|this|with)|placeholder|your[-_ ]?(?:secret|key|token|password)/i.test(v);
}

/** The string items of a sequence (non-strings skipped). */
export function strings(doc: Document.Parsed, seq: YAMLSeq | undefined): { value: string; node: Scalar }[] {
  return items(doc, seq)
    .filter((n): n is Scalar => isScalar(n) && (typeof n.value === 'string' || typeof n.value === 'number'))
    .map((node) => ({ value: String(node.value), node }));
}

/** A key of a map, or the map itself when it has none: where a finding about a list item points. */
export function anchorOf(map: YAMLMap): Node {
  const first = map.items[0]?.key as Node | undefined;
  return first && first.range ? first : map;
}

// ---------------------------------------------------------------------------------------------------------------
// EncryptionConfiguration

/** Providers that keep their key in this file. */
export const LOCAL_KEY_PROVIDERS: ReadonlySet<string> = new Set(['aescbc', 'aesgcm', 'secretbox']);
/** Providers that encrypt what they write. */
export const ENCRYPTING_PROVIDERS: ReadonlySet<string> = new Set(['aescbc', 'aesgcm', 'secretbox', 'kms']);

export interface Provider {
  /** `aescbc`, `kms`, `identity` … (the item's first key). */
  readonly type: string;
  /** The item of `providers` (a map with one key). */
  readonly item: YAMLMap;
  readonly key: Scalar;
  /** The provider's own settings (`keys`, `name`, `endpoint` …). */
  readonly config: YAMLMap | undefined;
}

export interface ResourceEntry {
  readonly node: YAMLMap;
  /** The entry's `resources` list. */
  readonly resources: YAMLSeq | undefined;
  readonly names: readonly { value: string; node: Scalar }[];
  readonly providersSeq: YAMLSeq | undefined;
  readonly providers: readonly Provider[];
}

export function resourceEntries(doc: Document.Parsed, config: YAMLMap): ResourceEntry[] {
  return mapItems(doc, seqAt(doc, config, 'resources')).map((node) => {
    const resources = seqAt(doc, node, 'resources');
    const providersSeq = seqAt(doc, node, 'providers');
    const providers: Provider[] = [];
    for (const item of mapItems(doc, providersSeq)) {
      const first = item.items[0];
      if (!first || !isScalar(first.key) || typeof first.key.value !== 'string') continue;
      const value = entry(doc, item, first.key.value)?.value;
      providers.push({ type: first.key.value, item, key: first.key, config: isMap(value) ? value : undefined });
    }
    return { node, resources, names: strings(doc, resources), providersSeq, providers };
  });
}

/**
 * Whether a `resources` name covers core-group Secrets: `secrets` itself, `*.` (every resource of the core group)
 * or `*.*` (every resource), the wildcards of Kubernetes 1.27+.
 */
export function coversSecrets(name: string): boolean {
  return name === 'secrets' || name === '*.' || name === '*.*';
}

/** The entry that decides how Secrets are stored (the first one that covers them), and the name that matched. */
export function secretsEntry(entries: readonly ResourceEntry[]): { entry: ResourceEntry; name: string } | undefined {
  for (const e of entries) {
    const hit = e.names.find((n) => coversSecrets(n.value));
    if (hit) return { entry: e, name: hit.value };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Audit Policy

export const AUDIT_LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'] as const;
export type AuditLevel = (typeof AUDIT_LEVELS)[number];

/** The keys that narrow which requests an audit rule matches (an empty list narrows nothing). */
export const AUDIT_SELECTORS = ['users', 'userGroups', 'verbs', 'resources', 'namespaces', 'nonResourceURLs'] as const;

export interface AuditRule {
  readonly node: YAMLMap;
  /** Where a finding about the rule as a whole points: its first key, on the dash's line. */
  readonly anchor: Node;
  readonly levelEntry: Entry | undefined;
  /** The level when it is one of the four (exact spelling), else undefined. */
  readonly level: AuditLevel | undefined;
}

export function auditRules(doc: Document.Parsed, policy: YAMLMap): AuditRule[] {
  return mapItems(doc, seqAt(doc, policy, 'rules')).map((node) => {
    const levelEntry = entry(doc, node, 'level');
    const v = levelEntry?.value;
    const text = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
    const level = AUDIT_LEVELS.find((l) => l === text);
    return { node, anchor: anchorOf(node), levelEntry, level };
  });
}

/** Whether a selector key is set to something that narrows the rule (a non-empty list, or any other value). */
export function narrows(doc: Document.Parsed, rule: YAMLMap, key: string): boolean {
  const v = entry(doc, rule, key)?.value;
  if (!v) return false;
  return isSeq(v) ? items(doc, v).length > 0 : true;
}

export function hasSelector(doc: Document.Parsed, rule: YAMLMap): boolean {
  return AUDIT_SELECTORS.some((key) => narrows(doc, rule, key));
}

// ---------------------------------------------------------------------------------------------------------------
// Edits on sequences that edit.ts does not offer

/** End of the last line a node's text occupies (trailing line breaks of block nodes excluded). */
function endOfLastLine(text: string, node: Node): number {
  let pos = node.range![1];
  while (pos > node.range![0] && (text[pos - 1] === '\n' || text[pos - 1] === '\r')) pos--;
  return lineEndOf(text, Math.max(pos - 1, node.range![0]));
}

/** The start of a block item's dash line, when the item starts on it (`  - identity: {}`). */
function dashLineStart(text: string, item: Node): number | undefined {
  if (!item.range) return undefined;
  const start = lineStartOf(text, item.range[0]);
  return /^ *- +$/.test(text.slice(start, item.range[0])) ? start : undefined;
}

/**
 * Moves the first item of a sequence to its end, as written (comments on its lines go with it). Undefined when
 * the sequence has fewer than two items or a layout we cannot move text in.
 */
export function moveFirstItemLast(src: SourceDoc, seq: YAMLSeq): TextEdit[] | undefined {
  const first = seq.items[0] as Node | undefined;
  const second = seq.items[1] as Node | undefined;
  const last = seq.items[seq.items.length - 1] as Node | undefined;
  if (!first?.range || !second?.range || !last?.range || !seq.range) return undefined;
  const text = src.text;
  if (seq.flow) {
    const moved = text.slice(first.range[0], first.range[1]);
    return [
      { start: first.range[0], end: second.range[0], newText: '' },
      { start: last.range[1], end: last.range[1], newText: `, ${moved}` },
    ];
  }
  const start = dashLineStart(text, first);
  const secondStart = dashLineStart(text, second);
  if (start === undefined || secondStart === undefined) return undefined;
  const end = endOfLastLine(text, first);
  // Only a first item whose lines end right before the second item's dash line (no comment lines between them
  // that could belong to either).
  const eolAfter = text.startsWith('\r\n', end) ? 2 : text[end] === '\n' ? 1 : 0;
  if (eolAfter === 0 || end + eolAfter !== secondStart) return undefined;
  const at = endOfLastLine(text, last);
  return [
    { start, end: end + eolAfter, newText: '' },
    { start: at, end: at, newText: src.style.eol + text.slice(start, end) },
  ];
}

/**
 * Inserts a new item right before `item` (a block item goes above the comment lines that sit right above the
 * item at its dash's column, which describe it), in the sequence's own style.
 */
export function insertItemBefore(src: SourceDoc, seq: YAMLSeq, item: Node, value: YamlValue): TextEdit[] | undefined {
  if (!item.range || !seq.items.includes(item)) return undefined;
  const text = src.text;
  if (seq.flow) return [{ start: item.range[0], end: item.range[0], newText: `${renderFlow(value)}, ` }];
  let start = dashLineStart(text, item);
  if (start === undefined) return undefined;
  const col = columnOf(text, text.indexOf('-', start));
  while (start > 0) {
    const prevStart = lineStartOf(text, start - 1);
    const line = text.slice(prevStart, lineEndOf(text, prevStart));
    const comment = /^( *)#/.exec(line);
    if (!comment || comment[1]!.length !== col) break;
    start = prevStart;
  }
  const lines = blockItems([value], col, src.style);
  return [{ start, end: start, newText: lines.join(src.style.eol) + src.style.eol }];
}
