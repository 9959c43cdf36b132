import { describeGrant, grantsOf, listText, roleOf } from '../k8s/rbac.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'rbac-secrets-access',
    title: 'Roles should not read Secrets',
    severity: 'warning',
    category: 'Authentication and authorization',
    guidance: [
      { section: 'Authentication', page: 19, quote: 'access to Pod Secrets should be restricted to those with a need to view them using Kubernetes RBAC' },
      { section: 'Secrets', page: 17, quote: 'Access can be restricted by applying RBAC policies to the secrets resource.' },
    ],
    why: 'Whoever can get, list or watch Secrets reads every credential of the namespace (or the cluster), including the service account tokens of more privileged workloads: one leaked token then becomes many.',
    remediation: 'Remove get, list and watch on `secrets` (or limit them with `resourceNames` to the one Secret the subject needs), and mount Secrets into the pods that use them instead.',
    peers: ['kubescape C-0015', 'kube-linter access-to-secrets', 'Trivy KSV041'],
    examples: {
      failing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps", "secrets"]
    verbs: ["get", "list"]
`,
      passing: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: config-reader
  namespace: shop
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list"]
`,
    },
  },
  check(object, ctx) {
    const role = roleOf(ctx.src.doc, object);
    if (!role) return;
    for (const rule of role.rules) {
      for (const grant of grantsOf(role, rule, [{ group: '', resources: ['secrets'], verbs: ['get', 'list', 'watch'] }])) {
        const how = grant.item.value === 'secrets' ? '' : ` (\`${grant.item.value}\` includes secrets)`;
        const names = rule.resourceNames.map((n) => `\`${n.value}\``);
        const what = names.length > 0 ? `the Secret${names.length > 1 ? 's' : ''} ${listText(names)}` : 'every Secret in its scope';
        ctx.report({
          at: grant.item.node,
          message: `${role.label} grants ${describeGrant(grant)}${how}: whoever is bound to it can read ${what}.`,
        });
      }
    }
  },
});
