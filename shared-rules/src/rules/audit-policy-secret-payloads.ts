import { isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { auditRules, insertItemBefore, isAuditPolicy, narrows, strings, type AuditRule } from '../k8s/config-files.js';
import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import type { YamlValue } from '../yaml/render.js';
import { entry, items, mapItems, seqAt } from '../yaml/nodes.js';

/** Resources whose requests or responses carry secret values. */
interface Sensitive {
  readonly group: string;
  readonly resource: string;
  readonly namespaced: boolean;
}

const SENSITIVE: readonly Sensitive[] = [
  { group: '', resource: 'secrets', namespaced: true },
  { group: '', resource: 'configmaps', namespaced: true },
  { group: 'authentication.k8s.io', resource: 'tokenreviews', namespaced: false },
];

export default defineRule({
  meta: {
    id: 'audit-policy-secret-payloads',
    title: 'The audit policy should log Secrets, ConfigMaps and TokenReviews at Metadata only',
    severity: 'warning',
    category: 'Configuration files',
    guidance: [
      { section: 'Secrets', page: 17, quote: 'Kubernetes Secrets maintain sensitive information, such as passwords, OAuth tokens, and SSH keys.' },
      { section: 'Logging', page: 23, quote: 'logs should be encrypted during transit with TLS 1.2 or 1.3 to ensure cyber actors cannot access the logs in transit and gain valuable information about the environment' },
    ],
    why: 'At Request and RequestResponse the audit log records request and response bodies: every Secret created or read, ConfigMaps that hold credentials, and the bearer token inside each TokenReview. The log is shipped and kept far longer, and read by more people, than etcd.',
    remediation: 'Before the rule, add a rule logging `secrets`, `configmaps` (group "") and `tokenreviews` (group authentication.k8s.io) at `Metadata`, as the Kubernetes example policies do.',
    fix: { safety: 'review', description: 'Inserts a `level: Metadata` rule for those resources before the rule (or lowers the rule to Metadata when it selects only them).' },
    peers: [],
    examples: {
      failing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: RequestResponse
`,
      passing: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets", "configmaps"]
      - group: authentication.k8s.io
        resources: ["tokenreviews"]
  - level: RequestResponse
`,
    },
  },
  check(object, ctx) {
    if (!isAuditPolicy(object)) return;
    const doc = ctx.src.doc;
    const rules = auditRules(doc, object.node);
    const views = rules.map((r) => view(doc, r));
    views.forEach((l, index) => {
      const rule = l.rule;
      if (rule.level !== 'Request' && rule.level !== 'RequestResponse') return;
      const earlier = views.slice(0, index);
      const exposed = SENSITIVE.filter((s) => canMatch(l, s) && !earlier.some((e) => covers(e, l, s)));
      if (exposed.length === 0) return;
      const names = exposed.map((s) => `\`${s.resource}\``);
      const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
      const bodies = rule.level === 'Request' ? 'request bodies' : 'request and response bodies';
      ctx.report({
        at: rule.levelEntry!.value!,
        message: `This rule logs ${bodies} of ${list} at ${rule.level}: their secret values end up in the audit log.`,
        fixes: [fixFor(l, exposed, list)],
      });
    });

    function fixFor(l: RuleView, exposed: readonly Sensitive[], list: string) {
      const rule = l.rule;
      // A rule that selects nothing but sensitive resources: lower it.
      if (l.resources && l.resources.length > 0 && l.resources.every((gr) =>
        gr.resources.length > 0 && gr.resources.every((res) => SENSITIVE.some((s) => s.group === gr.group && s.resource === res)))) {
        return fix('Log this rule at Metadata', replaceValue(rule.levelEntry!.rawValue!, 'Metadata'), 'review');
      }
      // Otherwise a Metadata rule before it, for the same requests of those resources (only when the rule does
      // not single out objects by name, which the new rule could not copy without logging them differently).
      if (l.resources?.some((gr) => gr.names.length > 0)) return undefined;
      const seq = seqAt(doc, object.node, 'rules');
      if (!seq || !seq.items.includes(rule.node) || l.unreadable.size > 0) return undefined;
      const value: { [key: string]: YamlValue } = { level: 'Metadata' };
      for (const key of ['users', 'userGroups', 'verbs', 'namespaces'] as const) {
        if (l.lists[key]) value[key] = l.lists[key]!;
      }
      const byGroup = new Map<string, string[]>();
      for (const s of exposed) byGroup.set(s.group, [...(byGroup.get(s.group) ?? []), s.resource]);
      value.resources = [...byGroup].map(([group, resources]) => ({ group, resources }));
      return fix(`Log ${list.replace(/`/g, '')} at Metadata before this rule`, insertItemBefore(ctx.src, seq, rule.node, value), 'review');
    }
  },
});

interface GroupResources {
  readonly group: string;
  readonly resources: readonly string[];
  readonly names: readonly string[];
}

interface RuleView {
  readonly rule: AuditRule;
  /** users, userGroups, verbs, namespaces as string lists; undefined when not narrowed. */
  readonly lists: { readonly [key in 'users' | 'userGroups' | 'verbs' | 'namespaces']?: readonly string[] };
  /** Selector lists with non-string items, which the fix cannot copy. */
  readonly unreadable: ReadonlySet<string>;
  /** `resources` when narrowed. */
  readonly resources: readonly GroupResources[] | undefined;
  readonly nonResourceURLs: boolean;
}

function view(doc: Document.Parsed, rule: AuditRule): RuleView {
  const lists: { [key: string]: string[] } = {};
  const unreadable = new Set<string>();
  for (const key of ['users', 'userGroups', 'verbs', 'namespaces']) {
    if (!narrows(doc, rule.node, key)) continue;
    const seq = seqAt(doc, rule.node, key);
    const values = strings(doc, seq).map((s) => s.value);
    if (!seq || values.length !== items(doc, seq).length) unreadable.add(key);
    lists[key] = values;
  }
  let resources: GroupResources[] | undefined;
  if (narrows(doc, rule.node, 'resources')) {
    const seq = seqAt(doc, rule.node, 'resources');
    resources = mapItems(doc, seq).map((gr: YAMLMap) => {
      const group = entry(doc, gr, 'group')?.value;
      return {
        group: isScalar(group) && group.value !== null ? String(group.value) : '',
        resources: strings(doc, seqAt(doc, gr, 'resources')).map((s) => s.value),
        names: strings(doc, seqAt(doc, gr, 'resourceNames')).map((s) => s.value),
      };
    });
    if (!isSeq(entry(doc, rule.node, 'resources')?.value)) resources = [];
  }
  return { rule, lists, unreadable, resources, nonResourceURLs: narrows(doc, rule.node, 'nonResourceURLs') };
}

/** Whether a `resources` item names the resource (`secrets`, `*`, `secrets/*`), as the API server's policy checker does. */
function names(res: string, resource: string): boolean {
  return res === resource || res === '*' || (res.endsWith('/*') && res.replace(/[/*]+$/, '') === resource);
}

/** The rule's namespace list, seen from one resource: undefined when it matches every request of the resource. */
function namespacesFor(l: RuleView, s: Sensitive): readonly string[] | undefined {
  const ns = l.lists.namespaces;
  if (!ns || l.unreadable.has('namespaces')) return undefined;
  // A cluster-scoped resource has namespace "": matched by every list that includes "".
  if (!s.namespaced) return ns.includes('') ? undefined : [];
  return ns.filter((n) => n !== '');
}

/** Can the rule match some request on the resource? (Selectors on users, groups, verbs leave some.) */
function canMatch(l: RuleView, s: Sensitive): boolean {
  if (!l.resources && !l.lists.namespaces) return !l.nonResourceURLs; // nonResourceURLs alone: non-resource requests only
  const ns = namespacesFor(l, s);
  if (ns && ns.length === 0) return false;
  if (!l.resources) return true;
  return l.resources.some((gr) => gr.group === s.group && (gr.resources.length === 0 || gr.resources.some((r) => names(r, s.resource))));
}

/** Does the earlier rule `e` match every request on the resource that `l` matches? */
function covers(e: RuleView, l: RuleView, s: Sensitive): boolean {
  if (!e.resources && !e.lists.namespaces && e.nonResourceURLs) return false;
  if (e.unreadable.size > 0) return false; // a selector we cannot read: claim nothing
  if (e.resources && !e.resources.some((gr) => gr.group === s.group && gr.names.length === 0 && (gr.resources.length === 0 || gr.resources.some((r) => names(r, s.resource))))) return false;
  const eNs = namespacesFor(e, s);
  if (eNs) {
    const lNs = namespacesFor(l, s);
    if (!lNs || !lNs.every((n) => eNs.includes(n))) return false;
  }
  for (const key of ['users', 'userGroups', 'verbs'] as const) {
    const eList = e.lists[key];
    if (!eList) continue;
    const lList = l.lists[key];
    if (!lList || l.unreadable.has(key) || !lList.every((v) => eList.includes(v))) return false;
  }
  return true;
}
