// The one "object kinds" abstraction: turns a YAML document into the Kubernetes objects it holds (a `List` is
// expanded into its items) and, for every kind that runs Pods, the pod spec and its containers with their
// effective security context. Rules judge these, never raw paths.
import { isMap, isScalar, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import { entry, mapAt, mapItems, seqAt, stringAt, type Entry } from '../yaml/nodes.js';
import type { SourceDoc } from '../yaml/source.js';
import { effectiveContext, type EffectiveSecurityContext } from './security-context.js';

export interface K8sObject {
  readonly kind: string;
  readonly apiVersion: string | undefined;
  readonly node: YAMLMap;
  /** The `kind:` key: where document-level findings point. */
  readonly kindKey: Scalar;
  readonly metadata: YAMLMap | undefined;
  readonly name: string | undefined;
  readonly workload: Workload | undefined;
}

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface Container {
  readonly name: string | undefined;
  readonly node: YAMLMap;
  /** The `name:` entry, where container-level omissions point (the whole item when it has no name). */
  readonly anchor: Node;
  readonly list: ContainerList;
  readonly securityContext: YAMLMap | undefined;
  readonly effective: EffectiveSecurityContext;
}

export interface Workload {
  /** The pod spec map (`spec`, `spec.template.spec`, `spec.jobTemplate.spec.template.spec` …). */
  readonly podSpec: YAMLMap;
  /** The key of the pod spec (`spec:`), where pod-level omissions point. */
  readonly podSpecKey: Scalar;
  /** The pod (template) metadata's annotations. */
  readonly podAnnotations: YAMLMap | undefined;
  readonly podSecurityContext: YAMLMap | undefined;
  readonly containers: readonly Container[];
  /** `spec.os.name: windows`: the Linux-only rules do not apply. */
  readonly windows: boolean;
}

const TEMPLATE_KINDS = new Set([
  'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'DeploymentConfig',
]);

/** Every Kubernetes object in a parsed document: the document itself, or each item of a `*List`. */
export function objectsOf(src: SourceDoc): K8sObject[] {
  const root = src.doc.contents;
  if (!isMap(root)) return [];
  const top = toObject(src, root);
  if (!top) return [];
  if (top.kind === 'List' || (top.kind.endsWith('List') && seqAt(src.doc, root, 'items'))) {
    return mapItems(src.doc, seqAt(src.doc, root, 'items')).map((item) => toObject(src, item)).filter((o): o is K8sObject => !!o);
  }
  return [top];
}

function toObject(src: SourceDoc, node: YAMLMap): K8sObject | undefined {
  const kindEntry = entry(src.doc, node, 'kind');
  if (!kindEntry || !isScalar(kindEntry.value) || typeof kindEntry.value.value !== 'string') return undefined;
  const kind = kindEntry.value.value;
  const metadata = mapAt(src.doc, node, 'metadata');
  return {
    kind,
    apiVersion: stringAt(src.doc, node, 'apiVersion'),
    node,
    kindKey: kindEntry.key,
    metadata,
    name: stringAt(src.doc, metadata, 'name'),
    workload: workloadOf(src, kind, node),
  };
}

/** Where the pod template sits for each kind; custom resources with `spec.template.spec.containers` count too. */
function podTemplateOf(src: SourceDoc, kind: string, node: YAMLMap): { spec: Entry; metadata: YAMLMap | undefined } | undefined {
  const doc = src.doc;
  const spec = mapAt(doc, node, 'spec');
  const template = (owner: YAMLMap | undefined) => {
    const tpl = mapAt(doc, owner, 'template');
    const tplSpec = entry(doc, tpl, 'spec');
    return tplSpec && isMap(tplSpec.value) ? { spec: tplSpec, metadata: mapAt(doc, tpl, 'metadata') } : undefined;
  };
  if (kind === 'Pod') {
    const podSpec = entry(doc, node, 'spec');
    return podSpec && isMap(podSpec.value) ? { spec: podSpec, metadata: mapAt(doc, node, 'metadata') } : undefined;
  }
  if (kind === 'PodTemplate') return template(node);
  if (kind === 'CronJob') return template(mapAt(doc, mapAt(doc, spec, 'jobTemplate'), 'spec'));
  if (TEMPLATE_KINDS.has(kind)) return template(spec);
  // A custom resource (Argo Rollout, Knative, OpenKruise …) whose template has a list of containers.
  const custom = template(spec);
  return custom && seqAt(doc, custom.spec.value as YAMLMap, 'containers') ? custom : undefined;
}

function workloadOf(src: SourceDoc, kind: string, node: YAMLMap): Workload | undefined {
  const doc = src.doc;
  const tpl = podTemplateOf(src, kind, node);
  if (!tpl) return undefined;
  const podSpec = tpl.spec.value as YAMLMap;
  const podSecurityContext = mapAt(doc, podSpec, 'securityContext');
  const containers: Container[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    for (const c of mapItems(doc, seqAt(doc, podSpec, list))) {
      const nameEntry = entry(doc, c, 'name');
      const securityContext = mapAt(doc, c, 'securityContext');
      containers.push({
        name: stringAt(doc, c, 'name'),
        node: c,
        anchor: nameEntry ? (nameEntry.key as Node) : c,
        list,
        securityContext,
        effective: effectiveContext(doc, podSecurityContext, securityContext),
      });
    }
  }
  return {
    podSpec,
    podSpecKey: tpl.spec.key,
    podAnnotations: mapAt(doc, tpl.metadata, 'annotations'),
    podSecurityContext,
    containers,
    windows: stringAt(doc, mapAt(doc, podSpec, 'os'), 'name') === 'windows',
  };
}

/** "container `web`" (or "init container `setup`"), for messages and fix titles. */
export function describeContainer(c: Container): string {
  const what = c.list === 'initContainers' ? 'init container' : c.list === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return c.name ? `${what} \`${c.name}\`` : `unnamed ${what}`;
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const CONTROL_PLANE_COMPONENTS = new Set(['kube-apiserver', 'etcd', 'kube-controller-manager', 'kube-scheduler']);

/**
 * A control-plane static Pod as kubeadm and most installers write it: a Pod labelled `tier: control-plane` or
 * `component: <control-plane component>`. The kubelet runs it from a file; it gets no service account token.
 */
export function isControlPlaneStaticPod(doc: Document.Parsed, object: K8sObject): boolean {
  if (object.kind !== 'Pod') return false;
  const labels = mapAt(doc, object.metadata, 'labels');
  if (stringAt(doc, labels, 'tier') === 'control-plane') return true;
  const component = stringAt(doc, labels, 'component');
  return component !== undefined && CONTROL_PLANE_COMPONENTS.has(component);
}
