import { testRule } from '../testing/rule-tester.js';
import rule from './audit-policy-catch-all.js';

testRule(rule, {
  valid: [
    {
      name: 'Appendix L: one rule that logs everything',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: RequestResponse
`,
    },
    {
      name: 'quiet rules first, a Metadata catch-all last (omitStages is not a selector)',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-proxy"]
    verbs: ["watch"]
    resources:
      - group: ""
        resources: ["endpoints", "services"]
  - level: None
    nonResourceURLs:
      - /healthz*
      - /version
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata
    omitStages:
      - RequestReceived
`,
    },
    {
      name: 'an empty selector list selects everything: the rule is a catch-all',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Request
    verbs: []
    users: []
`,
    },
  ],
  invalid: [
    {
      name: 'every rule has a selector: the fix appends a catch-all',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  # writes to RBAC in full
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata
    verbs: ["create", "update", "patch", "delete"]
`,
      findings: [
        {
          line: 3, column: 1, text: 'rules', message: 'Every rule of this audit policy has a selector',
          fixes: [{
            title: 'Append a catch-all rule: - level: Metadata',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  # writes to RBAC in full
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
  - level: Metadata
    verbs: ["create", "update", "patch", "delete"]
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'the first rule without a selector is level None: everything else goes unlogged, later rules are unreachable',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: RequestResponse
  resources:
  - group: ""
    resources: ["pods/exec"]
- level: None
- level: Metadata
  resources:
  - group: apps
`,
      findings: [
        {
          line: 8, column: 10, text: 'None', message: 'The catch-all rule of this audit policy is `level: None`',
          fixes: [{
            title: 'Log the requests no other rule matches at Metadata',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: RequestResponse
  resources:
  - group: ""
    resources: ["pods/exec"]
- level: Metadata
- level: Metadata
  resources:
  - group: apps
`,
          }],
        },
      ],
    },
    {
      name: 'flow style with CRLF, second document of a file',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: audit-policy, namespace: kube-system}
---
apiVersion: audit.k8s.io/v1
kind: Policy
rules: [{level: Request, resources: [{group: ""}]}, {level: None, nonResourceURLs: ["/metrics"]}]
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 7, column: 1, text: 'rules',
          fixes: [{
            title: 'Append a catch-all rule: - level: Metadata',
            output: `apiVersion: v1
kind: ConfigMap
metadata: {name: audit-policy, namespace: kube-system}
---
apiVersion: audit.k8s.io/v1
kind: Policy
rules: [{level: Request, resources: [{group: ""}]}, {level: None, nonResourceURLs: ["/metrics"]}, {level: Metadata}]
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
