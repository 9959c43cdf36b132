// Deterministic corpora for the benchmarks (a seeded PRNG, no randomness between runs):
//   multiDocumentFile  a multi-document file of Deployments, StatefulSets, DaemonSets, CronJobs, Services, ConfigMaps,
//                      Roles, NetworkPolicies and Namespaces, with comments (the 5,000-line file);
//   crdBundleFile      an operator install bundle: a few CustomResourceDefinitions of thousands of lines with deep
//                      openAPIV3Schema properties, then the operator's RBAC and Deployment (the 2 MB file);
//   generateWorkspace  a folder of manifests (Helm-rendered style) mixed with non-Kubernetes YAML;
//   keystrokes         single-character edits at random positions, the same for every server measured.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Service', 'ConfigMap', 'Role', 'NetworkPolicy', 'Namespace'];

/** Label lines (without the `labels:` key) at `indent`: just `app`, or the full set a Helm chart renders. */
function labels(i, indent, rich) {
  const p = ' '.repeat(indent);
  const lines = [`${p}app: app-${i}`];
  if (rich) {
    lines.push(`${p}app.kubernetes.io/name: app-${i}`, `${p}app.kubernetes.io/instance: release-${i % 9}`, `${p}app.kubernetes.io/version: "1.${i % 13}.0"`,
      `${p}app.kubernetes.io/component: backend`, `${p}app.kubernetes.io/part-of: platform-team-${i % 20}`, `${p}app.kubernetes.io/managed-by: Helm`,
      `${p}helm.sh/chart: app-${i}-1.${i % 13}.0`);
  }
  return lines;
}

/** The annotations Helm adds to what it installs (rich manifests only). */
function helmAnnotations(i, indent) {
  const p = ' '.repeat(indent);
  return [`${p}annotations:`, `${p}  meta.helm.sh/release-name: release-${i % 9}`, `${p}  meta.helm.sh/release-namespace: ns-${i % 5}`];
}

/** A hex digest derived from `i` (rich manifests pin images by digest, as release pipelines do). */
const digest = (i, c) => Array.from({ length: 8 }, (_, k) => (((i + 1) * 2654435761 + c * 40503 + k * 97) >>> 0).toString(16).padStart(8, '0')).join('');

function workload(kind, i, random, rich) {
  const containers = 1 + Math.floor(random() * 3);
  const podSpec = (indent) => {
    const p = ' '.repeat(indent);
    const lines = [`${p}# pod ${i}`, `${p}serviceAccountName: sa-${i}`];
    if (random() < 0.5) lines.push(`${p}securityContext:`, `${p}  runAsNonRoot: true`, `${p}  seccompProfile:`, `${p}    type: RuntimeDefault`);
    lines.push(`${p}containers:`);
    for (let c = 0; c < containers; c++) {
      const image = rich ? `registry.example.com/team/app-${i}@sha256:${digest(i, c)}` : `registry.example.com/team/app-${i}:${c}.${i % 7}.0`;
      lines.push(`${p}  - name: c${c}`, `${p}    image: ${image}`, `${p}    ports:`, `${p}      - containerPort: ${8000 + c}`);
      lines.push(`${p}    env:`, `${p}      - name: MODE`, `${p}        value: production`, `${p}      - name: SHARD`, `${p}        value: "${i}"`);
      if (random() < 0.6) lines.push(`${p}    securityContext:`, `${p}      allowPrivilegeEscalation: false`, `${p}      readOnlyRootFilesystem: ${random() < 0.5}`);
      lines.push(`${p}    resources:`, `${p}      requests:`, `${p}        cpu: 100m`, `${p}        memory: 128Mi`);
      if (random() < 0.5) lines.push(`${p}      limits:`, `${p}        cpu: 500m`, `${p}        memory: 256Mi`);
    }
    return lines;
  };
  const head = [`apiVersion: ${kind === 'CronJob' ? 'batch/v1' : 'apps/v1'}`, `kind: ${kind}`, 'metadata:', `  name: app-${i}`, `  namespace: ns-${i % 5}`, '  labels:', ...labels(i, 4, rich),
    ...(rich ? helmAnnotations(i, 2) : [])];
  if (kind === 'CronJob') return [...head, 'spec:', '  schedule: "*/5 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', ...podSpec(10)];
  return [...head, 'spec:', '  selector:', '    matchLabels:', `      app: app-${i}`, '  template:', '    metadata:', '      labels:', ...labels(i, 8, rich), '    spec:', ...podSpec(6)];
}

function other(kind, i, rich) {
  const head = [`kind: ${kind}`, 'metadata:', `  name: obj-${i}`, `  namespace: ns-${i % 5}`, ...(rich ? ['  labels:', ...labels(i, 4, true), ...helmAnnotations(i, 2)] : [])];
  switch (kind) {
    case 'Service': return ['apiVersion: v1', ...head, 'spec:', `  selector: {app: app-${i}}`, '  ports:', '    - port: 80', '      targetPort: 8080'];
    case 'ConfigMap': return ['apiVersion: v1', ...head, 'data:', ...Array.from({ length: 12 }, (_, k) => `  key${k}: value-${i}-${k}`)];
    case 'Role': return ['apiVersion: rbac.authorization.k8s.io/v1', ...head, 'rules:', '  - apiGroups: [""]', '    resources: [pods]', '    verbs: [get, list, watch]'];
    case 'NetworkPolicy': return ['apiVersion: networking.k8s.io/v1', ...head, 'spec:', '  podSelector: {}', '  policyTypes: [Ingress, Egress]'];
    default: return ['apiVersion: v1', `kind: ${kind}`, 'metadata:', `  name: ns-${i}`];
  }
}

/**
 * A multi-document file of about `lines` lines (~50 lines a document). `rich` adds what Helm renders (the common
 * labels, release annotations, images pinned by digest): longer lines, as in the manifests of a real repository.
 */
export function multiDocumentFile(lines, seed = 42, { rich = false } = {}) {
  const random = rng(seed);
  const out = ['# generated benchmark corpus'];
  for (let i = 0; out.length < lines; i++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)];
    const doc = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'].includes(kind) ? workload(kind, i, random, rich) : other(kind, i, rich);
    out.push('---', `# object ${i}`, ...doc);
  }
  return `${out.join('\n')}\n`;
}

/** YAML that is not Kubernetes: a Helm values file or a CI workflow, nested like the real ones. */
export function nonKubernetesFile(lines, seed) {
  const random = rng(seed);
  const out = random() < 0.5 ? ['# Default values for the chart.', 'replicaCount: 2'] : ['name: ci', 'on:', '  push:', '    branches: [main]', 'jobs:'];
  for (let s = 0; out.length < lines; s++) {
    out.push(`section${s}:`, `  enabled: ${random() < 0.5}`, '  image:', `    repository: registry.example.com/tools/tool-${s}`, `    tag: "v${s}.${Math.floor(random() * 20)}.0"`, '  settings:');
    for (let k = 0; k < 4 + Math.floor(random() * 8); k++) out.push(`    option${k}: value-${s}-${k}  # runbook step ${k}`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * A deterministic workspace: `count` files of 50–300 lines, one in five not Kubernetes. The manifests are rich
 * (Helm-rendered): 2,000 files come to about 11 MB, the size of a large platform repository.
 */
export function generateWorkspace(dir, count, seed = 11) {
  const random = rng(seed);
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `team-${i % 20}`, i % 3 === 0 ? 'base' : 'overlays');
    mkdirSync(sub, { recursive: true });
    const lines = 50 + Math.floor(random() * 250);
    if (random() < 0.2) writeFileSync(join(sub, `values-${i}.yaml`), nonKubernetesFile(lines, seed + i));
    else writeFileSync(join(sub, `app-${i}.yaml`), multiDocumentFile(lines, seed + i, { rich: true }));
  }
}

// ---- the operator install bundle ----

const WORDS = ('the of a to is in for this field when if set by be are that it not default value must name namespace resource '
  + 'controller reconcile pods selected policy configuration secret key reference cluster scoped template replicas status '
  + 'condition observed generation timestamp specifies defines optional required list map entries used otherwise applies '
  + 'each object container volume mount path port protocol endpoint certificate authority issuer duration seconds').split(' ');
const FIELDS = ('replicas image config selector template tls secretRef storage resources affinity tolerations volumes probes '
  + 'endpoints ingress service monitoring logging backup retention schedule auth oidc ldap webhook certificates issuer network '
  + 'policy limits requests annotations labels env sidecars initContainers podSecurity rollout strategy canary metrics alerts '
  + 'rules targets scrape relabelings tlsConfig bearerToken basicAuth proxy headers timeouts retries storageClass claims '
  + 'topology zones shards partitions compaction encryption kms audit sink filters routes gateways listeners upstreams').split(' ');

const sentence = (random, n) => {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
};

/**
 * One schema node in controller-gen's key order (description, then items or properties, then type), appended to
 * `out`. Objects nest until `out` reaches `limit` lines; a node past the limit closes as an open object.
 */
function schemaNode(random, out, indent, depth, limit) {
  const p = ' '.repeat(indent);
  if (random() < 0.6) out.push(`${p}description: ${sentence(random, 4 + Math.floor(random() * 8))}`);
  else out.push(`${p}description: |-`, ...Array.from({ length: 2 + Math.floor(random() * 3) }, () => `${p}  ${sentence(random, 6 + Math.floor(random() * 5))}`));
  const r = random();
  if (depth >= 11 || out.length >= limit || (depth > 2 && r < 0.45)) {
    const type = ['string', 'integer', 'boolean', 'string'][Math.floor(random() * 4)];
    if (type === 'integer') out.push(`${p}format: int32`, `${p}minimum: 0`);
    if (type === 'string' && random() < 0.3) out.push(`${p}enum:`, `${p}- Always`, `${p}- IfNotPresent`, `${p}- Never`);
    else if (type === 'string' && random() < 0.3) out.push(`${p}pattern: ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`);
    out.push(`${p}type: ${type}`);
  } else if (r < 0.6) {
    out.push(`${p}items:`);
    schemaNode(random, out, indent + 2, depth + 1, limit);
    out.push(`${p}type: array`);
    if (random() < 0.3) out.push(`${p}x-kubernetes-list-type: atomic`);
  } else {
    schemaObject(random, out, indent, depth, limit, depth <= 2 ? 4 + Math.floor(random() * 6) : 1 + Math.floor(random() * 5));
  }
}

/** `properties:` with up to `fanout` children (fewer once `out` reaches `limit` lines), `required:`, `type: object`. */
function schemaObject(random, out, indent, depth, limit, fanout) {
  const p = ' '.repeat(indent);
  if (out.length >= limit) {
    out.push(`${p}type: object`, `${p}x-kubernetes-preserve-unknown-fields: true`);
    return;
  }
  out.push(`${p}properties:`);
  const first = Math.floor(random() * FIELDS.length);
  const names = [];
  for (let k = 0; k < fanout && out.length < limit; k++) {
    // Field names are unique in a map: past the word list, a numbered suffix.
    const name = `${FIELDS[(first + k) % FIELDS.length]}${k >= FIELDS.length ? Math.floor(k / FIELDS.length) : ''}`;
    names.push(name);
    out.push(`${p}  ${name}:`);
    schemaNode(random, out, indent + 4, depth + 1, limit);
  }
  if (names.length > 1 && random() < 0.5) out.push(`${p}required:`, `${p}- ${names[0]}`);
  out.push(`${p}type: object`);
}

/** A CustomResourceDefinition whose spec schema runs to about `lines` lines. */
function crd(i, lines, seed) {
  const random = rng(seed * 1000 + i);
  const kind = `Widget${i}`;
  const head = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  annotations:', '    controller-gen.kubebuilder.io/version: v0.14.0',
    `  name: widget${i}s.platform.example.com`, 'spec:', '  group: platform.example.com', '  names:', `    kind: ${kind}`, `    listKind: ${kind}List`,
    `    plural: widget${i}s`, `    singular: widget${i}`, '  scope: Namespaced', '  versions:', '  - name: v1', '    schema:', '      openAPIV3Schema:',
    `        description: ${kind} is the Schema for the widget${i}s API.`, '        properties:',
    '          apiVersion:', '            description: APIVersion defines the versioned schema of this representation of an object.', '            type: string',
    '          kind:', '            description: Kind is a string value representing the REST resource this object represents.', '            type: string',
    '          metadata:', '            type: object', '          spec:', `            description: ${kind}Spec defines the desired state of ${kind}.`];
  const body = [];
  schemaObject(random, body, 12, 0, lines, Infinity); // the spec: fields until the lines are spent
  const status = ['          status:', `            description: ${kind}Status defines the observed state of ${kind}.`, '            properties:', '              conditions:',
    '                items:', '                  properties:', '                    lastTransitionTime:', '                      format: date-time', '                      type: string',
    '                    message:', '                      maxLength: 32768', '                      type: string', '                    reason:', '                      type: string',
    '                    status:', '                      enum:', '                      - "True"', '                      - "False"', '                      - Unknown', '                      type: string',
    '                    type:', '                      type: string', '                  required:', '                  - status', '                  - type', '                  type: object',
    '                type: array', '              observedGeneration:', '                format: int64', '                type: integer', '            type: object',
    '        type: object', '    served: true', '    storage: true', '    subresources:', '      status: {}'];
  return [...head, ...body, ...status].join('\n');
}

/** The operator's own objects after its CRDs: namespace, RBAC, the manager Deployment and its webhook Service. */
function operatorObjects() {
  const verbs = '[create, delete, get, list, patch, update, watch]';
  const rules = Array.from({ length: 12 }, (_, k) => [`- apiGroups: [platform.example.com]`, `  resources: [widget${k}s, widget${k}s/status, widget${k}s/finalizers]`, `  verbs: ${verbs}`]).flat();
  return [
    ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: operator-system', '  labels:', '    control-plane: controller-manager'],
    ['apiVersion: v1', 'kind: ServiceAccount', 'metadata:', '  name: operator-controller-manager', '  namespace: operator-system'],
    ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRole', 'metadata:', '  name: operator-manager-role', 'rules:',
      '- apiGroups: [""]', '  resources: [configmaps, secrets, services, events]', `  verbs: ${verbs}`, '- apiGroups: [apps]', '  resources: [deployments, statefulsets]', `  verbs: ${verbs}`, ...rules],
    ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', 'metadata:', '  name: operator-manager-rolebinding', 'roleRef:', '  apiGroup: rbac.authorization.k8s.io',
      '  kind: ClusterRole', '  name: operator-manager-role', 'subjects:', '- kind: ServiceAccount', '  name: operator-controller-manager', '  namespace: operator-system'],
    ['apiVersion: rbac.authorization.k8s.io/v1', 'kind: Role', 'metadata:', '  name: operator-leader-election-role', '  namespace: operator-system', 'rules:',
      '- apiGroups: [coordination.k8s.io]', '  resources: [leases]', `  verbs: ${verbs}`],
    ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: operator-webhook-service', '  namespace: operator-system', 'spec:', '  ports:', '  - port: 443',
      '    protocol: TCP', '    targetPort: 9443', '  selector:', '    control-plane: controller-manager'],
    ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: operator-controller-manager', '  namespace: operator-system', '  labels:', '    control-plane: controller-manager',
      'spec:', '  replicas: 1', '  selector:', '    matchLabels:', '      control-plane: controller-manager', '  template:', '    metadata:', '      labels:',
      '        control-plane: controller-manager', '    spec:', '      serviceAccountName: operator-controller-manager', '      containers:', '      - name: manager',
      '        image: registry.example.com/operator/manager:v1.4.2', '        args: [--leader-elect, --health-probe-bind-address=:8081]', '        ports:',
      '        - containerPort: 9443', '          name: webhook-server', '        livenessProbe:', '          httpGet: {path: /healthz, port: 8081}',
      '        resources:', '          limits: {cpu: 500m, memory: 256Mi}', '          requests: {cpu: 10m, memory: 64Mi}', '      - name: kube-rbac-proxy',
      '        image: registry.example.com/operator/kube-rbac-proxy:v0.16.0', '        args: [--secure-listen-address=0.0.0.0:8443, --upstream=http://127.0.0.1:8080/]'],
  ].map((lines) => lines.join('\n'));
}

/**
 * An operator install bundle of about `bytes` characters (default 2,000,000: under the server's default
 * kubeHardening.maxFileSize of 2 MiB, so it is checked, not skipped). It is dominated by CRDs of `crdLines` lines or
 * more each (default 5,000+); `bytes` decides how many.
 */
export function crdBundleFile(bytes = 2_000_000, seed = 5, { crdLines = 6000 } = {}) {
  const tail = operatorObjects();
  const tailBytes = tail.reduce((n, d) => n + d.length + 5, 0);
  // A probe CRD tells how many characters a schema line takes; then the CRDs share the bytes left evenly.
  const probe = crd(0, crdLines, seed);
  const perLine = probe.length / probe.split('\n').length;
  const count = Math.max(1, Math.round((bytes - tailBytes) / probe.length));
  const bundle = (linesEach) => {
    const docs = [...Array.from({ length: count }, (_, i) => crd(i, linesEach, seed)), ...tail];
    return `# operator install bundle (generated)\n${docs.map((d) => `---\n${d}\n`).join('')}`;
  };
  const guess = Math.floor((bytes - tailBytes) / count / perLine);
  // Objects close past the line limit, so a CRD runs a little longer than asked: one correction from the first try.
  const first = bundle(guess);
  return bundle(Math.floor(guess * ((bytes - tailBytes) / (first.length - tailBytes))));
}

// ---- edits ----

/**
 * `count` single-character insertions at random positions of `text`, each in the coordinates of the text after the
 * ones before it. A position in a line's indentation or on a `---` line moves to the end of that line: typing there
 * would restructure the file rather than edit it. The others land where they fall (in a key, after a colon, in a
 * comment), so some edits break their document for a while, as typing does.
 */
export function keystrokes(text, count, seed = 7) {
  const random = rng(seed);
  const out = [];
  let current = text;
  for (let k = 0; k < count; k++) {
    let offset = Math.floor(random() * current.length);
    const lineStart = current.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = current.indexOf('\n', offset) < 0 ? current.length : current.indexOf('\n', offset);
    const line = current.slice(lineStart, lineEnd);
    if (offset - lineStart < /^[ \t]*/.exec(line)[0].length || line.startsWith('---')) offset = lineEnd;
    const ch = 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)];
    out.push({ offset, text: ch });
    current = current.slice(0, offset) + ch + current.slice(offset);
  }
  return out;
}

/** The YAML document holding `offset`: from the column-0 `---` line before it to the next one (or the file's ends). */
export function documentAround(text, offset) {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  let start = 0;
  let end = text.length;
  for (let m; (m = marker.exec(text));) {
    if (m.index <= offset) start = m.index;
    else {
      end = m.index;
      break;
    }
  }
  return text.slice(start, end);
}
