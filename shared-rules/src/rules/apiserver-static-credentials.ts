import { describeFlag, runningComponents } from '../k8s/components.js';
import { allFlags, flagRange, removeFlag } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';

const FILES = [
  { name: 'basic-auth-file', what: 'a static password file' },
  { name: 'token-auth-file', what: 'a static token file' },
] as const;

export default defineRule({
  meta: {
    id: 'apiserver-static-credentials',
    title: 'The API server must not authenticate with static password or token files',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Authentication', page: 19, quote: 'Administrators should not use weak methods such as static password files. Weak authentication methods could allow cyber actors to authenticate as legitimate users.' },
    ],
    why: 'Static password and token files hold long-lived credentials in clear text on every control-plane node; they never expire, cannot be revoked without restarting the API server, and one leaked line is a working login.',
    remediation: 'Remove `--basic-auth-file` and `--token-auth-file` and authenticate users with client certificates, OIDC or a webhook.',
    fix: { safety: 'review', description: 'Removes the flag (its list item, or its words from the item); users who log in with those credentials lose access.' },
    peers: ['Checkov CKV_K8S_69', 'Checkov CKV_K8S_70', 'Trivy KCV0002'],
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
        - --token-auth-file=/etc/kubernetes/known_tokens.csv
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
        - --client-ca-file=/etc/kubernetes/pki/ca.crt
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      const found = FILES.flatMap(({ name, what }) => allFlags(rc.flags, name).map((flag) => ({ flag, what })));
      found.sort((a, b) => rc.flags.flags.indexOf(a.flag) - rc.flags.flags.indexOf(b.flag));
      for (const { flag, what } of found) {
        ctx.report({
          at: flagRange(flag),
          message: `kube-apiserver sets ${describeFlag(flag)}: users authenticate with ${what}, long-lived credentials kept in clear text on the node.`,
          fixes: [fix(`Remove --${flag.name}`, removeFlag(ctx.src, flag), 'review')],
        });
      }
    }
  },
});
