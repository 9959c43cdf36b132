import { testRule } from '../testing/rule-tester.js';
import rule from './audit-policy-levels.js';

testRule(rule, {
  valid: [
    {
      name: 'Appendix L (with its comment on its own line)',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: RequestResponse
# This audit policy logs all audit events at the RequestResponse level
`,
    },
    {
      name: 'a v1beta1 policy with the four levels',
      yaml: `apiVersion: audit.k8s.io/v1beta1
kind: Policy
omitStages:
  - RequestReceived
rules:
  - level: None
    users: ["system:kube-proxy"]
    verbs: ["watch"]
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets", "configmaps"]
  - level: Request
    resources:
      - group: ""
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata
`,
    },
    {
      name: 'the kube-scheduler Policy (apiVersion v1) is not an audit policy',
      yaml: `apiVersion: v1
kind: Policy
predicates:
  - name: PodFitsResources
priorities:
  - name: LeastRequestedPriority
    weight: 1
`,
    },
  ],
  invalid: [
    {
      name: 'misspelled levels: wrong case, a typo, an unknown word, a number',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: "RequestReponse"
    resources:
      - group: rbac.authorization.k8s.io
  - level: Full # everything
    verbs: ["delete"]
  - level: 1
`,
      findings: [
        {
          line: 4, column: 12, text: 'metadata', message: '`metadata` is not an audit level',
          fixes: [{
            title: 'Correct the level to Metadata',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: "RequestReponse"
    resources:
      - group: rbac.authorization.k8s.io
  - level: Full # everything
    verbs: ["delete"]
  - level: 1
`,
          }],
        },
        {
          line: 8, column: 12, text: '"RequestReponse"',
          fixes: [{
            title: 'Correct the level to RequestResponse',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: "RequestResponse"
    resources:
      - group: rbac.authorization.k8s.io
  - level: Full # everything
    verbs: ["delete"]
  - level: 1
`,
          }],
        },
        {
          line: 11, column: 12, text: 'Full', message: '`Full` is not an audit level',
          fixes: [{
            title: 'Set level: Metadata on this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: "RequestReponse"
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata # everything
    verbs: ["delete"]
  - level: 1
`,
          }],
        },
        {
          line: 13, column: 12, text: '1',
          fixes: [{
            title: 'Set level: Metadata on this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: "RequestReponse"
    resources:
      - group: rbac.authorization.k8s.io
  - level: Full # everything
    verbs: ["delete"]
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'a rule without level, and one with an empty level, in a multi-document file',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: audit
data:
  enabled: "true"
---
apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - resources:
      - group: ""
        resources: ["pods/exec", "pods/attach"]
    verbs: ["create", "get"]
  - level:   # decide later
    userGroups: ["system:serviceaccounts"]
  - level: Metadata
`,
      findings: [
        {
          line: 11, column: 5, text: 'resources', message: 'has no `level`',
          fixes: [{
            title: 'Set level: Metadata on this rule',
            output: `apiVersion: v1
kind: ConfigMap
metadata:
  name: audit
data:
  enabled: "true"
---
apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - resources:
      - group: ""
        resources: ["pods/exec", "pods/attach"]
    verbs: ["create", "get"]
    level: Metadata
  - level:   # decide later
    userGroups: ["system:serviceaccounts"]
  - level: Metadata
`,
          }],
        },
        {
          line: 15, column: 5, text: 'level', message: 'has no `level`',
          fixes: [{
            title: 'Set level: Metadata on this rule',
            output: `apiVersion: v1
kind: ConfigMap
metadata:
  name: audit
data:
  enabled: "true"
---
apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - resources:
      - group: ""
        resources: ["pods/exec", "pods/attach"]
    verbs: ["create", "get"]
  - level: Metadata   # decide later
    userGroups: ["system:serviceaccounts"]
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'a policy without rules: the fix adds a first rule in the document\'s style',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - RequestReceived
`,
      findings: [
        {
          line: 2, column: 1, text: 'kind', message: 'This audit policy has no rules',
          fixes: [{
            title: 'Add a rule logging every request at Metadata',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - RequestReceived
rules:
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'an empty flow list of rules (v1alpha1)',
      yaml: `apiVersion: audit.k8s.io/v1alpha1
kind: Policy
rules: []
`,
      findings: [
        {
          line: 3, column: 1, text: 'rules',
          fixes: [{
            title: 'Add a rule logging every request at Metadata',
            output: `apiVersion: audit.k8s.io/v1alpha1
kind: Policy
rules: [{level: Metadata}]
`,
          }],
        },
      ],
    },
    {
      name: 'a rule written as a bare level',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - Metadata
`,
      findings: [{ line: 4, column: 5, text: 'Metadata', message: 'must be a map with a `level`' }],
    },
  ],
});
