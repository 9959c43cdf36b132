import { testRule } from '../testing/rule-tester.js';
import rule from './audit-policy-anonymous.js';

testRule(rule, {
  valid: [
    {
      name: 'only the unauthenticated health probes are dropped',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    userGroups: ["system:unauthenticated"]
    nonResourceURLs:
      - /healthz*
      - /livez
      - /readyz
      - /version
  - level: Metadata
`,
    },
    {
      name: 'anonymous requests logged at Metadata; None only for the kube-proxy watches',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-proxy"]
    verbs: ["watch"]
  - level: Metadata
    users: ["system:anonymous"]
    userGroups: ["system:unauthenticated"]
  - level: None
    userGroups: ["system:nodes"]
    verbs: ["get"]
  - level: Metadata
`,
    },
  ],
  invalid: [
    {
      name: 'the unauthenticated group dropped everywhere',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    userGroups: ["system:unauthenticated"]
  - level: Metadata
`,
      findings: [{ line: 5, column: 18, text: '"system:unauthenticated"', message: 'This rule drops (level None) requests of `system:unauthenticated`' }],
    },
    {
      name: 'both the anonymous user and the unauthenticated group: one finding, on the first',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: None
  userGroups:
  - system:unauthenticated
  users:
  - system:anonymous
- level: RequestResponse
`,
      findings: [{ line: 6, column: 5, text: 'system:unauthenticated', message: '`system:anonymous` and `system:unauthenticated`' }],
    },
    {
      name: 'more than health probes (metrics, discovery), v1beta1 in flow style, second document',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: audit, namespace: kube-system}
---
apiVersion: audit.k8s.io/v1beta1
kind: Policy
rules: [{level: None, users: [system:anonymous], nonResourceURLs: [/healthz, /metrics, /apis*]}, {level: Metadata}]
`,
      findings: [{ line: 7, column: 31, text: 'system:anonymous' }],
    },
  ],
});
