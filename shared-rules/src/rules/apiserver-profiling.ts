import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'apiserver-profiling',
    title: 'The API server should not expose profiling endpoints',
    severity: 'information',
    category: 'Control plane',
    guidance: [
      { section: 'Upgrading and application security practices', page: 32, quote: 'Administrators should adhere to the CIS benchmarks for Kubernetes and any other relevant system components.' },
    ],
    why: 'Profiling (on by default) serves `/debug/pprof`, which reveals the program’s internals and lets any user allowed to read it trigger expensive CPU profiles; the CIS benchmark asks to turn it off.',
    remediation: 'Start kube-apiserver with `--profiling=false`.',
    fix: { safety: 'safe', description: 'Adds `--profiling=false`, or sets the existing flag to `false`.' },
    peers: ['Checkov CKV_K8S_90'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
        - --profiling=false
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      checkFlag(ctx, rc, {
        name: 'profiling',
        accepts: (v) => parseBool(v) === false,
        required: true,
        missing: 'kube-apiserver serves profiling endpoints: --profiling=false is not set (the default is true).',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)}: profiling endpoints are served.`,
        fixValue: 'false',
        safety: 'safe',
      });
    }
  },
});
