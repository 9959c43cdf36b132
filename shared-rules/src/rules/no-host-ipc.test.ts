import { testRule } from '../testing/rule-tester.js';
import rule from './no-host-ipc.js';

testRule(rule, {
  valid: [
    {
      name: 'hostIPC: false on a Deployment',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cache
spec:
  template:
    spec:
      hostIPC: false
      containers:
      - name: cache
        image: redis:7.2
`,
    },
    {
      name: 'hostIPC in a PodSecurityPolicy is not a pod spec (psp-restricted judges it)',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: legacy
spec:
  hostIPC: true
  seLinux:
    rule: RunAsAny
`,
    },
  ],
  invalid: [
    {
      name: 'a Pod with a flow-style pod spec: the last entry and the comma before it go',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: shm
spec: {containers: [{name: shm, image: "shm:1"}], hostIPC: true}
`,
      findings: [
        {
          line: 5, column: 60, text: 'true', severity: 'error', message: 'hostIPC: true',
          fixes: [{
            title: 'Remove hostIPC from the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: shm
spec: {containers: [{name: shm, image: "shm:1"}]}
`,
          }],
        },
      ],
    },
    {
      name: 'a Job whose pod template has hostIPC; the comment on the next line survives',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: bench
spec:
  template:
    spec:
      restartPolicy: Never
      hostIPC: true
      # shared memory benchmark
      containers:
        - name: bench
          image: bench:2
`,
      findings: [
        {
          line: 9, column: 16, text: 'true',
          fixes: [{
            title: 'Remove hostIPC from the pod',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: bench
spec:
  template:
    spec:
      restartPolicy: Never
      # shared memory benchmark
      containers:
        - name: bench
          image: bench:2
`,
          }],
        },
      ],
    },
    {
      name: 'an OpenShift DeploymentConfig with CRLF line endings',
      yaml: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: legacy
spec:
  template:
    spec:
      hostIPC: true
      containers:
      - name: legacy
        image: legacy:1
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 8, column: 16, text: 'true',
          fixes: [{
            title: 'Remove hostIPC from the pod',
            output: `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: legacy
spec:
  template:
    spec:
      containers:
      - name: legacy
        image: legacy:1
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
