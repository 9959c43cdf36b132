import { testRule } from '../testing/rule-tester.js';
import rule from './resource-requests.js';

testRule(rule, {
  valid: [
    {
      name: 'CPU and memory requests on every container and init container (block and flow)',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: migrate
        image: web:9
        resources:
          requests: {cpu: 50m, memory: 64Mi}
      containers:
      - name: web
        image: web:9
        resources:
          requests:
            cpu: 250m
            memory: 256Mi
`,
    },
    {
      name: 'limits alone: Kubernetes copies them into the requests; an ephemeral container may not set resources',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources:
      requests:
        memory: 128Mi
      limits:
        cpu: 500m
  ephemeralContainers:
  - name: debugger
    image: busybox:1.36
    targetContainerName: web
`,
    },
  ],
  invalid: [
    {
      name: 'no resources at all: placeholder requests marked TODO',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:2 # pinned by CI
`,
      findings: [
        {
          line: 9, column: 11, text: 'name', message: 'Container `api` has no CPU and memory requests',
          fixes: [{
            title: 'Add placeholder CPU and memory requests to container `api`',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:2 # pinned by CI
          resources:
            requests:
              cpu: 100m # TODO: size
              memory: 128Mi # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'a memory limit only: the CPU request is missing and goes into a new requests map beside the limits',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: db
        image: postgres:16
        resources:
          limits:
            memory: 1Gi
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
`,
      findings: [
        {
          line: 12, column: 9, text: 'resources', message: 'Container `db` has no CPU request',
          fixes: [{
            title: 'Add a placeholder CPU request to container `db`',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: db
        image: postgres:16
        resources:
          limits:
            memory: 1Gi
          requests:
            cpu: 100m # TODO: size
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
`,
          }],
        },
      ],
    },
    {
      name: 'a CPU request only, and a memory key left without a value: the missing one is added, the empty one filled',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      requests:
        cpu: "2" # measured
  - name: sidecar
    image: sidecar:1
    resources:
      requests:
        memory:
`,
      findings: [
        {
          line: 10, column: 7, text: 'requests', message: 'Container `app` has no memory request',
          fixes: [{
            title: 'Add a placeholder memory request to container `app`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      requests:
        cpu: "2" # measured
        memory: 128Mi # TODO: size
  - name: sidecar
    image: sidecar:1
    resources:
      requests:
        memory:
`,
          }],
        },
        {
          line: 15, column: 7, text: 'requests', message: 'Container `sidecar` has no CPU and memory requests',
          fixes: [{
            title: 'Add placeholder CPU and memory requests to container `sidecar`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      requests:
        cpu: "2" # measured
  - name: sidecar
    image: sidecar:1
    resources:
      requests:
        memory: 128Mi # TODO: size
        cpu: 100m # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'flow-style resources get a flow-style addition, the TODO at the end of the line',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
      - name: shop
        image: shop:8
        resources: {}
`,
      findings: [
        {
          line: 11, column: 9, text: 'resources',
          fixes: [{
            title: 'Add placeholder CPU and memory requests to container `shop`',
            output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
      - name: shop
        image: shop:8
        resources: {requests: {cpu: 100m, memory: 128Mi}} # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'an init container of a Job inside a kind: List, in 4-space indentation with CRLF line endings',
      yaml: `apiVersion: v1
kind: List
items:
    - apiVersion: batch/v1
      kind: Job
      metadata:
          name: report
      spec:
          template:
              spec:
                  restartPolicy: Never
                  initContainers:
                      - name: fetch
                        image: fetch:1
                  containers:
                      - name: report
                        image: report:1
                        resources:
                            requests: {cpu: 100m, memory: 64Mi}
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 13, column: 25, text: 'name', message: 'Init container `fetch` has no CPU and memory requests',
          fixes: [{
            title: 'Add placeholder CPU and memory requests to init container `fetch`',
            output: `apiVersion: v1
kind: List
items:
    - apiVersion: batch/v1
      kind: Job
      metadata:
          name: report
      spec:
          template:
              spec:
                  restartPolicy: Never
                  initContainers:
                      - name: fetch
                        image: fetch:1
                        resources:
                            requests:
                                cpu: 100m # TODO: size
                                memory: 128Mi # TODO: size
                  containers:
                      - name: report
                        image: report:1
                        resources:
                            requests: {cpu: 100m, memory: 64Mi}
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
