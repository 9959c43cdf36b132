import { defineRule, fix } from '../rule.js';
import { replaceValue } from '../yaml/edit.js';
import { entry, mapAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'network-policy-types-typo',
    title: 'NetworkPolicies must spell policyTypes correctly',
    severity: 'error',
    category: 'Network separation',
    guidance: [
      { section: 'Appendix E: Example network policy', page: 39, quote: 'podSelector: {} policyType: - Ingress' },
      { section: 'Network policies', page: 14, quote: 'Administrators should use a default policy selecting all Pods to deny all ingress and egress traffic and ensure any unselected Pods are isolated.' },
    ],
    why: 'The examples of Appendix E spell the field `policyType`, which Kubernetes does not know: strict validation refuses the policy, and a lenient apply drops the field, so a policy copied from the guidance to deny all egress falls back to the default type, Ingress: it denies all ingress instead, and no egress.',
    remediation: 'Rename `policyType` to `policyTypes`.',
    fix: { safety: 'safe', description: 'Renames the key `policyType` to `policyTypes`, keeping its list.' },
    peers: [],
    examples: {
      failing: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all-egress
  namespace: shop
spec:
  podSelector: {}
  policyType:
    - Egress
`,
      passing: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all-egress
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Egress
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'NetworkPolicy' || !isKubernetesNetworkPolicy(object.apiVersion)) return;
    const doc = ctx.src.doc;
    const spec = mapAt(doc, object.node, 'spec');
    const typo = entry(doc, spec, 'policyType');
    if (!typo) return;
    const name = object.name ? `NetworkPolicy \`${object.name}\`` : 'This NetworkPolicy';
    // Renaming next to an existing policyTypes would make a duplicate key: then the user picks which list stays.
    const edits = entry(doc, spec, 'policyTypes') ? undefined : replaceValue(typo.key, 'policyTypes');
    ctx.report({
      at: typo.key,
      message: `${name} has \`policyType\`, a field Kubernetes does not know (the typo of Appendix E): it is refused or dropped, and the policy types fall back to the default. Spell it \`policyTypes\`.`,
      fixes: [fix('Rename policyType to policyTypes', edits, 'safe')],
    });
  },
});

/** `networking.k8s.io/…` (or the old `extensions/v1beta1`), not Calico's or Cilium's policies of the same kind. */
function isKubernetesNetworkPolicy(apiVersion: string | undefined): boolean {
  return apiVersion === undefined || apiVersion.startsWith('networking.k8s.io/') || apiVersion.startsWith('extensions/');
}
