import { testRule } from '../testing/rule-tester.js';
import rule from './audit-policy-secret-payloads.js';

testRule(rule, {
  valid: [
    {
      name: 'the Kubernetes example style: sensitive resources at Metadata first, then bodies for the rest',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
omitStages:
  - RequestReceived
rules:
  # Secrets, ConfigMaps and TokenReviews can contain sensitive data: metadata only.
  - level: Metadata
    resources:
      - group: "" # core
        resources: ["secrets", "configmaps"]
      - group: authentication.k8s.io
        resources: ["tokenreviews"]
  - level: Request
    verbs: ["create", "update", "patch"]
    resources:
      - group: ""
      - group: apps
  - level: RequestResponse
`,
    },
    {
      name: 'bodies only for groups that hold no secrets, for non-resource URLs, and for cluster-scoped core resources',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: RequestResponse
    resources:
      - group: rbac.authorization.k8s.io
      - group: apps
        resources: ["deployments", "daemonsets"]
  - level: RequestResponse
    nonResourceURLs: ["/apis*", "/api*"]
  - level: Request
    namespaces: [""]
    resources:
      - group: ""
  - level: Metadata
`,
    },
    {
      name: 'an earlier None rule catches the sensitive resources (first match wins)',
      yaml: `apiVersion: audit.k8s.io/v1beta1
kind: Policy
rules:
  - level: None
    resources:
      - group: ""
        resources: ["secrets/*", "configmaps"]
      - group: authentication.k8s.io
  - level: RequestResponse
`,
    },
  ],
  invalid: [
    {
      name: 'Appendix L: everything at RequestResponse; the fix puts a Metadata rule for the three first',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: RequestResponse
# This audit policy logs all audit events at the RequestResponse level
`,
      findings: [
        {
          line: 4, column: 10, text: 'RequestResponse',
          message: 'This rule logs request and response bodies of `secrets`, `configmaps` and `tokenreviews` at RequestResponse',
          fixes: [{
            title: 'Log secrets, configmaps and tokenreviews at Metadata before this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
- level: Metadata
  resources:
  - group: ""
    resources:
    - secrets
    - configmaps
  - group: authentication.k8s.io
    resources:
    - tokenreviews
- level: RequestResponse
# This audit policy logs all audit events at the RequestResponse level
`,
          }],
        },
      ],
    },
    {
      name: 'earlier rules cover secrets for everyone but configmaps for one user only: the new rule keeps the verbs and goes above the comment',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-controller-manager"]
    resources:
      - group: ""
        resources: ["configmaps"]
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets"]
  # core resources with their request bodies
  - level: Request
    verbs: ["create", "update", "patch"]
    resources:
      - group: ""
  - level: Metadata
`,
      findings: [
        {
          line: 14, column: 12, text: 'Request', message: 'This rule logs request bodies of `configmaps` at Request',
          fixes: [{
            title: 'Log configmaps at Metadata before this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    users: ["system:kube-controller-manager"]
    resources:
      - group: ""
        resources: ["configmaps"]
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets"]
  - level: Metadata
    verbs:
      - create
      - update
      - patch
    resources:
      - group: ""
        resources:
          - configmaps
  # core resources with their request bodies
  - level: Request
    verbs: ["create", "update", "patch"]
    resources:
      - group: ""
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'a rule for secrets and configmaps alone: the fix lowers it',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: RequestResponse
    resources:
      - group: ""
        resources: ["secrets", "configmaps"]
  - level: Metadata
`,
      findings: [
        {
          line: 4, column: 12, text: 'RequestResponse',
          fixes: [{
            title: 'Log this rule at Metadata',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: Metadata
    resources:
      - group: ""
        resources: ["secrets", "configmaps"]
  - level: Metadata
`,
          }],
        },
      ],
    },
    {
      name: 'flow style, wildcards secrets/* and *, in kube-system only (so no tokenreviews, which are cluster-scoped)',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules: [{level: Request, namespaces: [kube-system], resources: [{group: authentication.k8s.io, resources: ["*"]}, {group: "", resources: ["secrets/*"]}]}, {level: Metadata}]
`,
      findings: [
        {
          line: 3, column: 17, text: 'Request', message: 'request bodies of `secrets` at Request',
          fixes: [{
            title: 'Log secrets at Metadata before this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules: [{level: Metadata, namespaces: [kube-system], resources: [{group: "", resources: [secrets]}]}, {level: Request, namespaces: [kube-system], resources: [{group: authentication.k8s.io, resources: ["*"]}, {group: "", resources: ["secrets/*"]}]}, {level: Metadata}]
`,
          }],
        },
      ],
    },
    {
      name: 'an earlier None rule for read verbs only does not cover writes; a rule naming objects gets no fix',
      yaml: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    verbs: ["get", "list", "watch"]
    resources:
      - group: ""
  - level: RequestResponse
    resources:
      - group: ""
        resources: ["configmaps", "pods"]
        resourceNames: ["app-config"]
  - level: RequestResponse
`,
      findings: [
        { line: 8, column: 12, text: 'RequestResponse', message: 'bodies of `configmaps` at RequestResponse' },
        {
          line: 13, column: 12, text: 'RequestResponse', message: 'bodies of `secrets`, `configmaps` and `tokenreviews`',
          fixes: [{
            title: 'Log secrets, configmaps and tokenreviews at Metadata before this rule',
            output: `apiVersion: audit.k8s.io/v1
kind: Policy
rules:
  - level: None
    verbs: ["get", "list", "watch"]
    resources:
      - group: ""
  - level: RequestResponse
    resources:
      - group: ""
        resources: ["configmaps", "pods"]
        resourceNames: ["app-config"]
  - level: Metadata
    resources:
      - group: ""
        resources:
          - secrets
          - configmaps
      - group: authentication.k8s.io
        resources:
          - tokenreviews
  - level: RequestResponse
`,
          }],
        },
      ],
    },
  ],
});
