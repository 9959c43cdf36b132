// Facts: what the cross-document rules need to know about a document, as plain data with offsets. They are
// extracted while the document is linted (no second parse) and kept instead of syntax trees, so a workspace of
// thousands of files costs little memory, and a change elsewhere re-judges a document without re-parsing it.
import { isMap, isScalar, type Document, type YAMLMap } from 'yaml';
import type { K8sObject } from '../k8s/objects.js';
import type { OffsetRange } from '../types.js';
import { booleanOf, entry, mapAt, mapItems, seqAt, stringAt, items, rangeOf } from '../yaml/nodes.js';

export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly { readonly key: string; readonly operator: string; readonly values: readonly string[] }[];
}

interface FactBase {
  readonly namespace: string;
  readonly name: string | undefined;
  /** The whole object. */
  readonly range: OffsetRange;
}

export interface NamespaceFact extends FactBase {
  readonly type: 'namespace';
  /** `metadata.name`'s value: where namespace-level findings point. */
  readonly at: OffsetRange;
}

export interface WorkloadFact extends FactBase {
  readonly type: 'workload';
  readonly kind: string;
  /** Where a namespace-level finding about this workload points: its `metadata.namespace` value, else `kind:`. */
  readonly at: OffsetRange;
  readonly labels: Readonly<Record<string, string>>;
  readonly serviceAccount: string;
  readonly podAutomount: boolean | undefined;
}

export interface NetworkPolicyFact extends FactBase {
  readonly type: 'networkPolicy';
  /** null: a selector we cannot read, which we treat as selecting nothing. */
  readonly podSelector: LabelSelector | null;
  readonly ingress: boolean;
  readonly egress: boolean;
}

export interface ServiceAccountFact extends FactBase {
  readonly type: 'serviceAccount';
  readonly automount: boolean | undefined;
}

export interface LimitRangeFact extends FactBase {
  readonly type: 'limitRange';
  /** Has a `type: Container` limit with `default` (limits) values. */
  readonly containerDefaults: boolean;
}

export interface ResourceQuotaFact extends FactBase {
  readonly type: 'resourceQuota';
  /** Bounds requests.cpu, requests.memory, limits.cpu and limits.memory. */
  readonly boundsCompute: boolean;
}

export type Fact = NamespaceFact | WorkloadFact | NetworkPolicyFact | ServiceAccountFact | LimitRangeFact | ResourceQuotaFact;

/** Namespace-level facts: what other documents depend on. */
export type ProviderFact = NamespaceFact | NetworkPolicyFact | ServiceAccountFact | LimitRangeFact | ResourceQuotaFact;

export const DEFAULT_NAMESPACE = 'default';

function stringMap(map: YAMLMap | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of map?.items ?? []) {
    if (isScalar(pair.key) && isScalar(pair.value) && pair.value.value !== null) out[String(pair.key.value)] = String(pair.value.value);
  }
  return out;
}

function selectorOf(doc: Document.Parsed, node: YAMLMap | undefined): LabelSelector | null {
  if (!node) return null;
  const matchExpressions: { key: string; operator: string; values: string[] }[] = [];
  for (const e of mapItems(doc, seqAt(doc, node, 'matchExpressions'))) {
    const key = stringAt(doc, e, 'key');
    const operator = stringAt(doc, e, 'operator');
    if (!key || !operator) return null;
    matchExpressions.push({ key, operator, values: items(doc, seqAt(doc, e, 'values')).flatMap((v) => (isScalar(v) && v.value !== null ? [String(v.value)] : [])) });
  }
  return { matchLabels: stringMap(mapAt(doc, node, 'matchLabels')), matchExpressions };
}

/** Whether a selector selects a set of labels, as the API server evaluates it. */
export function selects(selector: LabelSelector | null, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return false;
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const e of selector.matchExpressions) {
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    switch (e.operator) {
      case 'In': if (!has || !e.values.includes(labels[e.key]!)) return false; break;
      case 'NotIn': if (has && e.values.includes(labels[e.key]!)) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false;
    }
  }
  return true;
}

export function isEmptySelector(selector: LabelSelector | null): boolean {
  return !!selector && Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

/** The facts of one Kubernetes object, or undefined when no cross-document rule cares about it. */
export function factOf(doc: Document.Parsed, object: K8sObject, defaultNamespace = DEFAULT_NAMESPACE): Fact | undefined {
  const range = rangeOf(object.node);
  if (!range) return undefined;
  const nsEntry = entry(doc, object.metadata, 'namespace');
  const namespace = stringAt(doc, object.metadata, 'namespace') ?? defaultNamespace;
  const base = { namespace, name: object.name, range };
  const spec = mapAt(doc, object.node, 'spec');
  if (object.workload) {
    const w = object.workload;
    // Pod labels: the pod template's (or a Pod's own) metadata.labels.
    const podMeta = object.kind === 'Pod' ? object.metadata : undefined;
    const labels = podMeta ? stringMap(mapAt(doc, podMeta, 'labels')) : podTemplateLabels(doc, object);
    return {
      ...base, type: 'workload', kind: object.kind, labels,
      at: rangeOf(nsEntry?.value) ?? rangeOf(object.kindKey)!,
      serviceAccount: stringAt(doc, w.podSpec, 'serviceAccountName') ?? stringAt(doc, w.podSpec, 'serviceAccount') ?? 'default',
      podAutomount: booleanOf(entry(doc, w.podSpec, 'automountServiceAccountToken')?.value),
    };
  }
  switch (object.kind) {
    case 'Namespace': {
      const nameValue = entry(doc, object.metadata, 'name')?.value;
      if (!object.name || !rangeOf(nameValue)) return undefined;
      return { type: 'namespace', namespace: object.name, name: object.name, range, at: rangeOf(nameValue)! };
    }
    case 'NetworkPolicy': {
      if (!(object.apiVersion ?? '').startsWith('networking.k8s.io/') && object.apiVersion !== 'extensions/v1beta1') return undefined;
      const types = items(doc, seqAt(doc, spec, 'policyTypes')).flatMap((n) => (isScalar(n) ? [String(n.value)] : []));
      const hasEgress = !!entry(doc, spec, 'egress');
      // The API default: Ingress always, Egress when the policy has an egress section.
      const ingress = types.length > 0 ? types.includes('Ingress') : true;
      const egress = types.length > 0 ? types.includes('Egress') : hasEgress;
      const selectorNode = entry(doc, spec, 'podSelector')?.value;
      const podSelector = isMap(selectorNode) ? selectorOf(doc, selectorNode) : null;
      return { ...base, type: 'networkPolicy', podSelector, ingress, egress };
    }
    case 'ServiceAccount':
      return { ...base, type: 'serviceAccount', automount: booleanOf(entry(doc, object.node, 'automountServiceAccountToken')?.value) };
    case 'LimitRange': {
      const containerDefaults = mapItems(doc, seqAt(doc, spec, 'limits'))
        .some((l) => stringAt(doc, l, 'type') === 'Container' && !!mapAt(doc, l, 'default'));
      return { ...base, type: 'limitRange', containerDefaults };
    }
    case 'ResourceQuota': {
      const hard = mapAt(doc, spec, 'hard');
      const boundsCompute = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'].every((k) => !!entry(doc, hard, k)?.value);
      return { ...base, type: 'resourceQuota', boundsCompute };
    }
    default:
      return undefined;
  }
}

function podTemplateLabels(doc: Document.Parsed, object: K8sObject): Record<string, string> {
  const spec = mapAt(doc, object.node, 'spec');
  const owner = object.kind === 'CronJob' ? mapAt(doc, mapAt(doc, spec, 'jobTemplate'), 'spec') : object.kind === 'PodTemplate' ? object.node : spec;
  return stringMap(mapAt(doc, mapAt(doc, mapAt(doc, owner, 'template'), 'metadata'), 'labels'));
}

export function shiftFact<F extends Fact>(fact: F, by: number): F {
  const move = (r: OffsetRange): OffsetRange => ({ start: r.start + by, end: r.end + by });
  const moved = { ...fact, range: move(fact.range) };
  if ('at' in fact) (moved as { at: OffsetRange }).at = move(fact.at);
  return moved as F;
}
