// The API versions Kubernetes stopped serving, per the deprecated-API migration guide
// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/), kept as data: which apiVersion/kind pair,
// the release that removed it, what replaces it and since when, and whether moving is a rewrite of `apiVersion`
// alone (mechanical), a rewrite that is right only for some manifests (conditional), or a change of fields (manual).
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { entry, items, mapAt } from '../yaml/nodes.js';

/** A field that must be absent for the move to be mechanical (or absent or different from `value`). */
export interface Forbidden {
  /** Dotted path from the object's root: `spec.rollbackTo`. */
  readonly path: string;
  readonly value?: string | number;
}

export type Migration =
  /** The same schema under the new apiVersion: rewriting `apiVersion` is the whole move. */
  | { readonly type: 'mechanical' }
  /** Mechanical for manifests that already have what the new version requires and nothing it dropped. */
  | {
    readonly type: 'conditional';
    /** `spec.selector` with at least one `matchLabels` entry or `matchExpressions` item. */
    readonly requiresSelector?: boolean;
    readonly forbids?: readonly Forbidden[];
    readonly note: string;
  }
  /** Fields change: a person rewrites the manifest. */
  | { readonly type: 'manual'; readonly note: string }
  /** The API is gone with no successor. */
  | { readonly type: 'none'; readonly note: string };

export interface RemovedApi {
  readonly apiVersion: string;
  readonly kind: string;
  /** The Kubernetes minor release that stopped serving it: '1.16'. */
  readonly removedIn: string;
  /** The apiVersion to use instead, when there is one. */
  readonly replacement?: string;
  /** The first release that serves `replacement` (a target older than that cannot move yet). */
  readonly replacementSince?: string;
  readonly migration: Migration;
}

const MECHANICAL: Migration = { type: 'mechanical' };

const WORKLOAD_NOTE = 'apps/v1 requires `spec.selector` matching the template labels';

function pairs(
  apiVersion: string, kinds: readonly string[], removedIn: string, replacement: string | undefined, replacementSince: string | undefined,
  migration: Migration,
): RemovedApi[] {
  return kinds.map((kind) => ({ apiVersion, kind, removedIn, ...(replacement ? { replacement, replacementSince } : {}), migration }));
}

const PSP_GONE: Migration = {
  type: 'none',
  note: 'PodSecurityPolicy was removed in Kubernetes 1.25 without a successor API: enforce Pod Security Admission (`pod-security.kubernetes.io/enforce` namespace labels) instead',
};

const FLOW_PRIORITY_NOTE = 'v1beta3 renamed `assuredConcurrencyShares` to `nominalConcurrencyShares`';

export const REMOVED_APIS: readonly RemovedApi[] = [
  // 1.16
  ...pairs('extensions/v1beta1', ['NetworkPolicy'], '1.16', 'networking.k8s.io/v1', '1.7', MECHANICAL),
  ...pairs('extensions/v1beta1', ['PodSecurityPolicy'], '1.16', undefined, undefined, PSP_GONE),
  ...pairs('extensions/v1beta1', ['DaemonSet'], '1.16', 'apps/v1', '1.9', {
    type: 'conditional', requiresSelector: true, forbids: [{ path: 'spec.templateGeneration' }],
    note: `${WORKLOAD_NOTE}, drops \`spec.templateGeneration\` and defaults \`updateStrategy\` to RollingUpdate (was OnDelete)`,
  }),
  ...pairs('extensions/v1beta1', ['Deployment'], '1.16', 'apps/v1', '1.9', {
    type: 'conditional', requiresSelector: true, forbids: [{ path: 'spec.rollbackTo' }],
    note: `${WORKLOAD_NOTE} and drops \`spec.rollbackTo\``,
  }),
  ...pairs('extensions/v1beta1', ['ReplicaSet'], '1.16', 'apps/v1', '1.9', { type: 'conditional', requiresSelector: true, note: WORKLOAD_NOTE }),
  ...pairs('apps/v1beta1', ['Deployment'], '1.16', 'apps/v1', '1.9', {
    type: 'conditional', requiresSelector: true, forbids: [{ path: 'spec.rollbackTo' }],
    note: `${WORKLOAD_NOTE} and drops \`spec.rollbackTo\``,
  }),
  ...pairs('apps/v1beta1', ['StatefulSet'], '1.16', 'apps/v1', '1.9', {
    type: 'conditional', requiresSelector: true,
    note: `${WORKLOAD_NOTE} and defaults \`updateStrategy\` to RollingUpdate (was OnDelete)`,
  }),
  ...pairs('apps/v1beta1', ['ReplicaSet'], '1.16', 'apps/v1', '1.9', { type: 'conditional', requiresSelector: true, note: WORKLOAD_NOTE }),
  ...pairs('apps/v1beta1', ['ControllerRevision'], '1.16', 'apps/v1', '1.9', MECHANICAL),
  ...pairs('apps/v1beta2', ['DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'ControllerRevision'], '1.16', 'apps/v1', '1.9', MECHANICAL),
  // 1.22
  ...pairs('admissionregistration.k8s.io/v1beta1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], '1.22', 'admissionregistration.k8s.io/v1', '1.16', {
    type: 'manual',
    note: 'v1 requires `sideEffects` and `admissionReviewVersions` on every webhook and changes the defaults of `failurePolicy` (Ignore → Fail), `matchPolicy` and `timeoutSeconds`',
  }),
  ...pairs('apiextensions.k8s.io/v1beta1', ['CustomResourceDefinition'], '1.22', 'apiextensions.k8s.io/v1', '1.16', {
    type: 'manual',
    note: 'v1 requires a structural schema for every version (`spec.versions[].schema.openAPIV3Schema`) and drops `spec.version`, `spec.validation` and top-level `subresources` and `additionalPrinterColumns`',
  }),
  ...pairs('apiregistration.k8s.io/v1beta1', ['APIService'], '1.22', 'apiregistration.k8s.io/v1', '1.10', MECHANICAL),
  ...pairs('authentication.k8s.io/v1beta1', ['TokenReview'], '1.22', 'authentication.k8s.io/v1', '1.6', MECHANICAL),
  ...pairs('authorization.k8s.io/v1beta1', ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'], '1.22', 'authorization.k8s.io/v1', '1.6', MECHANICAL),
  ...pairs('certificates.k8s.io/v1beta1', ['CertificateSigningRequest'], '1.22', 'certificates.k8s.io/v1', '1.19', {
    type: 'manual', note: 'v1 requires `spec.signerName` and `spec.usages`',
  }),
  ...pairs('coordination.k8s.io/v1beta1', ['Lease'], '1.22', 'coordination.k8s.io/v1', '1.14', MECHANICAL),
  ...pairs('extensions/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', '1.19', {
    type: 'manual',
    note: 'networking.k8s.io/v1 replaces `serviceName`/`servicePort` by `service.name` and `service.port.number`/`name`, renames `spec.backend` to `spec.defaultBackend` and requires `pathType` on every path',
  }),
  ...pairs('networking.k8s.io/v1beta1', ['Ingress'], '1.22', 'networking.k8s.io/v1', '1.19', {
    type: 'manual',
    note: 'networking.k8s.io/v1 replaces `serviceName`/`servicePort` by `service.name` and `service.port.number`/`name`, renames `spec.backend` to `spec.defaultBackend` and requires `pathType` on every path',
  }),
  ...pairs('networking.k8s.io/v1beta1', ['IngressClass'], '1.22', 'networking.k8s.io/v1', '1.19', MECHANICAL),
  ...pairs('rbac.authorization.k8s.io/v1beta1', ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], '1.22', 'rbac.authorization.k8s.io/v1', '1.8', MECHANICAL),
  ...pairs('scheduling.k8s.io/v1beta1', ['PriorityClass'], '1.22', 'scheduling.k8s.io/v1', '1.14', MECHANICAL),
  ...pairs('storage.k8s.io/v1beta1', ['StorageClass'], '1.22', 'storage.k8s.io/v1', '1.6', MECHANICAL),
  ...pairs('storage.k8s.io/v1beta1', ['VolumeAttachment'], '1.22', 'storage.k8s.io/v1', '1.13', MECHANICAL),
  ...pairs('storage.k8s.io/v1beta1', ['CSINode'], '1.22', 'storage.k8s.io/v1', '1.17', MECHANICAL),
  ...pairs('storage.k8s.io/v1beta1', ['CSIDriver'], '1.22', 'storage.k8s.io/v1', '1.18', MECHANICAL),
  // 1.25
  ...pairs('batch/v1beta1', ['CronJob'], '1.25', 'batch/v1', '1.21', MECHANICAL),
  ...pairs('discovery.k8s.io/v1beta1', ['EndpointSlice'], '1.25', 'discovery.k8s.io/v1', '1.21', {
    type: 'manual', note: 'discovery.k8s.io/v1 replaces the per-endpoint `topology` map by `nodeName` and `zone`',
  }),
  ...pairs('events.k8s.io/v1beta1', ['Event'], '1.25', 'events.k8s.io/v1', '1.19', {
    type: 'manual', note: 'events.k8s.io/v1 limits `type` to Normal and Warning and renames the deprecated timestamp and count fields',
  }),
  ...pairs('autoscaling/v2beta1', ['HorizontalPodAutoscaler'], '1.25', 'autoscaling/v2', '1.23', {
    type: 'conditional', forbids: [{ path: 'spec.metrics' }],
    note: 'autoscaling/v2 writes metric targets as `target: {type, averageUtilization|averageValue|value}` (v2beta1 used `targetAverageUtilization` …)',
  }),
  ...pairs('policy/v1beta1', ['PodDisruptionBudget'], '1.25', 'policy/v1', '1.21', {
    type: 'conditional', requiresSelector: true,
    note: 'in policy/v1 an empty `spec.selector` selects every pod of the namespace, in v1beta1 none',
  }),
  ...pairs('policy/v1beta1', ['PodSecurityPolicy'], '1.25', undefined, undefined, PSP_GONE),
  ...pairs('node.k8s.io/v1beta1', ['RuntimeClass'], '1.25', 'node.k8s.io/v1', '1.20', MECHANICAL),
  // 1.26
  ...pairs('autoscaling/v2beta2', ['HorizontalPodAutoscaler'], '1.26', 'autoscaling/v2', '1.23', MECHANICAL),
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta1', ['FlowSchema'], '1.26', 'flowcontrol.apiserver.k8s.io/v1', '1.29', MECHANICAL),
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta1', ['PriorityLevelConfiguration'], '1.26', 'flowcontrol.apiserver.k8s.io/v1', '1.29', {
    type: 'conditional', forbids: [{ path: 'spec.limited.assuredConcurrencyShares' }], note: FLOW_PRIORITY_NOTE,
  }),
  // 1.27
  ...pairs('storage.k8s.io/v1beta1', ['CSIStorageCapacity'], '1.27', 'storage.k8s.io/v1', '1.24', MECHANICAL),
  // 1.29
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta2', ['FlowSchema'], '1.29', 'flowcontrol.apiserver.k8s.io/v1', '1.29', MECHANICAL),
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta2', ['PriorityLevelConfiguration'], '1.29', 'flowcontrol.apiserver.k8s.io/v1', '1.29', {
    type: 'conditional', forbids: [{ path: 'spec.limited.assuredConcurrencyShares' }], note: FLOW_PRIORITY_NOTE,
  }),
  // 1.32
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta3', ['FlowSchema'], '1.32', 'flowcontrol.apiserver.k8s.io/v1', '1.29', MECHANICAL),
  ...pairs('flowcontrol.apiserver.k8s.io/v1beta3', ['PriorityLevelConfiguration'], '1.32', 'flowcontrol.apiserver.k8s.io/v1', '1.29', {
    type: 'conditional', forbids: [{ path: 'spec.limited.nominalConcurrencyShares', value: 0 }],
    note: 'in v1 `nominalConcurrencyShares: 0` means no nominal concurrency (in v1beta3 it meant the default, 30)',
  }),
];

const BY_PAIR: ReadonlyMap<string, RemovedApi> = new Map(REMOVED_APIS.map((r) => [`${r.apiVersion} ${r.kind}`, r]));

/** A Kubernetes release as [major, minor] ('1.25', 'v1.25.3'), or undefined when it is not one. */
export function parseVersion(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(version.trim());
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Negative when a is older than b, 0 when the same minor release, positive when newer. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return 0;
  return x[0] - y[0] || x[1] - y[1];
}

/**
 * The removal of an apiVersion/kind pair that a cluster of `target` version no longer serves; `target`
 * undefined (or not a version) means the newest release, where every pair of the table is gone.
 */
export function removedApi(apiVersion: string | undefined, kind: string, target?: string): RemovedApi | undefined {
  if (!apiVersion) return undefined;
  const removed = BY_PAIR.get(`${apiVersion.trim()} ${kind}`);
  if (!removed) return undefined;
  if (target !== undefined && parseVersion(target) && compareVersions(target, removed.removedIn) < 0) return undefined;
  return removed;
}

/** Whether a cluster of `target` version (undefined: the newest) serves the replacement. */
export function replacementServed(removed: RemovedApi, target?: string): boolean {
  if (!removed.replacement) return false;
  if (target === undefined || !parseVersion(target) || !removed.replacementSince) return true;
  return compareVersions(target, removed.replacementSince) >= 0;
}

/**
 * Whether rewriting `apiVersion` alone moves this object (the root map of its manifest) to the replacement:
 * always for a mechanical move, for a conditional one when the manifest has what the new version requires.
 */
export function movesMechanically(removed: RemovedApi, doc: Document.Parsed, object: YAMLMap): boolean {
  const m = removed.migration;
  if (m.type === 'mechanical') return true;
  if (m.type !== 'conditional') return false;
  if (m.requiresSelector && !hasLabelSelector(doc, mapAt(doc, mapAt(doc, object, 'spec'), 'selector'))) return false;
  return (m.forbids ?? []).every((f) => !isForbiddenPresent(doc, object, f));
}

function hasLabelSelector(doc: Document.Parsed, selector: YAMLMap | undefined): boolean {
  const labels = mapAt(doc, selector, 'matchLabels');
  const expressions = entry(doc, selector, 'matchExpressions')?.value;
  return (labels?.items.length ?? 0) > 0 || (isSeq(expressions) && items(doc, expressions).length > 0);
}

function isForbiddenPresent(doc: Document.Parsed, object: YAMLMap, f: Forbidden): boolean {
  const path = f.path.split('.');
  let map: YAMLMap | undefined = object;
  for (const key of path.slice(0, -1)) map = mapAt(doc, map, key);
  const found = entry(doc, map, path[path.length - 1]!);
  if (!found) return false;
  if (f.value === undefined) return true;
  const v = found.value;
  // `key: 0` (or "0") is the forbidden value; a missing value is not.
  return isScalar(v) && v.value !== null && String(v.value) === String(f.value) && !isMap(v);
}
