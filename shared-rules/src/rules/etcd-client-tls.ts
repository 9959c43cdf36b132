import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { lastFlag, parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

/** The environment variable etcd reads a flag from: `--client-cert-auth` → `ETCD_CLIENT_CERT_AUTH`. */
const envOf = (name: string) => `ETCD_${name.toUpperCase().replace(/-/g, '_')}`;
const nonEmpty = (v: string | undefined) => v !== undefined && v.trim() !== '';

const REQUIRED_TRUE = [
  { name: 'client-cert-auth', consequence: 'any client that reaches port 2379 is served without a certificate' },
  { name: 'peer-client-cert-auth', consequence: 'any host that reaches port 2380 can join as a peer without a certificate' },
] as const;

const REQUIRED_FILES = [
  { name: 'cert-file', consequence: 'clients are served over plain HTTP' },
  { name: 'key-file', consequence: 'clients are served over plain HTTP' },
  { name: 'trusted-ca-file', consequence: 'client certificates cannot be verified' },
] as const;

const FORBIDDEN_TRUE = [
  { name: 'auto-tls', consequence: 'clients get a self-signed certificate that nobody can verify' },
  { name: 'peer-auto-tls', consequence: 'peers get a self-signed certificate that nobody can verify' },
] as const;

export default defineRule({
  meta: {
    id: 'etcd-client-tls',
    title: 'etcd must require TLS client certificates from clients and peers',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Etcd', page: 16, quote: 'Etcd should only be accessed through the API server where the cluster’s authentication method and RBAC policies can restrict users.' },
      { section: 'Etcd', page: 16, quote: 'It is a critical control plane component, and gaining write access to etcd could give a cyber actor root access to the entire cluster.' },
    ],
    why: 'etcd holds every object of the cluster, Secrets included, and has no RBAC of its own: unless it demands a client certificate signed by its CA, anyone who reaches its port reads and rewrites the whole cluster, bypassing the API server.',
    remediation: 'Start etcd with `--cert-file`, `--key-file`, `--trusted-ca-file`, `--client-cert-auth=true` and `--peer-client-cert-auth=true`, and without `--auto-tls` or `--peer-auto-tls`.',
    peers: ['Checkov CKV_K8S_116–121', 'Trivy KCV0042–47'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: etcd
  namespace: kube-system
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.12-0
      command:
        - etcd
        - --auto-tls=true
        - --listen-client-urls=https://0.0.0.0:2379
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: etcd
  namespace: kube-system
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.12-0
      command:
        - etcd
        - --cert-file=/etc/kubernetes/pki/etcd/server.crt
        - --key-file=/etc/kubernetes/pki/etcd/server.key
        - --trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt
        - --client-cert-auth=true
        - --peer-client-cert-auth=true
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'etcd')) {
      // With a configuration file etcd ignores its other flags and environment: the settings are in the file.
      if (lastFlag(rc.flags, 'config-file')) continue;
      for (const { name, consequence } of REQUIRED_TRUE) {
        checkFlag(ctx, rc, {
          name,
          env: envOf(name),
          accepts: (v) => parseBool(v) === true,
          required: true,
          missing: `etcd does not set --${name}=true: ${consequence}.`,
          wrong: (flag) => `etcd sets ${describeFlag(flag)}: ${consequence}.`,
          wrongEnv: (env, value) => `etcd's environment sets ${env}=${value}: ${consequence}.`,
        });
      }
      for (const { name, consequence } of REQUIRED_FILES) {
        checkFlag(ctx, rc, {
          name,
          env: envOf(name),
          accepts: nonEmpty,
          required: true,
          missing: `etcd does not set --${name}: ${consequence}.`,
          wrong: (flag) => `etcd sets ${describeFlag(flag)} without a file: ${consequence}.`,
          wrongEnv: (env) => `etcd's environment sets ${env} to an empty value: ${consequence}.`,
        });
      }
      for (const { name, consequence } of FORBIDDEN_TRUE) {
        checkFlag(ctx, rc, {
          name,
          env: envOf(name),
          accepts: (v) => parseBool(v) !== true,
          required: false,
          missing: '',
          wrong: (flag) => `etcd sets ${describeFlag(flag)}: ${consequence}.`,
          wrongEnv: (env, value) => `etcd's environment sets ${env}=${value}: ${consequence}.`,
        });
      }
    }
  },
});
