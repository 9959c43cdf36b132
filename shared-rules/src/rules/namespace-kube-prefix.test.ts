import { testRule } from '../testing/rule-tester.js';
import rule from './namespace-kube-prefix.js';

testRule(rule, {
  valid: [
    {
      name: 'the three system namespaces themselves',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-public
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-node-lease
`,
    },
    {
      name: 'names that only contain kube, and objects of other kinds named kube-*',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: kubeflow
---
apiVersion: v1
kind: Namespace
metadata:
  name: my-kube-tools
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: kube-root-ca.crt
  namespace: shop
`,
    },
  ],
  invalid: [
    {
      name: 'kube-monitoring: on the name',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-monitoring
  labels:
    pod-security.kubernetes.io/enforce: baseline
`,
      findings: [
        { line: 4, column: 9, text: 'kube-monitoring', message: 'Namespace `kube-monitoring` uses the kube- prefix reserved' },
      ],
    },
    {
      name: 'flow metadata with a quoted name',
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: "kube-tools"}
`,
      findings: [
        { line: 3, column: 18, text: '"kube-tools"', message: 'Namespace `kube-tools`' },
      ],
    },
    {
      name: 'each Namespace of a List',
      yaml: `apiVersion: v1
kind: NamespaceList
items:
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: kube-addons
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: kube-system
`,
      findings: [
        { line: 7, column: 13, text: 'kube-addons' },
      ],
    },
  ],
});
