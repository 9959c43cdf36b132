import { testRule } from '../testing/rule-tester.js';
import rule from './pod-security-admission.js';

testRule(rule, {
  valid: [
    {
      name: 'restricted and baseline are enforced levels',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
---
apiVersion: v1
kind: Namespace
metadata:
  name: legacy
  labels: {pod-security.kubernetes.io/enforce: baseline, pod-security.kubernetes.io/warn: restricted}
`,
    },
    {
      name: 'kube-system runs the control plane: privileged (written or implied) is expected there',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
  labels:
    pod-security.kubernetes.io/enforce: privileged
---
apiVersion: v1
kind: Namespace
metadata:
  name: kube-system
`,
    },
    {
      name: 'other kinds with the same labels are not judged',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  level: privileged
`,
    },
  ],
  invalid: [
    {
      name: 'no labels at all: on metadata:, the fix adds the four labels',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
`,
      findings: [
        {
          line: 3, column: 1, text: 'metadata', message: 'Namespace `shop` enforces no Pod Security Standard',
          fixes: [{
            title: 'Enforce the restricted Pod Security Standard on Namespace `shop`',
            output: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted
`,
          }],
        },
      ],
    },
    {
      name: 'privileged enforced: on the value; the fix replaces it and keeps an existing warn level',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: payments
    pod-security.kubernetes.io/enforce: privileged # for now
    pod-security.kubernetes.io/warn: baseline
`,
      findings: [
        {
          line: 7, column: 41, text: 'privileged', message: 'Namespace `shop` enforces the privileged Pod Security Standard',
          fixes: [{
            title: 'Enforce the restricted Pod Security Standard on Namespace `shop`',
            output: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    team: payments
    pod-security.kubernetes.io/enforce: restricted # for now
    pod-security.kubernetes.io/warn: baseline
    pod-security.kubernetes.io/enforce-version: latest
    pod-security.kubernetes.io/audit: restricted
`,
          }],
        },
      ],
    },
    {
      name: 'flow labels without the enforce label: on labels, merged in flow style',
      yaml: `apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web}}
`,
      findings: [
        {
          line: 3, column: 23, text: 'labels',
          fixes: [{
            title: 'Enforce the restricted Pod Security Standard on Namespace `web`',
            output: `apiVersion: v1
kind: Namespace
metadata: {name: web, labels: {team: web, pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: latest, pod-security.kubernetes.io/warn: restricted, pod-security.kubernetes.io/audit: restricted}}
`,
          }],
        },
      ],
    },
    {
      name: 'levels are case-sensitive: "Restricted" is no level; the quoted value stays quoted',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: batch
  labels:
    "pod-security.kubernetes.io/enforce": "Restricted"
    pod-security.kubernetes.io/enforce-version: v1.30
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted
`,
      findings: [
        {
          line: 6, column: 43, text: '"Restricted"', message: 'sets pod-security.kubernetes.io/enforce to `Restricted`, which is not a Pod Security Standard level',
          fixes: [{
            title: 'Enforce the restricted Pod Security Standard on Namespace `batch`',
            output: `apiVersion: v1
kind: Namespace
metadata:
  name: batch
  labels:
    "pod-security.kubernetes.io/enforce": "restricted"
    pod-security.kubernetes.io/enforce-version: v1.30
    pod-security.kubernetes.io/warn: restricted
    pod-security.kubernetes.io/audit: restricted
`,
          }],
        },
      ],
    },
    {
      name: 'an empty labels key, in a 4-space document with CRLF line endings',
      yaml: `apiVersion: v1
kind: Namespace
metadata:
    name: ci
    labels:
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 5, column: 5, text: 'labels',
          fixes: [{
            title: 'Enforce the restricted Pod Security Standard on Namespace `ci`',
            output: `apiVersion: v1
kind: Namespace
metadata:
    name: ci
    labels:
        pod-security.kubernetes.io/enforce: restricted
        pod-security.kubernetes.io/enforce-version: latest
        pod-security.kubernetes.io/warn: restricted
        pod-security.kubernetes.io/audit: restricted
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
