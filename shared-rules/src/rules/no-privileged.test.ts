import { testRule } from '../testing/rule-tester.js';
import rule from './no-privileged.js';

testRule(rule, {
  valid: [
    {
      name: 'privileged: false, and a container without a securityContext',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          securityContext:
            privileged: false
        - name: sidecar
          image: envoy:1.30
`,
    },
    {
      name: 'a DaemonSet that adds one capability instead of running privileged',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: kube-proxy
spec:
  template:
    spec:
      containers:
      - name: kube-proxy
        image: registry.k8s.io/kube-proxy:v1.30.0
        securityContext:
          capabilities:
            add: [NET_ADMIN]
`,
    },
    {
      name: 'privileged: true outside a pod spec is not judged',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: notes
data:
  securityContext: |
    privileged: true
`,
    },
  ],
  invalid: [
    {
      name: 'a privileged DaemonSet container: the value is replaced, the comment stays',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  template:
    spec:
      containers:
      - name: agent
        image: agent:2.0
        securityContext:
          privileged: true # needed for iptables
`,
      findings: [
        {
          line: 12, column: 23, text: 'true', message: 'Container `agent` is privileged',
          fixes: [{
            title: 'Set privileged: false in container `agent`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  template:
    spec:
      containers:
      - name: agent
        image: agent:2.0
        securityContext:
          privileged: false # needed for iptables
`,
          }],
        },
      ],
    },
    {
      name: 'flow-style securityContext on a Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers:
  - name: shell
    image: busybox:1.36
    securityContext: {privileged: true, runAsUser: 1000}
`,
      findings: [
        {
          line: 8, column: 35, text: 'true',
          fixes: [{
            title: 'Set privileged: false in container `shell`',
            output: `apiVersion: v1
kind: Pod
metadata: {name: debug}
spec:
  containers:
  - name: shell
    image: busybox:1.36
    securityContext: {privileged: false, runAsUser: 1000}
`,
          }],
        },
      ],
    },
    {
      name: 'a privileged init container and a privileged container of a CronJob: one finding each',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tune
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: sysctl
              image: busybox:1.36
              securityContext:
                privileged: true
          containers:
            - name: job
              image: tune:3
              securityContext:
                privileged: true
`,
      findings: [
        {
          line: 16, column: 29, text: 'true', message: 'Init container `sysctl` is privileged',
          fixes: [{
            title: 'Set privileged: false in init container `sysctl`',
            output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tune
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: sysctl
              image: busybox:1.36
              securityContext:
                privileged: false
          containers:
            - name: job
              image: tune:3
              securityContext:
                privileged: true
`,
          }],
        },
        {
          line: 21, column: 29, text: 'true', message: 'Container `job` is privileged',
          fixes: [{
            title: 'Set privileged: false in container `job`',
            output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: tune
spec:
  schedule: "*/30 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
            - name: sysctl
              image: busybox:1.36
              securityContext:
                privileged: true
          containers:
            - name: job
              image: tune:3
              securityContext:
                privileged: false
`,
          }],
        },
      ],
    },
    {
      name: 'an item of a kind: List is judged on its own',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    ports:
    - port: 80
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: web
          image: web:1
          securityContext:
            privileged: true
`,
      findings: [
        {
          line: 22, column: 25, text: 'true',
          fixes: [{
            title: 'Set privileged: false in container `web`',
            output: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    ports:
    - port: 80
- apiVersion: apps/v1
  kind: StatefulSet
  metadata:
    name: web
  spec:
    template:
      spec:
        containers:
        - name: web
          image: web:1
          securityContext:
            privileged: false
`,
          }],
        },
      ],
    },
    {
      name: 'an Argo Rollout with CRLF line endings',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  strategy:
    canary: {}
  template:
    spec:
      containers:
      - name: app
        image: app:5
        securityContext:
          privileged: true
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 14, column: 23, text: 'true',
          fixes: [{
            title: 'Set privileged: false in container `app`',
            output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: canary
spec:
  strategy:
    canary: {}
  template:
    spec:
      containers:
      - name: app
        image: app:5
        securityContext:
          privileged: false
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
