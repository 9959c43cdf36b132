import { testRule } from '../testing/rule-tester.js';
import rule from './run-as-non-root.js';

testRule(rule, {
  valid: [
    {
      name: 'pod-level runAsNonRoot is inherited by every container',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext:
    runAsNonRoot: true
  containers:
    - name: web
      image: nginx:1.25
    - name: sidecar
      image: envoy:1.30
`,
    },
    {
      name: 'a non-zero runAsUser on the container, inside a CronJob',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: report
            image: report:2.1
            securityContext:
              runAsUser: 1000
`,
    },
    {
      name: 'objects that run no Pods are not judged',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  a: b
`,
    },
  ],
  invalid: [
    {
      name: 'no setting anywhere: the fix goes to the pod',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web # the app
          image: nginx:1.25
`,
      findings: [
        {
          line: 9, column: 11, text: 'name', message: 'Container `web` may run as root',
          fixes: [{
            title: 'Set runAsNonRoot: true for the pod',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web # the app
          image: nginx:1.25
      securityContext:
        runAsNonRoot: true
`,
          }],
        },
      ],
    },
    {
      name: 'runAsUser 0 inherited from the pod is an error on each container, with no automatic fix',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: root
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 0
  containers:
  - name: a
    image: a:1
  - name: b
    image: b:1
`,
      findings: [
        { line: 8, column: 16, text: '0', severity: 'error', message: 'runAsUser is 0 (inherited from the pod)' },
        { line: 8, column: 16, text: '0', severity: 'error', message: 'Container `b` runs as root' },
      ],
    },
    {
      name: 'a container overriding runAsNonRoot: false is fixed in place, in flow style',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: mixed}
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: ok
    image: a:1
  - name: bad
    image: b:1
    securityContext: {runAsNonRoot: false, readOnlyRootFilesystem: true}
`,
      findings: [
        {
          line: 11, column: 37, text: 'false', message: 'sets runAsNonRoot: false',
          fixes: [{
            title: 'Set runAsNonRoot: true in container `bad`',
            output: `apiVersion: v1
kind: Pod
metadata: {name: mixed}
spec:
  securityContext: {runAsNonRoot: true}
  containers:
  - name: ok
    image: a:1
  - name: bad
    image: b:1
    securityContext: {runAsNonRoot: true, readOnlyRootFilesystem: true}
`,
          }],
        },
      ],
    },
    {
      name: 'one container sets it, the other does not: the fix goes to that container, merging into its securityContext',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: db
        image: postgres:16
        securityContext:
          runAsNonRoot: true
      - name: exporter
        image: exporter:1
        securityContext:
          allowPrivilegeEscalation: false
`,
      findings: [
        {
          line: 13, column: 9, text: 'name', message: 'Container `exporter` may run as root',
          fixes: [{
            title: 'Set runAsNonRoot: true in container `exporter`',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  template:
    spec:
      containers:
      - name: db
        image: postgres:16
        securityContext:
          runAsNonRoot: true
      - name: exporter
        image: exporter:1
        securityContext:
          allowPrivilegeEscalation: false
          runAsNonRoot: true
`,
          }],
        },
      ],
    },
    {
      name: 'hostUsers: false lowers the finding to information',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: userns
spec:
  hostUsers: false
  containers:
  - name: app
    image: app:1
`,
      findings: [
        {
          line: 8, column: 5, text: 'name', severity: 'information', message: 'hostUsers: false',
          fixes: [{
            title: 'Set runAsNonRoot: true for the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: userns
spec:
  hostUsers: false
  containers:
  - name: app
    image: app:1
  securityContext:
    runAsNonRoot: true
`,
          }],
        },
      ],
    },
  ],
});
