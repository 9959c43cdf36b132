// The workspace pass: judges a file's documents against the facts of every file in the workspace (the same file
// included). It needs no syntax tree, only facts, so when a NetworkPolicy, ServiceAccount or LimitRange changes,
// the documents that depend on it are re-judged without being re-parsed.
import type { Finding, Fix, OffsetRange, Severity } from '../types.js';
import { isEmptySelector, selects, type Fact, type NamespaceFact, type ProviderFact, type WorkloadFact } from './facts.js';

/** A suppression as data: findings of `ids` (all rules when empty) starting in [start, end) are silenced. */
export interface SuppressionScope extends OffsetRange {
  readonly ids: readonly string[];
}

/** What the workspace needs to know about one file. Offsets are into that file's text. */
export interface FileFacts {
  /** The caller's id for the file (a URI in the server, a path in the CLI). */
  readonly file: string;
  readonly facts: readonly Fact[];
  readonly suppressions: readonly SuppressionScope[];
  /** For appending a document: the text length, its line ending and whether it ends with one. */
  readonly length: number;
  readonly eol: '\n' | '\r\n';
  readonly finalNewline: boolean;
}

interface Located<F extends Fact> {
  readonly file: string;
  readonly fact: F;
}

interface NamespaceEntry {
  readonly declared: Located<NamespaceFact>[];
  readonly workloads: Located<WorkloadFact>[];
  readonly providers: Located<ProviderFact>[];
  /** The files that hold workloads of the namespace. */
  readonly workloadFiles: ReadonlySet<string>;
}

export interface WorkspaceView {
  readonly files: ReadonlyMap<string, FileFacts>;
  namespace(name: string): NamespaceEntry;
}

const EMPTY: NamespaceEntry = { declared: [], workloads: [], providers: [], workloadFiles: new Set() };

export function buildView(files: Iterable<FileFacts>): WorkspaceView {
  const byFile = new Map<string, FileFacts>();
  const byNamespace = new Map<string, { declared: Located<NamespaceFact>[]; workloads: Located<WorkloadFact>[]; providers: Located<ProviderFact>[]; workloadFiles: Set<string> }>();
  const sorted = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const f of sorted) {
    byFile.set(f.file, f);
    for (const fact of f.facts) {
      let e = byNamespace.get(fact.namespace);
      if (!e) byNamespace.set(fact.namespace, (e = { declared: [], workloads: [], providers: [], workloadFiles: new Set() }));
      if (fact.type === 'workload') {
        e.workloads.push({ file: f.file, fact });
        e.workloadFiles.add(f.file);
      }
      else {
        e.providers.push({ file: f.file, fact });
        if (fact.type === 'namespace') e.declared.push({ file: f.file, fact });
      }
    }
  }
  return { files: byFile, namespace: (name) => byNamespace.get(name) ?? EMPTY };
}

/** Namespaces the cluster manages itself: their network and resource policies are not the workload owner's. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export const CROSS_RULE_IDS = ['default-deny-network-policy', 'pod-network-isolated', 'namespace-limit-range', 'namespace-resource-quota'] as const;

// The view may hold an older version of the file being judged (the server rebuilds it only when a namespace's
// facts change, not when an edit merely moves them): everything located in the file itself (anchors, its length)
// is taken from `file`, the current version, never from the view.

/** This file's own facts of a type in a namespace, from its current version. */
function own<T extends Fact['type']>(file: FileFacts, type: T, namespace: string): Extract<Fact, { type: T }>[] {
  let byKey = ownFacts.get(file);
  if (!byKey) {
    // Grouped once per version of a file: the pass asks for several types in each of its namespaces.
    byKey = new Map();
    for (const f of file.facts) {
      const key = `${f.type}\u0000${f.namespace}`;
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
    ownFacts.set(file, byKey);
  }
  return (byKey.get(`${type}\u0000${namespace}`) ?? []) as Extract<Fact, { type: T }>[];
}
const ownFacts = new WeakMap<FileFacts, Map<string, Fact[]>>();

/**
 * A namespace-level finding appears once: on the Namespace document when the workspace has one, otherwise on the
 * first workload of that namespace in each file.
 */
function namespaceAnchors(file: FileFacts, view: WorkspaceView, namespace: string): OffsetRange[] {
  const here = own(file, 'namespace', namespace).map((d) => d.at);
  if (here.length > 0) return here.slice(0, 1);
  if (view.namespace(namespace).declared.some((d) => d.file !== file.file)) return [];
  const first = own(file, 'workload', namespace)[0];
  return first ? [first.at] : [];
}

/** The file a new namespace-level document goes to: the Namespace's file when there is one, else this one. */
function targetFile(file: FileFacts, view: WorkspaceView, namespace: string): FileFacts {
  if (own(file, 'namespace', namespace).length > 0) return file;
  const declared = view.namespace(namespace).declared.find((d) => d.file !== file.file);
  return (declared && view.files.get(declared.file)) || file;
}

function appendFix(title: string, file: FileFacts, target: FileFacts, lines: string[]): Fix {
  const eol = target.eol;
  const text = `${target.finalNewline || target.length === 0 ? '' : eol}---${eol}${lines.join(eol)}${eol}`;
  if (target.file === file.file) return { title, edits: [{ start: target.length, end: target.length, newText: text }], safety: 'review', preferred: true };
  return { title, edits: [], append: { file: target.file, text }, safety: 'review', preferred: true };
}

function defaultDeny(namespace: string): string[] {
  return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', 'metadata:', '  name: default-deny-all', `  namespace: ${namespace}`,
    'spec:', '  podSelector: {}', '  policyTypes:', '    - Ingress', '    - Egress'];
}

function limitRange(namespace: string): string[] {
  return ['apiVersion: v1', 'kind: LimitRange', 'metadata:', '  name: container-defaults', `  namespace: ${namespace}`, 'spec:', '  limits:',
    '    - type: Container', '      default:', '        cpu: 500m # TODO: size', '        memory: 256Mi # TODO: size',
    '      defaultRequest:', '        cpu: 100m # TODO: size', '        memory: 128Mi # TODO: size'];
}

function resourceQuota(namespace: string): string[] {
  return ['apiVersion: v1', 'kind: ResourceQuota', 'metadata:', '  name: compute', `  namespace: ${namespace}`, 'spec:', '  hard:',
    '    requests.cpu: "4" # TODO: size', '    requests.memory: 8Gi # TODO: size', '    limits.cpu: "8" # TODO: size', '    limits.memory: 16Gi # TODO: size'];
}

function finding(ruleId: string, severity: Severity, message: string, range: OffsetRange, fixes: Fix[]): Finding {
  return { ruleId, severity, message, range, fixes };
}

interface Derived {
  readonly policies: readonly Extract<ProviderFact, { type: 'networkPolicy' }>[];
  /** Some policy with an empty pod selector denies ingress, and some denies egress. */
  readonly denied: boolean;
  readonly limitDefaults: boolean;
  readonly computeQuota: boolean;
  /** Which directions no policy covers, per pod label set (JSON): every keystroke asks again for each workload. */
  readonly gaps: Map<string, readonly string[]>;
}
const derivedOf = new WeakMap<NamespaceEntry, Derived>();

/** What the pass needs of a namespace's providers, computed once per view (every file of the namespace asks). */
function derived(entry: NamespaceEntry): Derived {
  let d = derivedOf.get(entry);
  if (!d) {
    const policies = entry.providers.flatMap((p) => (p.fact.type === 'networkPolicy' ? [p.fact] : []));
    const denies = policies.filter((p) => isEmptySelector(p.podSelector));
    d = {
      policies,
      denied: denies.some((p) => p.ingress) && denies.some((p) => p.egress),
      limitDefaults: entry.providers.some((p) => p.fact.type === 'limitRange' && p.fact.containerDefaults),
      computeQuota: entry.providers.some((p) => p.fact.type === 'resourceQuota' && p.fact.boundsCompute),
      gaps: new Map(),
    };
    derivedOf.set(entry, d);
  }
  return d;
}

/** The directions (ingress, egress) in which no NetworkPolicy of the namespace selects pods with these labels. */
function isolationGaps(d: Derived, labels: WorkloadFact['labels']): readonly string[] {
  const key = JSON.stringify(labels);
  let gaps = d.gaps.get(key);
  if (!gaps) {
    const selecting = d.policies.filter((p) => selects(p.podSelector, labels));
    gaps = [selecting.some((p) => p.ingress) ? '' : 'ingress', selecting.some((p) => p.egress) ? '' : 'egress'].filter(Boolean);
    d.gaps.set(key, gaps);
  }
  return gaps;
}

/** Findings of the cross-document rules for one file. */
function crossFindings(file: FileFacts, view: WorkspaceView, ran: ReadonlySet<string>): Finding[] {
  const out: Finding[] = [];
  const namespaces = new Set(file.facts.filter((f) => f.type === 'workload' || f.type === 'namespace').map((f) => f.namespace));
  for (const ns of namespaces) {
    if (SYSTEM_NAMESPACES.has(ns)) continue;
    const entry = view.namespace(ns);
    const { policies, denied, limitDefaults, computeQuota } = derived(entry);
    const hasWorkloads = entry.workloadFiles.size > (entry.workloadFiles.has(file.file) ? 1 : 0) || own(file, 'workload', ns).length > 0;
    const denyFix = () => appendFix(`Add a default-deny NetworkPolicy for namespace \`${ns}\``, file, targetFile(file, view, ns), defaultDeny(ns));

    if (ran.has('default-deny-network-policy')) {
      if (!denied) {
        const none = policies.length === 0;
        for (const at of namespaceAnchors(file, view, ns)) {
          out.push(finding('default-deny-network-policy', none ? 'information' : 'warning', none
            ? `No NetworkPolicy in namespace \`${ns}\` was found in this workspace: without a default-deny policy every pod there accepts and opens any connection.`
            : `Namespace \`${ns}\` has no default-deny NetworkPolicy (podSelector: {} with policyTypes Ingress and Egress).`, at, [denyFix()]));
        }
      }
    }
    if (ran.has('pod-network-isolated')) {
      for (const w of own(file, 'workload', ns).map((fact) => ({ fact }))) {
        const missing = isolationGaps(derived(entry), w.fact.labels);
        if (missing.length === 0) continue;
        const what = `${w.fact.kind}${w.fact.name ? ` \`${w.fact.name}\`` : ''}`;
        out.push(finding('pod-network-isolated', policies.length === 0 ? 'information' : 'warning', policies.length === 0
          ? `The pods of ${what} are not isolated: no NetworkPolicy in namespace \`${ns}\` was found in this workspace.`
          : `No NetworkPolicy in namespace \`${ns}\` selects the pods of ${what} for ${missing.join(' or ')}.`, w.fact.at, [denyFix()]));
      }
    }
    if (!hasWorkloads) continue;
    if (ran.has('namespace-limit-range') && !limitDefaults) {
      for (const at of namespaceAnchors(file, view, ns)) {
        out.push(finding('namespace-limit-range', 'information', `No LimitRange with container defaults for namespace \`${ns}\` was found in this workspace.`, at,
          [appendFix(`Add a LimitRange for namespace \`${ns}\``, file, targetFile(file, view, ns), limitRange(ns))]));
      }
    }
    if (ran.has('namespace-resource-quota') && !computeQuota) {
      for (const at of namespaceAnchors(file, view, ns)) {
        out.push(finding('namespace-resource-quota', 'information', `No ResourceQuota bounding CPU and memory for namespace \`${ns}\` was found in this workspace.`, at,
          [appendFix(`Add a ResourceQuota for namespace \`${ns}\``, file, targetFile(file, view, ns), resourceQuota(ns))]));
      }
    }
  }
  return out;
}

/**
 * Local findings judged against the workspace: those that depend on other documents (the ServiceAccount's
 * automount, a LimitRange) adjusted. `facts` are the facts of the same text the findings' offsets point into (a
 * whole file, or one of its documents with both relative to it).
 */
export function judgeLocal(findings: readonly Finding[], facts: readonly Fact[], view: WorkspaceView): Finding[] {
  // Facts are in file order and objects do not overlap: the owner is found by binary search.
  const workloads = facts.filter((f): f is WorkloadFact => f.type === 'workload');
  const owner = (f: Finding): WorkloadFact | undefined => {
    let lo = 0;
    let hi = workloads.length - 1;
    let found: WorkloadFact | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (workloads[mid]!.range.start <= f.range.start) {
        found = workloads[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && f.range.start < found.range.end ? found : workloads.find((w) => w.range.start <= f.range.start && f.range.start < w.range.end);
  };
  const out: Finding[] = [];
  for (const f of findings) {
    // Only two rules depend on other documents; the rest pass through without looking up their workload (this
    // runs on every keystroke, over every finding of the file).
    if (f.ruleId !== 'automount-service-account-token' && f.ruleId !== 'resource-limits') {
      out.push(f);
      continue;
    }
    const w = owner(f);
    if (!w) {
      out.push(f);
      continue;
    }
    const entry = view.namespace(w.namespace);
    if (f.ruleId === 'automount-service-account-token' && w.podAutomount === undefined) {
      const sa = entry.providers.find((p) => p.fact.type === 'serviceAccount' && p.fact.name === w.serviceAccount)?.fact;
      if (sa && sa.type === 'serviceAccount' && sa.automount === false) continue; // the ServiceAccount disables it
      out.push(sa
        ? { ...f, message: sa.type === 'serviceAccount' && sa.automount === true
          ? `${f.message} Its ServiceAccount \`${w.serviceAccount}\` enables automounting explicitly: keep it only if the application calls the API.`
          : `${f.message} Its ServiceAccount \`${w.serviceAccount}\` does not disable automounting either.` }
        : { ...f, severity: 'information', message: `${f.message} (ServiceAccount \`${w.serviceAccount}\` in namespace \`${w.namespace}\` was not found in this workspace; it may disable automounting.)` });
      continue;
    }
    if (f.ruleId === 'resource-limits' && entry.providers.some((p) => p.fact.type === 'limitRange' && p.fact.containerDefaults)) {
      out.push({ ...f, severity: 'information', message: `${f.message} A LimitRange in namespace \`${w.namespace}\` gives it default limits.` });
      continue;
    }
    out.push(f);
  }
  return out;
}

function suppressed(f: Finding, scopes: readonly SuppressionScope[]): boolean {
  return scopes.some((s) => f.range.start >= s.start && f.range.start < Math.max(s.end, s.start + 1) && (s.ids.length === 0 || s.ids.includes(f.ruleId)));
}

/**
 * The findings of a file once the workspace is taken into account: the local findings adjusted, plus the
 * cross-document rules' findings (subject to the file's suppressions). `ran`: the rule ids that are enabled.
 */
export function workspaceFindings(local: readonly Finding[], file: FileFacts, view: WorkspaceView, ran: ReadonlySet<string>): Finding[] {
  return [...judgeLocal(local, file.facts, view), ...crossFileFindings(file, view, ran)].sort(byPosition);
}

/** The order findings are reported in: by start, then by rule id. */
export function byPosition(a: Finding, b: Finding): number {
  return a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId);
}

/**
 * The cross-document rules' findings for a file (subject to its suppressions). With `judgeLocal` over each of its
 * documents this is `workspaceFindings` in parts, for an editor that re-judges only the documents that changed.
 */
export function crossFileFindings(file: FileFacts, view: WorkspaceView, ran: ReadonlySet<string>): Finding[] {
  return crossFindings(file, view, ran).filter((f) => !suppressed(f, file.suppressions));
}

const signatures = new WeakMap<FileFacts, Map<string, string>>();

/** Namespaces whose facts in this file other files may depend on, with a signature to detect changes. */
export function providerSignature(file: FileFacts | undefined): Map<string, string> {
  if (!file) return new Map();
  // Each version of a file is compared twice (as the new version, then as the old one): compute it once.
  const memo = signatures.get(file);
  if (memo) return memo;
  const out = new Map<string, string>();
  signatures.set(file, out);
  for (const f of file.facts) {
    if (f.type === 'workload') {
      // Workloads matter to others only for namespace-level anchors and "has workloads".
      out.set(f.namespace, `${out.get(f.namespace) ?? ''}|w`);
      continue;
    }
    const { range: _r, ...rest } = f as ProviderFact & { at?: OffsetRange };
    delete (rest as { at?: OffsetRange }).at;
    // Other files' fixes append new documents to the Namespace's file: how it ends decides what they insert.
    const ending = f.type === 'namespace' ? `|ends:${JSON.stringify(file.eol)}${file.finalNewline || file.length === 0}` : '';
    out.set(f.namespace, `${out.get(f.namespace) ?? ''}|${JSON.stringify(rest)}${ending}`);
  }
  return out;
}

/** Namespaces in which two versions of a file differ in anything another file's judgement depends on. */
export function changedNamespaces(before: FileFacts | undefined, after: FileFacts | undefined): Set<string> {
  const a = providerSignature(before);
  const b = providerSignature(after);
  const out = new Set<string>();
  for (const ns of new Set([...a.keys(), ...b.keys()])) if (a.get(ns) !== b.get(ns)) out.add(ns);
  return out;
}

/** The namespaces a file's judgement depends on. */
export function dependsOn(file: FileFacts): Set<string> {
  return new Set(file.facts.filter((f) => f.type === 'workload' || f.type === 'namespace').map((f) => f.namespace));
}
