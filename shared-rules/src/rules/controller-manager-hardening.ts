import { checkFlag, describeFlag, isLoopback, runningComponents } from '../k8s/components.js';
import { parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

const nonEmpty = (v: string | undefined) => v !== undefined && v.trim() !== '';

export default defineRule({
  meta: {
    id: 'controller-manager-hardening',
    title: 'kube-controller-manager must listen on localhost, use per-controller credentials and disable profiling',
    severity: 'warning',
    category: 'Control plane',
    guidance: [
      { section: 'Threat model', page: 5, quote: 'Cyber actors frequently take advantage of exposed control plane components lacking appropriate access controls.' },
      { section: 'Role-based access control', page: 21, quote: 'Privileges assigned to users, groups, and service accounts should follow the principle of least privilege, giving only required permissions to resources.' },
    ],
    why: 'Bound to every interface, the controller manager’s port is reachable from the network; without per-controller service account credentials every controller runs with the manager’s own broad rights; without its signing key and root CA, service account tokens cannot be issued and verified; profiling exposes its internals.',
    remediation: 'Start kube-controller-manager with `--bind-address=127.0.0.1`, `--use-service-account-credentials=true`, `--service-account-private-key-file`, `--root-ca-file` and `--profiling=false`.',
    fix: { safety: 'safe', description: 'Adds or sets `--bind-address=127.0.0.1`, `--use-service-account-credentials=true` or `--profiling=false`, one flag per fix (the key and CA paths have no fix).' },
    peers: ['Checkov CKV_K8S_106–113'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
    - name: kube-controller-manager
      image: registry.k8s.io/kube-controller-manager:v1.30.2
      command:
        - kube-controller-manager
        - --bind-address=0.0.0.0
        - --use-service-account-credentials=true
        - --service-account-private-key-file=/etc/kubernetes/pki/sa.key
        - --root-ca-file=/etc/kubernetes/pki/ca.crt
        - --profiling=false
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-controller-manager
  namespace: kube-system
spec:
  containers:
    - name: kube-controller-manager
      image: registry.k8s.io/kube-controller-manager:v1.30.2
      command:
        - kube-controller-manager
        - --bind-address=127.0.0.1
        - --use-service-account-credentials=true
        - --service-account-private-key-file=/etc/kubernetes/pki/sa.key
        - --root-ca-file=/etc/kubernetes/pki/ca.crt
        - --profiling=false
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-controller-manager')) {
      checkFlag(ctx, rc, {
        name: 'bind-address',
        accepts: (v) => isLoopback(v),
        required: true,
        missing: 'kube-controller-manager listens on every interface: --bind-address=127.0.0.1 is not set (the default is 0.0.0.0).',
        wrong: (flag) => `kube-controller-manager sets ${describeFlag(flag)}: its port is reachable beyond its own node.`,
        fixValue: '127.0.0.1',
        safety: 'safe',
      });
      checkFlag(ctx, rc, {
        name: 'use-service-account-credentials',
        accepts: (v) => parseBool(v) === true,
        required: true,
        missing: 'kube-controller-manager runs every controller with its own broad credentials: --use-service-account-credentials=true is not set.',
        wrong: (flag) => `kube-controller-manager sets ${describeFlag(flag)}: every controller runs with the manager's own broad credentials.`,
        fixValue: 'true',
        safety: 'safe',
      });
      checkFlag(ctx, rc, {
        name: 'service-account-private-key-file',
        accepts: nonEmpty,
        required: true,
        missing: 'kube-controller-manager does not set --service-account-private-key-file: it cannot sign service account tokens.',
        wrong: (flag) => `kube-controller-manager sets ${describeFlag(flag)} without a file: it cannot sign service account tokens.`,
      });
      checkFlag(ctx, rc, {
        name: 'root-ca-file',
        accepts: nonEmpty,
        required: true,
        missing: 'kube-controller-manager does not set --root-ca-file: pods do not get the CA to verify the API server.',
        wrong: (flag) => `kube-controller-manager sets ${describeFlag(flag)} without a file: pods do not get the CA to verify the API server.`,
      });
      checkFlag(ctx, rc, {
        name: 'profiling',
        accepts: (v) => parseBool(v) === false,
        required: true,
        missing: 'kube-controller-manager serves profiling endpoints: --profiling=false is not set (the default is true).',
        wrong: (flag) => `kube-controller-manager sets ${describeFlag(flag)}: profiling endpoints are served.`,
        fixValue: 'false',
        safety: 'safe',
      });
    }
  },
});
