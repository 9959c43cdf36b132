import { testRule } from '../testing/rule-tester.js';
import rule from './run-as-non-root-group.js';

testRule(rule, {
  valid: [
    {
      name: 'non-zero runAsGroup, fsGroup and supplementalGroups at pod level',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsUser: 1000
        runAsGroup: 3000
        fsGroup: 2000
        supplementalGroups: [4000, 4001]
      containers:
        - name: web
          image: nginx:1.25
`,
    },
    {
      name: 'a pod-level runAsGroup 0 that the only container overrides is not effective anywhere',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  securityContext:
    runAsGroup: 0
  containers:
  - name: app
    image: app:1
    securityContext:
      runAsGroup: 1000
`,
    },
    {
      name: 'nothing set: only values that are written are judged',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: once
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: once
        image: once:1
`,
    },
  ],
  invalid: [
    {
      name: 'a pod-level runAsGroup 0 fires on each container that inherits it, not on the one that overrides it',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: trio
spec:
  securityContext:
    runAsUser: 1000
    runAsGroup: 0
  containers:
  - name: a
    image: a:1
  - name: b
    image: b:1
    securityContext:
      runAsGroup: 2000
  - name: c
    image: c:1
`,
      findings: [
        { line: 8, column: 17, text: '0', message: 'Container `a` runs with the root group: runAsGroup is 0 (inherited from the pod)' },
        { line: 8, column: 17, text: '0', message: 'Container `c` runs with the root group' },
      ],
    },
    {
      name: 'fsGroup 0 and a 0 in a flow supplementalGroups list of a StatefulSet',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      securityContext: {runAsUser: 999, fsGroup: 0, supplementalGroups: [1000, 0]}
      containers:
      - name: db
        image: postgres:16
`,
      findings: [
        { line: 9, column: 50, text: '0', message: 'fsGroup: 0' },
        { line: 9, column: 80, text: '0', message: 'supplementalGroups' },
      ],
    },
    {
      name: 'an init container of a CronJob that sets runAsGroup 0 itself',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: chown
              image: busybox:1.36
              securityContext:
                runAsGroup: 0 # needs to chown the volume
          containers:
            - name: backup
              image: backup:3
`,
      findings: [
        { line: 16, column: 29, text: '0', message: /^Init container `chown` runs with the root group: runAsGroup is 0\.$/ },
      ],
    },
    {
      name: 'a block supplementalGroups list in a ReplicaSet inside a kind: List',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: apps/v1
  kind: ReplicaSet
  metadata:
    name: worker
  spec:
    template:
      spec:
        securityContext:
          supplementalGroups:
          - 0
          - 5000
        containers:
        - name: worker
          image: worker:2
`,
      findings: [
        { line: 13, column: 13, text: '0' },
      ],
    },
  ],
});
