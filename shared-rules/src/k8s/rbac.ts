// RBAC objects as the RBAC rules judge them: the policy rules of a Role or ClusterRole (each item of `verbs`,
// `resources` and `apiGroups` with its node, so a finding can point at it) and the roleRef and subjects of a
// RoleBinding or ClusterRoleBinding. Matching follows the catalogue's wildcard semantics: `*` in `verbs` is every
// verb, `*` in `resources` every resource including subresources, `pods/*` every pod subresource (and, as the API
// server itself matches, `*/exec` the exec subresource of every resource), `*` in `apiGroups` every group; a rule
// about a core resource applies only when `apiGroups` holds `""` or `*`.
import { isMap, isScalar, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { Document } from 'yaml';
import { entry, items, mapAt, seqAt, stringAt } from '../yaml/nodes.js';
import type { K8sObject } from './objects.js';

/** One string item of a list (`verbs`, `resources` …) and the node it was written as. */
export interface RbacItem {
  readonly value: string;
  readonly node: Node;
}

export interface PolicyRule {
  readonly node: YAMLMap;
  readonly apiGroups: readonly RbacItem[];
  readonly resources: readonly RbacItem[];
  readonly verbs: readonly RbacItem[];
  /** `resourceNames`: when not empty, the rule reaches only the objects it names. */
  readonly resourceNames: readonly RbacItem[];
}

export interface RbacRole {
  readonly kind: 'Role' | 'ClusterRole';
  /** "Role `reader`", "ClusterRole `admin`", for messages. */
  readonly label: string;
  /** The rules (none for an aggregated ClusterRole that only has an `aggregationRule`). */
  readonly rules: readonly PolicyRule[];
}

export interface RbacSubject {
  readonly kind: string | undefined;
  readonly name: string | undefined;
  /** The subject's map (an item of `subjects`). */
  readonly node: YAMLMap;
  /** Where a finding about the subject points: its `name` value, else the subject itself. */
  readonly anchor: Node;
}

export interface RbacBinding {
  readonly kind: 'RoleBinding' | 'ClusterRoleBinding';
  /** "RoleBinding `ops`", for messages. */
  readonly label: string;
  readonly roleRef: { readonly kind: string | undefined; readonly name: string | undefined; readonly nameNode: Node | undefined } | undefined;
  /** The `subjects` sequence, for fixes that remove a subject. */
  readonly subjectsSeq: YAMLSeq | undefined;
  readonly subjects: readonly RbacSubject[];
}

function label(kind: string, name: string | undefined): string {
  return name ? `${kind} \`${name}\`` : `${kind} without a name`;
}

/** The string items of a list; a null item reads as `""`, as the API server decodes it. Other types are skipped. */
function stringItems(doc: Document.Parsed, seq: YAMLSeq | undefined): RbacItem[] {
  const out: RbacItem[] = [];
  for (const node of items(doc, seq)) {
    if (!isScalar(node)) continue;
    if (node.value === null) out.push({ value: '', node });
    else if (typeof node.value === 'string') out.push({ value: node.value, node });
  }
  return out;
}

/** The Role or ClusterRole `object` is, with its rules; undefined for any other kind. */
export function roleOf(doc: Document.Parsed, object: K8sObject): RbacRole | undefined {
  if (object.kind !== 'Role' && object.kind !== 'ClusterRole') return undefined;
  const rules = seqAt(doc, object.node, 'rules');
  return {
    kind: object.kind,
    label: label(object.kind, object.name),
    rules: items(doc, rules).filter((n): n is YAMLMap => isMap(n)).map((node) => ({
      node,
      apiGroups: stringItems(doc, seqAt(doc, node, 'apiGroups')),
      resources: stringItems(doc, seqAt(doc, node, 'resources')),
      verbs: stringItems(doc, seqAt(doc, node, 'verbs')),
      resourceNames: stringItems(doc, seqAt(doc, node, 'resourceNames')),
    })),
  };
}

/** The RoleBinding or ClusterRoleBinding `object` is, with its roleRef and subjects; undefined for other kinds. */
export function bindingOf(doc: Document.Parsed, object: K8sObject): RbacBinding | undefined {
  if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') return undefined;
  const roleRefMap = mapAt(doc, object.node, 'roleRef');
  const subjectsSeq = seqAt(doc, object.node, 'subjects');
  const subjects: RbacSubject[] = [];
  for (const node of items(doc, subjectsSeq)) {
    if (!isMap(node)) continue;
    const nameValue = entry(doc, node, 'name')?.value;
    subjects.push({ kind: stringAt(doc, node, 'kind'), name: stringAt(doc, node, 'name'), node, anchor: nameValue ?? node });
  }
  return {
    kind: object.kind,
    label: label(object.kind, object.name),
    roleRef: roleRefMap
      ? { kind: stringAt(doc, roleRefMap, 'kind'), name: stringAt(doc, roleRefMap, 'name'), nameNode: entry(doc, roleRefMap, 'name')?.value }
      : undefined,
    subjectsSeq,
    subjects,
  };
}

/** Whether the rule's `apiGroups` reach `group` (`""` is the core group). */
export function groupMatches(rule: PolicyRule, group: string): boolean {
  return rule.apiGroups.some((g) => g.value === '*' || g.value === group);
}

/**
 * Whether one `resources` item reaches `resource` (`secrets`, or `pods/exec` for a subresource): `*`, the exact
 * name, `pods/*` for every subresource of pods, or `*\/exec` for the exec subresource of every resource.
 */
export function resourceMatches(item: string, resource: string): boolean {
  if (item === '*' || item === resource) return true;
  const slash = resource.indexOf('/');
  if (slash < 0) return false;
  return item === `${resource.slice(0, slash)}/*` || item === `*/${resource.slice(slash + 1)}`;
}

/** Whether the rule's verbs include `verb` (or `*`). */
export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v.value === '*' || v.value === verb);
}

/** A permission a rule is looked at for: some resources of one API group, with some verbs (any verb if omitted). */
export interface Wanted {
  readonly group: string;
  readonly resources: readonly string[];
  /** The verbs that matter; undefined when every verb does. */
  readonly verbs?: readonly string[];
  /** A cluster-scoped resource (nodes, clusterroles, users …): a namespaced Role cannot grant it. */
  readonly clusterScoped?: boolean;
}

/** What one `resources` item of a rule grants of the wanted permissions. */
export interface Grant {
  readonly item: RbacItem;
  readonly parts: readonly GrantPart[];
}

export interface GrantPart {
  /** The wanted resources this item reaches, in the order they were asked for. */
  readonly resources: readonly string[];
  /** The verbs granted on them; `['*']` when every verb is, for a permission that wants any verb. */
  readonly verbs: readonly string[];
}

/** The verbs of `rule` among `wanted` (all of them when the rule has `*`); for any verb, the rule's own verbs. */
function grantedVerbs(rule: PolicyRule, wanted: readonly string[] | undefined): string[] {
  if (!wanted) {
    if (rule.verbs.some((v) => v.value === '*')) return ['*'];
    return [...new Set(rule.verbs.map((v) => v.value))];
  }
  return wanted.filter((verb) => verbMatches(rule, verb));
}

/**
 * For each `resources` item of `rule` (in order) that grants any of `wanted`: which resources it reaches with
 * which verbs. One entry per item, so a rule reports one finding per offending item.
 */
export function grantsOf(role: RbacRole, rule: PolicyRule, wanted: readonly Wanted[]): Grant[] {
  const out: Grant[] = [];
  for (const item of rule.resources) {
    const parts: GrantPart[] = [];
    for (const w of wanted) {
      if (w.clusterScoped && role.kind === 'Role') continue;
      if (!groupMatches(rule, w.group)) continue;
      const verbs = grantedVerbs(rule, w.verbs);
      if (verbs.length === 0) continue;
      const resources = w.resources.filter((r) => resourceMatches(item.value, r));
      if (resources.length === 0) continue;
      // Merge with an earlier part granting the same verbs (the same resource in two groups, say).
      const same = parts.find((p) => p.verbs.join() === verbs.join());
      if (same) parts[parts.indexOf(same)] = { resources: [...new Set([...same.resources, ...resources])], verbs };
      else parts.push({ resources, verbs });
    }
    if (parts.length > 0) out.push({ item, parts });
  }
  return out;
}

/** "a", "a and b", "a, b and c". */
export function listText(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** "get, list and watch on secrets", "every verb on nodes/proxy", parts joined by "; ". */
export function describeGrant(grant: Grant): string {
  return grant.parts
    .map((p) => `${p.verbs.includes('*') ? 'every verb' : listText(p.verbs)} on ${listText(p.resources)}`)
    .join('; ');
}

/** The resources of `wanted` that some `resources` item of `rule` reaches in its group, whatever the verbs. */
export function reachedResources(role: RbacRole, rule: PolicyRule, wanted: Wanted): string[] {
  if (wanted.clusterScoped && role.kind === 'Role') return [];
  if (!groupMatches(rule, wanted.group)) return [];
  return wanted.resources.filter((r) => rule.resources.some((item) => resourceMatches(item.value, r)));
}
