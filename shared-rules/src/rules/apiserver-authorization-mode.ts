import { describeFlag, missingFlagAt, runningComponents } from '../k8s/components.js';
import { addFlag, flagRange, isExpansion, lastFlag, listValues, setFlagValue } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';

export default defineRule({
  meta: {
    id: 'apiserver-authorization-mode',
    title: 'The API server must authorize requests with RBAC, never AlwaysAllow',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Role-based access control', page: 20, quote: 'If RBAC is not enabled, start the API server with the --authorization-mode flag' },
      { section: 'Role-based access control', page: 20, quote: 'Leaving authorization-mode flags, such as AlwaysAllow, in place allows all authorization requests, effectively disabling all authorization and limiting the ability to enforce least privilege for access.' },
    ],
    why: 'Without RBAC the API server cannot enforce Roles and bindings, and `AlwaysAllow` (the default when the flag is absent) lets every authenticated user, and every stolen service account token, do anything in the cluster.',
    remediation: 'Start kube-apiserver with `--authorization-mode=Node,RBAC` (other authorizers such as `Webhook` may follow), never with `AlwaysAllow`.',
    fix: { safety: 'safe', description: 'Adds `--authorization-mode=Node,RBAC`, or removes `AlwaysAllow` from the existing list and adds `RBAC` to it.' },
    peers: ['Checkov CKV_K8S_74', 'Checkov CKV_K8S_75', 'Checkov CKV_K8S_77', 'Trivy KCV0007–9'],
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
        - --anonymous-auth=false
        - --authorization-mode=AlwaysAllow
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
        - --anonymous-auth=false
        - --authorization-mode=Node,RBAC
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      const flag = lastFlag(rc.flags, 'authorization-mode');
      if (!flag) {
        // A structured AuthorizationConfiguration file replaces the flag; its authorizers are not in this YAML.
        if (lastFlag(rc.flags, 'authorization-config')) continue;
        ctx.report({
          at: missingFlagAt(rc),
          message: 'kube-apiserver authorizes every request: --authorization-mode is not set (the default is AlwaysAllow).',
          fixes: [fix('Add --authorization-mode=Node,RBAC', addFlag(ctx.src, rc.flags, '--authorization-mode=Node,RBAC'), 'safe')],
        });
        continue;
      }
      if (flag.value !== undefined && isExpansion(flag.value)) continue;
      const modes = listValues(flag.value);
      const alwaysAllow = modes.includes('AlwaysAllow');
      const rbac = modes.includes('RBAC');
      if (!alwaysAllow && rbac) continue;
      const kept = modes.filter((m) => m !== 'AlwaysAllow');
      const wanted = kept.length === 0 ? ['Node', 'RBAC'] : rbac ? kept : [...kept, 'RBAC'];
      const problem = alwaysAllow && !rbac ? 'every request is authorized and RBAC is not enabled'
        : alwaysAllow ? 'AlwaysAllow in the chain authorizes every request'
        : 'RBAC is not enabled, so Roles and bindings are not enforced';
      ctx.report({
        at: flagRange(flag),
        message: `kube-apiserver sets ${describeFlag(flag)}: ${problem}.`,
        fixes: [fix(`Set --authorization-mode=${wanted.join(',')}`, setFlagValue(ctx.src, flag, wanted.join(',')), 'safe')],
      });
    }
  },
});
