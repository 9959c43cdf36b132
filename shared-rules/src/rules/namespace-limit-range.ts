// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
import { NAMESPACE_WITH_POLICIES, NAMESPACE_WITHOUT_POLICIES } from '../doc-examples.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'namespace-limit-range',
    title: "Namespaces with workloads should have a LimitRange with container defaults",
    severity: 'information',
    category: 'Network separation',
    guidance: [
      { section: "Resource policies", page: 14, quote: "In addition to network policies, LimitRange and ResourceQuota are two policies that can limit resource usage for namespaces or nodes." },
      { section: "Appendix F: Example LimitRange", page: 40, quote: "After this example LimitRange configuration is applied, all containers created in the namespace are assigned the default CPU request and limit if not specified." },
    ],
    why: "A LimitRange gives every container that forgets its requests and limits sane defaults, so one unbounded pod cannot take a node's CPU and memory.",
    remediation: "Add a LimitRange with a `type: Container` limit that sets `default` and `defaultRequest` for cpu and memory.",
    fix: { safety: 'review', description: "Appends a LimitRange document with placeholder defaults (marked `# TODO: size`) for the namespace." },
    peers: ["Trivy KSV039"],
    examples: { failing: NAMESPACE_WITHOUT_POLICIES, passing: NAMESPACE_WITH_POLICIES },
  },
  check() {
    // Judged by the workspace pass.
  },
});
