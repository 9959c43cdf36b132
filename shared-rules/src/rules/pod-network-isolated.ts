// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
import { NAMESPACE_WITH_POLICIES, NAMESPACE_WITHOUT_POLICIES } from '../doc-examples.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'pod-network-isolated',
    title: "Every workload's pods must be selected by a NetworkPolicy for ingress and egress",
    severity: 'warning',
    category: 'Network separation',
    guidance: [
      { section: "Network policies", page: 14, quote: "By default, no network policies are applied to Pods or namespaces, resulting in unrestricted ingress and egress traffic" },
      { section: "Namespaces", page: 13, quote: "Pods and services in different namespaces can still communicate with each other unless additional separation is enforced, such as network policies." },
    ],
    why: "A pod that no NetworkPolicy selects is not isolated: it accepts any connection and may open any, whatever policies its neighbours have.",
    remediation: "Add a default-deny NetworkPolicy to the namespace (it selects every pod), or a policy whose podSelector matches this workload's pod labels for both Ingress and Egress.",
    fix: { safety: 'review', description: "Appends a `default-deny-all` NetworkPolicy document for the namespace to the Namespace's file (else to this file)." },
    peers: ["kubescape C-0030", "kube-linter non-isolated-pod", "Checkov CKV2_K8S_6"],
    examples: { failing: NAMESPACE_WITHOUT_POLICIES, passing: NAMESPACE_WITH_POLICIES },
  },
  check() {
    // Judged by the workspace pass.
  },
});
