import { checkFlag, describeFlag, isLoopback, runningComponents } from '../k8s/components.js';
import { lastFlag, parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'scheduler-hardening',
    title: 'kube-scheduler must listen on localhost and disable profiling',
    severity: 'warning',
    category: 'Control plane',
    guidance: [
      { section: 'Architectural overview', page: 4, quote: 'Kube-scheduler is intended to be accessible only from nodes within the control plane.' },
      { section: 'Threat model', page: 5, quote: 'Cyber actors frequently take advantage of exposed control plane components lacking appropriate access controls.' },
    ],
    why: 'Bound to every interface, the scheduler’s port (10259) is reachable from the network instead of only from its own node; profiling exposes its internals and lets callers trigger expensive profiles.',
    remediation: 'Start kube-scheduler with `--bind-address=127.0.0.1` and `--profiling=false`.',
    fix: { safety: 'safe', description: 'Adds or sets `--bind-address=127.0.0.1` or `--profiling=false`, one flag per fix.' },
    peers: ['Checkov CKV_K8S_114', 'Checkov CKV_K8S_115'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler
  namespace: kube-system
spec:
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.30.2
      command:
        - kube-scheduler
        - --kubeconfig=/etc/kubernetes/scheduler.conf
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-scheduler
  namespace: kube-system
spec:
  containers:
    - name: kube-scheduler
      image: registry.k8s.io/kube-scheduler:v1.30.2
      command:
        - kube-scheduler
        - --bind-address=127.0.0.1
        - --kubeconfig=/etc/kubernetes/scheduler.conf
        - --profiling=false
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-scheduler')) {
      checkFlag(ctx, rc, {
        name: 'bind-address',
        accepts: (v) => isLoopback(v),
        required: true,
        missing: 'kube-scheduler listens on every interface: --bind-address=127.0.0.1 is not set (the default is 0.0.0.0).',
        wrong: (flag) => `kube-scheduler sets ${describeFlag(flag)}: its port is reachable beyond its own node.`,
        fixValue: '127.0.0.1',
        safety: 'safe',
      });
      // With a KubeSchedulerConfiguration (--config) the scheduler ignores --profiling: `enableProfiling` is in the file.
      if (lastFlag(rc.flags, 'config')) continue;
      checkFlag(ctx, rc, {
        name: 'profiling',
        accepts: (v) => parseBool(v) === false,
        required: true,
        missing: 'kube-scheduler serves profiling endpoints: --profiling=false is not set (the default is true).',
        wrong: (flag) => `kube-scheduler sets ${describeFlag(flag)}: profiling endpoints are served.`,
        fixValue: 'false',
        safety: 'safe',
      });
    }
  },
});
