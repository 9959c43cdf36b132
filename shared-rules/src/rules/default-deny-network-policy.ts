// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
import { NAMESPACE_WITH_POLICIES, NAMESPACE_WITHOUT_POLICIES } from '../doc-examples.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'default-deny-network-policy',
    title: "Every namespace must have a default-deny NetworkPolicy",
    severity: 'warning',
    category: 'Network separation',
    guidance: [
      { section: "Network policies", page: 14, quote: "Administrators should use a default policy selecting all Pods to deny all ingress and egress traffic and ensure any unselected Pods are isolated." },
      { section: "Network policies", page: 14, quote: "Additional policies could then relax these restrictions for permissible connections." },
    ],
    why: "Without a NetworkPolicy, every pod accepts connections from every other pod in the cluster and may connect anywhere: one compromised pod can reach databases, the cloud metadata service and the internet. A default-deny policy makes every allowed flow an explicit decision.",
    remediation: "Add a NetworkPolicy with `podSelector: {}` and `policyTypes: [Ingress, Egress]` to the namespace, then policies that allow the flows the applications need.",
    fix: { safety: 'review', description: "Appends a `default-deny-all` NetworkPolicy document for the namespace to the Namespace's file (else to this file); it cuts all traffic not allowed by another policy." },
    peers: ["kubescape C-0054", "kubescape C-0260"],
    examples: { failing: NAMESPACE_WITHOUT_POLICIES, passing: NAMESPACE_WITH_POLICIES },
  },
  check() {
    // Judged by the workspace pass.
  },
});
