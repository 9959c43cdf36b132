import { testRule } from '../testing/rule-tester.js';
import rule from './resource-limits.js';

testRule(rule, {
  valid: [
    {
      name: 'CPU and memory limits on every container and init container (block and flow)',
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
          limits: {cpu: 200m, memory: 128Mi}
      containers:
      - name: web
        image: web:9
        resources:
          requests:
            cpu: 250m
            memory: 256Mi
          limits:
            cpu: "1"
            memory: 512Mi
`,
    },
    {
      name: 'an ephemeral container may not set resources, so it is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    resources:
      limits:
        cpu: 500m
        memory: 128Mi
  ephemeralContainers:
  - name: debugger
    image: busybox:1.36
    targetContainerName: web
`,
    },
  ],
  invalid: [
    {
      name: 'a LimitRange with defaults in the namespace lowers the finding to information',
      yaml: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: web:1
`,
      findings: [
        {
          line: 18, column: 7, text: 'name', severity: 'information', message: 'A LimitRange in namespace `shop` gives it default limits.',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `web`',
            output: `apiVersion: v1
kind: LimitRange
metadata:
  name: defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: web
      image: web:1
      resources:
        limits:
          cpu: 500m # TODO: size
          memory: 256Mi # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'no resources at all: placeholder limits marked TODO',
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
          line: 9, column: 11, text: 'name', message: 'Container `api` has no CPU and memory limits',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `api`',
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
            limits:
              cpu: 500m # TODO: size
              memory: 256Mi # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'requests only: limits are added beside them, pointing at resources',
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
          requests:
            cpu: 500m
            memory: 1Gi
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
`,
      findings: [
        {
          line: 12, column: 9, text: 'resources',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `db`',
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
          requests:
            cpu: 500m
            memory: 1Gi
          limits:
            cpu: 500m # TODO: size
            memory: 256Mi # TODO: size
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql/data
`,
          }],
        },
      ],
    },
    {
      name: 'a CPU limit only, and a memory key left without a value: the missing one is added, the empty one filled',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      limits:
        cpu: "2" # measured
  - name: sidecar
    image: sidecar:1
    resources:
      limits:
        memory:
`,
      findings: [
        {
          line: 10, column: 7, text: 'limits', message: 'Container `app` has no memory limit',
          fixes: [{
            title: 'Add a placeholder memory limit to container `app`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      limits:
        cpu: "2" # measured
        memory: 256Mi # TODO: size
  - name: sidecar
    image: sidecar:1
    resources:
      limits:
        memory:
`,
          }],
        },
        {
          line: 15, column: 7, text: 'limits', message: 'Container `sidecar` has no CPU and memory limits',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `sidecar`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: pair
spec:
  containers:
  - name: app
    image: app:1
    resources:
      limits:
        cpu: "2" # measured
  - name: sidecar
    image: sidecar:1
    resources:
      limits:
        memory: 256Mi # TODO: size
        cpu: 500m # TODO: size
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
        resources: {requests: {cpu: 100m, memory: 128Mi}}
`,
      findings: [
        {
          line: 11, column: 9, text: 'resources',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `shop`',
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
        resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 500m, memory: 256Mi}} # TODO: size
`,
          }],
        },
      ],
    },
    {
      name: 'a Job inside a kind: List, in 4-space indentation with CRLF line endings',
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
                        resources:
                            limits: {cpu: 100m, memory: 64Mi}
                  containers:
                      - name: report
                        image: report:1
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 18, column: 25, text: 'name', message: 'Container `report` has no CPU and memory limits',
          fixes: [{
            title: 'Add placeholder CPU and memory limits to container `report`',
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
                            limits: {cpu: 100m, memory: 64Mi}
                  containers:
                      - name: report
                        image: report:1
                        resources:
                            limits:
                                cpu: 500m # TODO: size
                                memory: 256Mi # TODO: size
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
