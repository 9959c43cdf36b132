import { testRule } from '../testing/rule-tester.js';
import rule from './no-pod-security-policy.js';

testRule(rule, {
  valid: [
    {
      name: 'Pod Security Admission labels on a Namespace',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
`,
    },
    {
      name: 'a ClusterRole that still names podsecuritypolicies is not a policy',
      yaml: `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: psp-user
rules:
  - apiGroups: ["policy"]
    resources: ["podsecuritypolicies"]
    verbs: ["use"]
    resourceNames: ["restricted"]
`,
    },
  ],
  invalid: [
    {
      name: 'a policy/v1beta1 PodSecurityPolicy: on the kind',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  runAsUser:
    rule: MustRunAsNonRoot
  seLinux:
    rule: RunAsAny
  supplementalGroups:
    rule: RunAsAny
  fsGroup:
    rule: RunAsAny
`,
      findings: [
        { line: 2, column: 7, text: 'PodSecurityPolicy', severity: 'information', message: 'PodSecurityPolicy `restricted` has no effect since Kubernetes 1.25' },
      ],
    },
    {
      name: 'the older extensions/v1beta1 apiVersion, without a name, after another document',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: legacy
---
apiVersion: extensions/v1beta1
kind: PodSecurityPolicy
spec: {privileged: true}
`,
      findings: [
        { line: 7, column: 7, text: 'PodSecurityPolicy', message: 'This PodSecurityPolicy has no effect' },
      ],
    },
    {
      name: 'each policy of a List',
      yaml: `apiVersion: v1
kind: List
items:
  - {apiVersion: policy/v1beta1, kind: PodSecurityPolicy, metadata: {name: a}, spec: {}}
  - {apiVersion: policy/v1beta1, kind: "PodSecurityPolicy", metadata: {name: b}, spec: {}}
`,
      findings: [
        { line: 4, column: 40, text: 'PodSecurityPolicy', message: 'PodSecurityPolicy `a`' },
        { line: 5, column: 40, text: '"PodSecurityPolicy"', message: 'PodSecurityPolicy `b`' },
      ],
    },
  ],
});
