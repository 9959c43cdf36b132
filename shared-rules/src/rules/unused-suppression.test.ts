import { testRule } from '../testing/rule-tester.js';
import { RULES } from './index.js';
import rule from './unused-suppression.js';

testRule(rule, {
  withRules: RULES,
  valid: [
    {
      name: 'a next-line directive that silences a finding',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  # kube-hardening-disable-next-line no-host-pid -- the profiler reads other processes
  hostPID: true
  containers: []
`,
    },
    {
      name: 'a container-scoped annotation that silences that container’s finding',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: agent
  annotations:
    kube-hardening.io/ignore.agent: "no-privileged"
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent:1
          securityContext:
            privileged: true
`,
    },
  ],
  invalid: [
    {
      name: 'an unknown id in a directive: the fix removes just that id',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  # kube-hardening-disable-next-line no-host-pid, no-such-rule -- reason
  hostPID: true
  containers: []
`,
      findings: [
        {
          line: 6, column: 51, text: 'no-such-rule', message: 'Unknown rule id `no-such-rule`',
          fixes: [{
            title: 'Remove `no-such-rule` from the suppression',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  # kube-hardening-disable-next-line no-host-pid -- reason
  hostPID: true
  containers: []
`,
          }],
        },
      ],
    },
    {
      name: 'a directive that suppresses nothing: the fix removes the line',
      yaml: `apiVersion: v1\r
kind: Pod\r
metadata:\r
  name: quiet\r
spec:\r
  # kube-hardening-disable-next-line no-host-network -- not needed any more\r
  hostPID: false\r
  containers: []\r
`,
      findings: [
        {
          line: 6, column: 38, text: 'no-host-network', message: 'suppresses nothing',
          fixes: [{
            title: 'Remove the suppression',
            output: `apiVersion: v1\r
kind: Pod\r
metadata:\r
  name: quiet\r
spec:\r
  hostPID: false\r
  containers: []\r
`,
          }],
        },
      ],
    },
    {
      name: 'an ignore annotation naming a rule that finds nothing: the fix removes the annotation',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team: storefront
    kube-hardening.io/ignore: "no-host-network,no-privileged"
spec:
  template:
    spec:
      hostNetwork: true
      containers: []
`,
      findings: [
        {
          line: 7, column: 48, text: 'no-privileged', message: 'suppresses nothing',
          fixes: [{
            title: 'Remove `no-privileged` from the suppression',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
    team: storefront
    kube-hardening.io/ignore: "no-host-network"
spec:
  template:
    spec:
      hostNetwork: true
      containers: []
`,
          }],
        },
      ],
    },
    {
      name: 'a whole-document directive below the content is misplaced',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: p
# kube-hardening-disable no-host-ipc
spec:
  hostIPC: true
  containers: []
`,
      findings: [
        {
          line: 5, column: 1, text: '# kube-hardening-disable no-host-ipc', message: 'only works among the comments at the top',
          fixes: [{
            title: 'Remove the suppression',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostIPC: true
  containers: []
`,
          }],
        },
      ],
    },
  ],
});
