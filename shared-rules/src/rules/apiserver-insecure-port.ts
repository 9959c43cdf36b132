import { checkFlag, describeFlag, runningComponents } from '../k8s/components.js';
import { allFlags, flagRange, lastFlag, removeFlag } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';

export default defineRule({
  meta: {
    id: 'apiserver-insecure-port',
    title: 'The API server must not serve the insecure port',
    severity: 'warning',
    category: 'Control plane',
    guidance: [
      { section: 'Control plane hardening', page: 15, quote: 'Port 8080, by default, is accessible without TLS encryption from the local machine, and the request bypasses authentication and authorization modules.' },
      { section: 'Control plane hardening', page: 15, quote: 'The insecure port can be disabled using the API server flag --insecure-port=0.' },
    ],
    why: 'Requests to the insecure port skip authentication and authorization: any process that can reach it (every pod on the host network of a control-plane node, or the network when it is bound to another address) is cluster-admin, over plain HTTP.',
    remediation: 'Set `--insecure-port=0` (or drop the flag on Kubernetes 1.20 and later, where the port is gone) and remove `--insecure-bind-address`.',
    fix: { safety: 'safe', description: 'Sets `--insecure-port=0`, or removes `--insecure-bind-address`.' },
    peers: ['kubescape C-0005', 'Checkov CKV_K8S_86', 'Checkov CKV_K8S_88'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: k8s.gcr.io/kube-apiserver:v1.18.20
      command:
        - kube-apiserver
        - --insecure-port=8080
        - --insecure-bind-address=127.0.0.1
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: k8s.gcr.io/kube-apiserver:v1.18.20
      command:
        - kube-apiserver
        - --insecure-port=0
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      checkFlag(ctx, rc, {
        name: 'insecure-port',
        accepts: (v) => (v === undefined ? false : /^[0-9]+$/.test(v) ? Number(v) === 0 : undefined),
        required: false,
        missing: '',
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)}: requests to that port skip authentication and authorization.`,
        fixValue: '0',
        safety: 'safe',
      });
      const port = lastFlag(rc.flags, 'insecure-port')?.value;
      const portOff = port !== undefined && /^[0-9]+$/.test(port) && Number(port) === 0;
      for (const flag of allFlags(rc.flags, 'insecure-bind-address')) {
        ctx.report({
          at: flagRange(flag),
          message: `kube-apiserver sets ${describeFlag(flag)}: the insecure port (no authentication, no TLS) ${portOff ? 'is off, and this leftover flag only invites turning it back on' : 'listens on that address'}.`,
          fixes: [fix('Remove --insecure-bind-address', removeFlag(ctx.src, flag), 'safe')],
        });
      }
    }
  },
});
