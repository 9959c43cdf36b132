// Fixes never corrupt, for the rule families beyond workloads (shared-rules/src/fixes.property.test.ts covers
// those): RBAC, NetworkPolicy, control-plane static Pods, kubelet configuration, Namespaces and PodSecurityPolicies,
// audit Policy, EncryptionConfiguration, kubeconfig and removed API versions. For every finding on a generated file,
// every fix it offers and every suppression from suppressionFixes yields text that parses, keeps every other YAML
// document byte for byte, and removes that finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { lintFile, lintStandalone, splitDocuments, suppressionFixes, type Finding, type Fix, type TextEdit } from '@kube-hardening/shared-rules';
import { Document, isPair, isScalar, parseAllDocuments, visit } from 'yaml';
import { FAMILY_FIX_RUNS, PROPERTY_SEED } from './bounds.js';
import { rng } from './support.js';

/** Plain data for a YAML document. */
type Value = unknown;

/** How a person wrote the document: indentation, sequences, flow lists, comments, line ends, its neighbours. */
interface Layout {
  readonly indent: 2 | 4;
  readonly indentSeq: boolean;
  readonly flowLists: boolean;
  readonly comments: boolean;
  readonly crlf: boolean;
  readonly finalNewline: boolean;
  readonly bom: boolean;
  readonly before: number;
  readonly after: number;
  readonly seed: number;
}

const layoutArb: fc.Arbitrary<Layout> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  indentSeq: fc.boolean(),
  flowLists: fc.boolean(),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  bom: fc.boolean(),
  before: fc.integer({ min: 0, max: 2 }),
  after: fc.integer({ min: 0, max: 2 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
});

/** Renders a value in the layout's style through the `yaml` package's own printer (with comments where a person puts them). */
function render(value: Value, l: Layout): string {
  const doc = new Document(value);
  const random = rng(l.seed);
  visit(doc, {
    Seq(_, seq) {
      if (l.flowLists && seq.items.length > 0 && seq.items.every((i) => isScalar(i)) && random() < 0.7) seq.flow = true;
    },
    Pair(_, pair) {
      if (!l.comments || !isPair(pair) || !isScalar(pair.key)) return;
      if (random() < 0.2) pair.key.commentBefore = ' set by the platform team';
      if (isScalar(pair.value) && random() < 0.2) pair.value.comment = ' reviewed';
    },
  });
  return doc.toString({ indent: l.indent, indentSeq: l.indentSeq, lineWidth: 0, minContentWidth: 0 });
}

const NEIGHBOUR: Value = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'neighbour', namespace: 'kube-system' }, data: { key: 'value' } };

/** The file: the document among its neighbours, with the layout's line ends, final newline and BOM. */
function file(doc: Value, l: Layout): string {
  const docs = [...Array.from({ length: l.before }, () => NEIGHBOUR), doc, ...Array.from({ length: l.after }, () => NEIGHBOUR)]
    .map((d, i) => render(i === l.before ? d : { ...(d as object), metadata: { name: `neighbour-${i}`, namespace: 'kube-system' } }, l));
  let text = docs.map((d) => d.replace(/\n$/, '')).join('\n---\n');
  if (l.finalNewline) text += '\n';
  if (l.crlf) text = text.replace(/\n/g, '\r\n');
  return (l.bom ? '\ufeff' : '') + text;
}

const subset = <T>(xs: readonly T[], min = 1) => fc.subarray([...xs], { minLength: min });

// ── Families ────────────────────────────────────────────────────────────────────────────────────────────────────
const rbacArb: fc.Arbitrary<Value> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('Role', 'ClusterRole'),
    rules: fc.array(fc.record({
      apiGroups: subset(['', 'apps', 'batch', 'rbac.authorization.k8s.io', '*']),
      resources: subset(['pods', 'pods/exec', 'pods/attach', 'secrets', 'configmaps', 'deployments', 'jobs', 'roles', 'clusterroles', '*']),
      verbs: subset(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'escalate', 'bind', 'impersonate', '*']),
    }), { minLength: 1, maxLength: 3 }),
  }).map(({ kind, rules }) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'generated', ...(kind === 'Role' ? { namespace: 'shop' } : {}) }, rules })),
  fc.record({
    kind: fc.constantFrom('RoleBinding', 'ClusterRoleBinding'),
    role: fc.constantFrom('cluster-admin', 'view', 'edit', 'deployer'),
    subjects: fc.array(fc.oneof(
      fc.record({ kind: fc.constant('User'), name: fc.constantFrom('system:anonymous', 'alice', 'system:kube-proxy'), apiGroup: fc.constant('rbac.authorization.k8s.io') }),
      fc.record({ kind: fc.constant('Group'), name: fc.constantFrom('system:unauthenticated', 'system:masters', 'system:authenticated', 'devs'), apiGroup: fc.constant('rbac.authorization.k8s.io') }),
      fc.record({ kind: fc.constant('ServiceAccount'), name: fc.constantFrom('deployer', 'default'), namespace: fc.constant('ci') }),
    ), { minLength: 1, maxLength: 4 }),
  }).map(({ kind, role, subjects }) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1', kind, metadata: { name: 'generated', ...(kind === 'RoleBinding' ? { namespace: 'shop' } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role }, subjects: subjects as Value[],
  })),
);

const networkPolicyArb: fc.Arbitrary<Value> = fc.record({
  selector: fc.constantFrom<Value>({}, { matchLabels: { app: 'web' } }),
  typesKey: fc.constantFrom('policyTypes', 'policyType', 'policytypes', 'PolicyTypes'),
  types: subset(['Ingress', 'Egress']),
  egress: fc.array(fc.record({
    cidr: fc.constantFrom('0.0.0.0/0', '169.254.0.0/16', '10.0.0.0/8', '169.254.169.254/32', '::/0'),
    except: fc.constantFrom<Value[]>([], ['10.0.0.0/8'], ['169.254.169.254/32']),
    port: fc.constantFrom(443, 53, 80),
  }), { maxLength: 3 }),
  ingress: fc.boolean(),
  apiVersion: fc.constantFrom('networking.k8s.io/v1', 'extensions/v1beta1'),
}).map(({ selector, typesKey, types, egress, ingress, apiVersion }) => ({
  apiVersion, kind: 'NetworkPolicy', metadata: { name: 'generated', namespace: 'shop' },
  spec: {
    podSelector: selector, [typesKey]: types,
    ...(ingress ? { ingress: [{ from: [{ podSelector: { matchLabels: { app: 'front' } } }] }] } : {}),
    ...(egress.length > 0 ? { egress: egress.map((e) => ({ to: [{ ipBlock: { cidr: e.cidr, ...(e.except.length ? { except: e.except } : {}) } }], ports: [{ port: e.port }] })) } : {}),
  },
}));

/** Flags of each control-plane component, each with values good and bad (undefined: the flag is absent). */
const FLAGS: Record<string, Record<string, readonly (string | undefined)[]>> = {
  'kube-apiserver': {
    'anonymous-auth': [undefined, 'true', 'false'], 'authorization-mode': [undefined, 'AlwaysAllow', 'Node,RBAC', 'Node,AlwaysAllow', 'ABAC'],
    'insecure-port': [undefined, '8080', '0'], 'insecure-bind-address': [undefined, '127.0.0.1'], 'token-auth-file': [undefined, '/etc/kubernetes/tokens.csv'],
    'basic-auth-file': [undefined, '/etc/kubernetes/basic.csv'], 'encryption-provider-config': [undefined, '/etc/kubernetes/enc/enc.yaml'],
    'audit-log-path': [undefined, '/var/log/audit.log'], 'audit-policy-file': [undefined, '/etc/kubernetes/audit.yaml'], 'profiling': [undefined, 'true', 'false'],
    'enable-admission-plugins': [undefined, 'NodeRestriction', 'AlwaysAdmit,NodeRestriction'], 'etcd-servers': [undefined, 'http://10.0.0.1:2379', 'https://10.0.0.1:2379'],
    'tls-min-version': [undefined, 'VersionTLS10', 'VersionTLS12'],
  },
  'kube-controller-manager': {
    'bind-address': [undefined, '0.0.0.0', '127.0.0.1'], 'use-service-account-credentials': [undefined, 'false', 'true'], 'profiling': [undefined, 'true', 'false'],
    'service-account-private-key-file': [undefined, '/etc/kubernetes/pki/sa.key'], 'root-ca-file': [undefined, '/etc/kubernetes/pki/ca.crt'],
  },
  'kube-scheduler': { 'bind-address': [undefined, '0.0.0.0', '127.0.0.1'], 'profiling': [undefined, 'true', 'false'], 'kubeconfig': ['/etc/kubernetes/scheduler.conf'] },
  etcd: { 'auto-tls': [undefined, 'true', 'false'], 'client-cert-auth': [undefined, 'false', 'true'], 'listen-client-urls': ['https://127.0.0.1:2379', 'http://0.0.0.0:2379'] },
  kubelet: { 'anonymous-auth': [undefined, 'true', 'false'], 'authorization-mode': [undefined, 'AlwaysAllow', 'Webhook'], 'read-only-port': [undefined, '10255', '0'] },
};

const controlPlaneArb: fc.Arbitrary<Value> = fc.constantFrom(...Object.keys(FLAGS)).chain((component) => fc.record({
  values: fc.tuple(...Object.values(FLAGS[component]!).map((vs) => fc.constantFrom(...vs))),
  where: fc.constantFrom('command', 'args', 'split'),
  kind: fc.constantFrom('Pod', 'Deployment', 'DaemonSet'),
}).map(({ values, where, kind }) => {
  const flags: string[] = [];
  Object.keys(FLAGS[component]!).forEach((name, i) => {
    const v = values[i];
    if (v === undefined) return;
    if (where === 'split' && i % 2 === 0) flags.push(`--${name}`, v);
    else flags.push(`--${name}=${v}`);
  });
  const container: Value = {
    name: component, image: `registry.k8s.io/${component}:v1.30.2`,
    ...(where === 'args' ? { command: [component], args: flags } : { command: [component, ...flags] }),
    volumeMounts: [{ name: 'k8s-certs', mountPath: '/etc/kubernetes/pki', readOnly: true }],
  };
  const podSpec: Value = { hostNetwork: true, priorityClassName: 'system-node-critical', containers: [container], volumes: [{ name: 'k8s-certs', hostPath: { path: '/etc/kubernetes/pki', type: 'DirectoryOrCreate' } }] };
  const metadata = { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' } };
  return kind === 'Pod' ? { apiVersion: 'v1', kind, metadata, spec: podSpec }
    : { apiVersion: 'apps/v1', kind, metadata, spec: { selector: { matchLabels: { component } }, template: { metadata: { labels: { component } }, spec: podSpec } } };
}));

const kubeletArb: fc.Arbitrary<Value> = fc.record({
  anonymous: fc.constantFrom(undefined, true, false),
  webhook: fc.constantFrom(undefined, true, false),
  mode: fc.constantFrom(undefined, 'AlwaysAllow', 'Webhook'),
  readOnlyPort: fc.constantFrom(undefined, 10255, 0),
  tls: fc.constantFrom(undefined, 'VersionTLS10', 'VersionTLS13'),
}).map(({ anonymous, webhook, mode, readOnlyPort, tls }) => {
  const authentication: Record<string, Value> = {};
  if (anonymous !== undefined) authentication.anonymous = { enabled: anonymous };
  if (webhook !== undefined) authentication.webhook = { enabled: webhook };
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration',
    ...(Object.keys(authentication).length ? { authentication } : {}), ...(mode !== undefined ? { authorization: { mode } } : {}),
    ...(readOnlyPort !== undefined ? { readOnlyPort } : {}), ...(tls !== undefined ? { tlsMinVersion: tls } : {}), cgroupDriver: 'systemd',
  };
});

const enforcementArb: fc.Arbitrary<Value> = fc.oneof(
  fc.record({ name: fc.constantFrom('shop', 'kube-tools', 'payments'), enforce: fc.constantFrom(undefined, 'restricted', 'baseline', 'privileged'), warn: fc.boolean() })
    .map(({ name, enforce, warn }) => ({
      apiVersion: 'v1', kind: 'Namespace',
      metadata: { name, ...(enforce !== undefined || warn ? { labels: { ...(enforce !== undefined ? { 'pod-security.kubernetes.io/enforce': enforce } : {}), ...(warn ? { 'pod-security.kubernetes.io/warn': 'restricted' } : {}) } } : {}) },
    })),
  fc.record({ privileged: fc.boolean(), escalation: fc.boolean(), readOnly: fc.boolean(), hostNetwork: fc.boolean(), volumes: subset(['configMap', 'secret', 'hostPath', '*']) })
    .map(({ privileged, escalation, readOnly, hostNetwork, volumes }) => ({
      apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'generated' },
      spec: { privileged, allowPrivilegeEscalation: escalation, readOnlyRootFilesystem: readOnly, hostNetwork, requiredDropCapabilities: ['ALL'], volumes, runAsUser: { rule: 'MustRunAsNonRoot' }, seLinux: { rule: 'RunAsAny' }, supplementalGroups: { rule: 'RunAsAny' }, fsGroup: { rule: 'RunAsAny' } },
    })),
);

const auditArb: fc.Arbitrary<Value> = fc.array(fc.record({
  level: fc.constantFrom(undefined, 'None', 'Metadata', 'Request', 'RequestResponse', 'metadata', 'requestresponse', 'Everything'),
  resources: fc.constantFrom(undefined, [{ group: '', resources: ['secrets'] }], [{ group: '', resources: ['secrets', 'configmaps'] }], [{ group: 'rbac.authorization.k8s.io' }], [{ group: '', resources: ['pods'] }]),
  userGroups: fc.constantFrom(undefined, ['system:unauthenticated'], ['system:authenticated']),
  omitStages: fc.boolean(),
}), { maxLength: 4 }).map((rules) => ({
  apiVersion: 'audit.k8s.io/v1', kind: 'Policy',
  rules: rules.map((r) => ({
    ...(r.level !== undefined ? { level: r.level } : {}), ...(r.resources !== undefined ? { resources: r.resources } : {}),
    ...(r.userGroups !== undefined ? { userGroups: r.userGroups } : {}), ...(r.omitStages ? { omitStages: ['RequestReceived'] } : {}),
  })),
}));

const PROVIDERS: Record<string, Value> = {
  identity: {},
  aescbc: { keys: [{ name: 'key1', secret: 'aUjHO2T9lRkhicduB5jfOIC1hz18k7i/FoVUl/Ta1YE=' }] },
  aesgcm: { keys: [{ name: 'key1', secret: 'c2VjcmV0' }] },
  secretbox: { keys: [{ name: 'key1', secret: 'YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXoxMjM0NTY=' }] },
  kms: { apiVersion: 'v2', name: 'vault', endpoint: 'unix:///var/run/kms/vault.sock' },
};

const encryptionArb: fc.Arbitrary<Value> = fc.array(fc.record({
  resources: subset(['secrets', 'configmaps', 'events', '*.apps']),
  providers: fc.shuffledSubarray(Object.keys(PROVIDERS), { minLength: 1, maxLength: 3 }),
}), { minLength: 1, maxLength: 2 }).map((entries) => ({
  apiVersion: 'apiserver.config.k8s.io/v1', kind: 'EncryptionConfiguration',
  resources: entries.map((e) => ({ resources: e.resources, providers: e.providers.map((p) => ({ [p]: PROVIDERS[p]! })) })),
}));

const kubeconfigArb: fc.Arbitrary<Value> = fc.record({
  server: fc.constantFrom('https://10.0.0.1:6443', 'http://audit.example.internal:8080'),
  skipTls: fc.boolean(),
  user: fc.constantFrom<Value>({ username: 'admin', password: 's3cr3t' }, { token: 'abcdef.0123456789abcdef' }, { 'client-certificate-data': 'LS0tLS1CRUdJTg==', 'client-key-data': 'LS0tLS1CRUdJTg==' }, { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: 'aws' } }),
}).map(({ server, skipTls, user }) => ({
  apiVersion: 'v1', kind: 'Config',
  clusters: [{ name: 'prod', cluster: { server, ...(skipTls ? { 'insecure-skip-tls-verify': true } : { 'certificate-authority-data': 'LS0tLS1CRUdJTg==' }) } }],
  contexts: [{ name: 'prod', context: { cluster: 'prod', user: 'admin' } }], 'current-context': 'prod', users: [{ name: 'admin', user }],
}));

const removedApiArb: fc.Arbitrary<Value> = fc.constantFrom<Value>(
  { apiVersion: 'batch/v1beta1', kind: 'CronJob', metadata: { name: 'backup' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'backup', image: 'backup:2.1' }] } } } } } },
  { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'web:1' }] } } } },
  { apiVersion: 'policy/v1beta1', kind: 'PodDisruptionBudget', metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } },
);

/** Each family, and the rules whose own fixes its manifests must exercise (so the property is not vacuous). */
export const FAMILIES: readonly { name: string; arb: fc.Arbitrary<Value>; fixes: readonly string[] }[] = [
  { name: 'RBAC', arb: rbacArb, fixes: ['rbac-anonymous-subject'] },
  { name: 'NetworkPolicy', arb: networkPolicyArb, fixes: ['network-policy-types-typo', 'egress-to-metadata', 'removed-api-version'] },
  {
    name: 'control-plane static Pods and kubelet flags', arb: controlPlaneArb,
    fixes: ['apiserver-anonymous-auth', 'apiserver-authorization-mode', 'apiserver-insecure-port', 'apiserver-static-credentials', 'apiserver-encryption-at-rest',
      'apiserver-profiling', 'apiserver-admission-plugins', 'controller-manager-hardening', 'scheduler-hardening', 'kubelet-anonymous-auth', 'kubelet-authorization-mode', 'kubelet-read-only-port'],
  },
  { name: 'kubelet configuration', arb: kubeletArb, fixes: ['kubelet-anonymous-auth', 'kubelet-authorization-mode', 'kubelet-read-only-port'] },
  { name: 'Namespaces and PodSecurityPolicies', arb: enforcementArb, fixes: ['pod-security-admission', 'psp-restricted'] },
  { name: 'audit Policy', arb: auditArb, fixes: ['audit-policy-levels', 'audit-policy-catch-all', 'audit-policy-secret-payloads'] },
  { name: 'EncryptionConfiguration', arb: encryptionArb, fixes: ['encryption-covers-secrets', 'encryption-identity-first'] },
  { name: 'kubeconfig', arb: kubeconfigArb, fixes: [] },
  { name: 'removed API versions', arb: removedApiArb, fixes: ['removed-api-version'] },
];

// ── The property ────────────────────────────────────────────────────────────────────────────────────────────────
const applyEdits = (text: string, edits: readonly TextEdit[]) =>
  [...edits].sort((a, b) => b.start - a.start || b.end - a.end).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

const segmentsOf = (text: string) => splitDocuments(text).map((s) => ({ ...s, text: text.slice(s.start, s.end) }));

function checkEdit(text: string, f: Finding, fix: Fix, kind: 'fix' | 'suppression', all: (t: string) => Finding[]): void {
  const what = `${f.ruleId} ${kind} "${fix.title}"`;
  const out = applyEdits(text, fix.edits);
  for (const d of parseAllDocuments(out)) assert.deepEqual(d.errors.map((e) => e.message), [], `${what} yields YAML that parses:\n${out}`);
  // Every document no edit touches stays byte for byte (a fix that appends a document adds one at the end).
  const before = segmentsOf(text);
  const after = segmentsOf(out);
  const touched = new Set(before.flatMap((s, i) => (fix.edits.some((e) => e.start <= s.end && e.end >= s.start && !(e.start === s.end && i < before.length - 1)) ? [i] : [])));
  const appends = fix.edits.some((e) => e.start === text.length && /(^|\n)---(\r?\n|$)/.test(e.newText));
  assert.equal(after.length, before.length + (appends ? 1 : 0), `${what} keeps the number of documents:\n${out}`);
  before.forEach((s, i) => {
    if (!touched.has(i)) assert.equal(after[i]!.text, s.text, `${what} leaves document ${i} byte for byte:\n${out}`);
  });
  assert.equal(out.startsWith('\ufeff'), text.startsWith('\ufeff'), `${what} keeps the BOM or its absence`);
  if (text.includes('\r\n')) assert.ok(!/[^\r]\n/.test(out.replace(/^\ufeff/, '')), `${what} keeps CRLF:\n${JSON.stringify(out)}`);
  // The finding it was offered for is gone.
  const count = (fs: Finding[]) => fs.filter((x) => x.ruleId === f.ruleId).length;
  assert.ok(count(all(out)) < count(all(text)), `${what} removes its finding:\n${out}`);
}

describe('fixes never corrupt, for every rule family (fast-check)', () => {
  for (const family of FAMILIES) {
    it(`${family.name}: every fix and suppression parses, keeps the other documents and removes its finding`, () => {
      let checked = 0;
      const fixed = new Set<string>();
      fc.assert(
        fc.property(family.arb, layoutArb, (value, layout) => {
          const text = file(value, layout);
          for (const d of parseAllDocuments(text)) assert.deepEqual(d.errors.map((e) => e.message), [], `generator made valid YAML:\n${text}`);
          const memo = new Map<string, Finding[]>();
          const all = (t: string) => {
            let r = memo.get(t);
            if (!r) memo.set(t, (r = lintStandalone(t.replace(/^\ufeff/, ''))));
            return r;
          };
          // Findings as the editor gets them (the BOM is not part of an editor's text; the CLI strips it too).
          const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
          const body = text.slice(bom.length);
          const linted = lintFile(body);
          for (const f of all(text)) {
            const shift = (x: Fix): Fix => ({ ...x, edits: x.edits.map((e) => ({ ...e, start: e.start + bom.length, end: e.end + bom.length })) });
            for (const fix of f.fixes) {
              if (fix.append) continue; // another file's: covered by the workspace tests
              checkEdit(text, f, shift(fix), 'fix', all);
              fixed.add(f.ruleId);
              checked++;
            }
            for (const s of suppressionFixes(linted, f)) {
              checkEdit(text, f, shift(s), 'suppression', all);
              checked++;
            }
          }
        }),
        { numRuns: FAMILY_FIX_RUNS, seed: PROPERTY_SEED },
      );
      assert.ok(checked > FAMILY_FIX_RUNS, `${family.name}: ${checked} fixes and suppressions checked (not vacuous)`);
      assert.deepEqual(family.fixes.filter((id) => !fixed.has(id)), [], `${family.name}: these rules' fixes were exercised (got ${[...fixed].join(', ')})`);
    });
  }
});
