import { testRule } from '../testing/rule-tester.js';
import rule from './no-host-pid.js';

testRule(rule, {
  valid: [
    {
      name: 'sharing the process namespace between containers of the pod is not the host PID namespace',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  shareProcessNamespace: true
  containers:
  - name: app
    image: app:1
  - name: shell
    image: busybox:1.36
`,
    },
    {
      name: 'hostPID: false on a CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: audit
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: false
          containers:
          - name: audit
            image: audit:1
`,
    },
  ],
  invalid: [
    {
      name: 'a node exporter DaemonSet with non-indented sequences',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      hostPID: true
      containers:
      - name: node-exporter
        image: prom/node-exporter:v1.8.0
        args:
        - --path.procfs=/host/proc
`,
      findings: [
        {
          line: 11, column: 16, text: 'true', severity: 'error', message: 'every process on the node',
          fixes: [{
            title: 'Remove hostPID from the pod',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-exporter
spec:
  template:
    metadata:
      labels:
        app: node-exporter
    spec:
      containers:
      - name: node-exporter
        image: prom/node-exporter:v1.8.0
        args:
        - --path.procfs=/host/proc
`,
          }],
        },
      ],
    },
    {
      name: 'a Pod in 4-space indentation, hostPID between two other keys',
      yaml: `apiVersion: v1
kind: Pod
metadata:
    name: nsenter
spec:
    nodeName: worker-1
    hostPID: true
    containers:
        - name: nsenter
          image: alpine:3.20
          command: ["nsenter", "--target", "1", "--mount", "--", "sh"]
`,
      findings: [
        {
          line: 7, column: 14, text: 'true',
          fixes: [{
            title: 'Remove hostPID from the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
    name: nsenter
spec:
    nodeName: worker-1
    containers:
        - name: nsenter
          image: alpine:3.20
          command: ["nsenter", "--target", "1", "--mount", "--", "sh"]
`,
          }],
        },
      ],
    },
    {
      name: 'a StatefulSet with CRLF line endings, hostPID as the last key of the pod spec',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: tracer
spec:
  serviceName: tracer
  template:
    spec:
      containers:
        - name: tracer
          image: tracer:0.9
      hostPID: true
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 12, column: 16, text: 'true',
          fixes: [{
            title: 'Remove hostPID from the pod',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: tracer
spec:
  serviceName: tracer
  template:
    spec:
      containers:
        - name: tracer
          image: tracer:0.9
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
