// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
import { NAMESPACE_WITH_POLICIES, NAMESPACE_WITHOUT_POLICIES } from '../doc-examples.js';
import { defineRule } from '../rule.js';

export default defineRule({
  meta: {
    id: 'namespace-resource-quota',
    title: "Namespaces with workloads should have a ResourceQuota for CPU and memory",
    severity: 'information',
    category: 'Network separation',
    guidance: [
      { section: "Resource policies", page: 14, quote: "In addition to network policies, LimitRange and ResourceQuota are two policies that can limit resource usage for namespaces or nodes." },
      { section: "Appendix G: Example ResourceQuota", page: 41, quote: "ResourceQuota objects to limit aggregate resource usage within a namespace are created by applying a YAML file to a namespace" },
    ],
    why: "A ResourceQuota caps what a whole namespace can use, so a compromised or runaway team cannot exhaust the cluster (crypto miners scale out when they can).",
    remediation: "Add a ResourceQuota whose `hard` bounds `requests.cpu`, `requests.memory`, `limits.cpu` and `limits.memory`.",
    fix: { safety: 'review', description: "Appends a ResourceQuota document with placeholder bounds (marked `# TODO: size`) for the namespace." },
    peers: ["Trivy KSV040"],
    examples: { failing: NAMESPACE_WITHOUT_POLICIES, passing: NAMESPACE_WITH_POLICIES },
  },
  check() {
    // Judged by the workspace pass.
  },
});
