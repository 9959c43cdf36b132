// A cross-document rule: its findings are computed by the workspace pass (workspace/cross.ts) from the facts of
// every file in the workspace, so that editing a NetworkPolicy, ServiceAccount or LimitRange re-judges the
// documents that depend on it without re-parsing them. This file holds the rule's metadata.
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
