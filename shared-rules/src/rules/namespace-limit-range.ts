// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
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
    examples: {
      failing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
`,
      passing: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.cpu: "8"
    limits.memory: 16Gi
`,
    },
  },
  check() {
    // Judged by the workspace pass.
  },
});
