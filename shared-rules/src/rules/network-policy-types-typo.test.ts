import { testRule } from '../testing/rule-tester.js';
import rule from './network-policy-types-typo.js';

testRule(rule, {
  valid: [
    {
      name: 'policyTypes spelled right, block and flow',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-all
  namespace: shop
spec:
  podSelector: {}
  policyTypes:
    - Ingress
    - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
`,
    },
    {
      name: 'a policyType key elsewhere (a label, a custom resource) is not the typo',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  policyType: strict
---
apiVersion: example.com/v1
kind: NetworkPolicy
metadata:
  name: custom
spec:
  policyType: allow-all
`,
    },
  ],
  invalid: [
    {
      name: 'the Appendix E default-deny ingress policy as printed',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all-ingress
spec:
  podSelector: {}
  policyType:
  - Ingress
`,
      findings: [
        {
          line: 7, column: 3, text: 'policyType', message: 'NetworkPolicy `deny-all-ingress` has `policyType`, a field Kubernetes does not know',
          fixes: [{
            title: 'Rename policyType to policyTypes',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all-ingress
spec:
  podSelector: {}
  policyTypes:
  - Ingress
`,
          }],
        },
      ],
    },
    {
      name: 'flow style with a quoted key: only the key text changes, quotes and comment stay',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all-egress, namespace: shop}
spec: {podSelector: {}, "policyType": [Egress]} # from the guidance
`,
      findings: [
        {
          line: 4, column: 25, text: '"policyType"',
          fixes: [{
            title: 'Rename policyType to policyTypes',
            output: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all-egress, namespace: shop}
spec: {podSelector: {}, "policyTypes": [Egress]} # from the guidance
`,
          }],
        },
      ],
    },
    {
      name: 'both keys present: renaming would duplicate the key, so no fix',
      yaml: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: both
spec:
  podSelector: {}
  policyTypes: [Ingress]
  policyType: [Egress]
`,
      findings: [
        { line: 8, column: 3, text: 'policyType', fixes: [] },
      ],
    },
    {
      name: 'an old extensions/v1beta1 policy with 4-space indentation and CRLF',
      yaml: `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata:
    name: legacy
spec:
    podSelector:
        matchLabels:
            app: db
    policyType:
        - Ingress
        - Egress
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 9, column: 5, text: 'policyType',
          fixes: [{
            title: 'Rename policyType to policyTypes',
            output: `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata:
    name: legacy
spec:
    podSelector:
        matchLabels:
            app: db
    policyTypes:
        - Ingress
        - Egress
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
