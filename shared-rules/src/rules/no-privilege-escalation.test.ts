import { testRule } from '../testing/rule-tester.js';
import rule from './no-privilege-escalation.js';

testRule(rule, {
  valid: [
    {
      name: 'every container and init container sets allowPrivilegeEscalation: false (block and flow)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: api:1.4
        securityContext: {allowPrivilegeEscalation: false}
      containers:
      - name: api
        image: api:1.4
        securityContext:
          allowPrivilegeEscalation: false
`,
    },
    {
      name: 'a Windows pod is not judged (the API server rejects the field there)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: iis
spec:
  template:
    spec:
      os:
        name: windows
      containers:
      - name: iis
        image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'no securityContext, in 4-space indentation: a new block in the same indentation',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    replicas: 3
    template:
        metadata:
            labels:
                app: api
        spec:
            containers:
                - name: api
                  image: api:2.3
                  ports:
                      - containerPort: 8080
`,
      findings: [
        {
          line: 13, column: 19, text: 'name', message: 'Container `api` does not set allowPrivilegeEscalation: false',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `api`',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
    name: api
spec:
    replicas: 3
    template:
        metadata:
            labels:
                app: api
        spec:
            containers:
                - name: api
                  image: api:2.3
                  ports:
                      - containerPort: 8080
                  securityContext:
                      allowPrivilegeEscalation: false
`,
          }],
        },
      ],
    },
    {
      name: 'a flow-style securityContext gets a flow-style addition',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    securityContext: {runAsUser: 1000}
`,
      findings: [
        {
          line: 7, column: 5, text: 'name',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `web`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    securityContext: {runAsUser: 1000, allowPrivilegeEscalation: false}
`,
          }],
        },
      ],
    },
    {
      name: 'allowPrivilegeEscalation: true is replaced in place, keeping the comment',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: legacy
spec:
  serviceName: legacy
  template:
    spec:
      containers:
      - name: legacy
        image: legacy:1
        securityContext:
          allowPrivilegeEscalation: true # uses su at start
`,
      findings: [
        {
          line: 13, column: 37, text: 'true', message: 'Container `legacy` allows privilege escalation',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `legacy`',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: legacy
spec:
  serviceName: legacy
  template:
    spec:
      containers:
      - name: legacy
        image: legacy:1
        securityContext:
          allowPrivilegeEscalation: false # uses su at start
`,
          }],
        },
      ],
    },
    {
      name: 'a privileged container gets no fix (the API server rejects false with privileged); its neighbour merges into its securityContext',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: csi-node
spec:
  template:
    spec:
      containers:
      - name: driver
        image: csi-driver:1.9
        securityContext:
          privileged: true
      - name: registrar
        image: csi-node-driver-registrar:v2.10.0
        securityContext:
          readOnlyRootFilesystem: true  # logs go to stdout
`,
      findings: [
        { line: 9, column: 9, text: 'name', message: 'Container `driver` does not set allowPrivilegeEscalation: false' },
        {
          line: 13, column: 9, text: 'name',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `registrar`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: csi-node
spec:
  template:
    spec:
      containers:
      - name: driver
        image: csi-driver:1.9
        securityContext:
          privileged: true
      - name: registrar
        image: csi-node-driver-registrar:v2.10.0
        securityContext:
          readOnlyRootFilesystem: true  # logs go to stdout
          allowPrivilegeEscalation: false
`,
          }],
        },
      ],
    },
    {
      name: 'a Job with CRLF line endings: an init container without a securityContext and a container with one',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait-db
          image: busybox:1.36
          command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
      containers:
        - name: migrate
          image: migrate:4
          securityContext:
            runAsNonRoot: true
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 10, column: 11, text: 'name', message: 'Init container `wait-db`',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in init container `wait-db`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait-db
          image: busybox:1.36
          command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
          securityContext:
            allowPrivilegeEscalation: false
      containers:
        - name: migrate
          image: migrate:4
          securityContext:
            runAsNonRoot: true
`.replace(/\n/g, '\r\n'),
          }],
        },
        {
          line: 14, column: 11, text: 'name',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `migrate`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
        - name: wait-db
          image: busybox:1.36
          command: ["sh", "-c", "until nc -z db 5432; do sleep 1; done"]
      containers:
        - name: migrate
          image: migrate:4
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'a securityContext key with only a comment: the setting goes under it, the comment stays on its line',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: tools
    image: tools:1
    securityContext: # hardened below
`,
      findings: [
        {
          line: 7, column: 5, text: 'name',
          fixes: [{
            title: 'Set allowPrivilegeEscalation: false in container `tools`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: tools
spec:
  containers:
  - name: tools
    image: tools:1
    securityContext: # hardened below
      allowPrivilegeEscalation: false
`,
          }],
        },
      ],
    },
  ],
});
