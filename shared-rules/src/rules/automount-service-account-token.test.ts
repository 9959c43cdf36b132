import { testRule } from '../testing/rule-tester.js';
import rule from './automount-service-account-token.js';

testRule(rule, {
  valid: [
    {
      name: 'the pod’s ServiceAccount, in the same file, disables automounting',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
  namespace: shop
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: api
      containers:
        - name: api
          image: api:2
`,
    },
    {
      name: 'the pod template turns the token off',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      automountServiceAccountToken: false
      containers:
      - name: web
        image: nginx:1.25
`,
    },
    {
      name: 'a Pod turns the token off, in flow style',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: job}
spec: {automountServiceAccountToken: false, containers: [{name: job, image: "job:1"}]}
`,
    },
  ],
  invalid: [
    {
      name: 'the pod’s ServiceAccount is in the workspace and does not disable automounting: a warning',
      yaml: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
---
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  serviceAccountName: api
  containers:
    - name: api
      image: api:2
`,
      findings: [
        {
          line: 10, column: 1, text: 'spec', severity: 'warning', message: 'Its ServiceAccount `api` does not disable automounting either.',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: api
---
apiVersion: v1
kind: Pod
metadata:
  name: api
spec:
  serviceAccountName: api
  containers:
    - name: api
      image: api:2
  automountServiceAccountToken: false
`,
          }],
        },
      ],
    },
    {
      name: 'nothing set: the finding is on the pod template spec, the fix adds the key at its end',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: api
    spec:
      serviceAccountName: api
      containers:
      - name: api
        image: api:2
        # the API client is not used yet
`,
      findings: [
        {
          line: 11, column: 5, text: 'spec', severity: 'information', message: 'ServiceAccount `api` in namespace `default` was not found in this workspace',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: api
    spec:
      serviceAccountName: api
      containers:
      - name: api
        image: api:2
        # the API client is not used yet
      automountServiceAccountToken: false
`,
          }],
        },
      ],
    },
    {
      name: 'automountServiceAccountToken: true is replaced in place, keeping the comment',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: operator
spec:
  automountServiceAccountToken: true # reads ConfigMaps
  containers:
  - name: operator
    image: operator:1
`,
      findings: [
        {
          line: 6, column: 33, text: 'true', message: 'automountServiceAccountToken: true',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: operator
spec:
  automountServiceAccountToken: false # reads ConfigMaps
  containers:
  - name: operator
    image: operator:1
`,
          }],
        },
      ],
    },
    {
      name: 'a flow-style pod spec gets a flow-style addition',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: job}
spec: {restartPolicy: Never, containers: [{name: job, image: "job:1"}]}
`,
      findings: [
        {
          line: 4, column: 1, text: 'spec', severity: 'information',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: v1
kind: Pod
metadata: {name: job}
spec: {restartPolicy: Never, containers: [{name: job, image: "job:1"}], automountServiceAccountToken: false}
`,
          }],
        },
      ],
    },
    {
      name: 'a CronJob in 4-space indentation with CRLF line endings: the innermost spec is the pod spec',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
    name: sync
spec:
    schedule: "*/5 * * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    restartPolicy: OnFailure
                    containers:
                        - name: sync
                          image: sync:3
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 10, column: 17, text: 'spec', severity: 'information',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: batch/v1
kind: CronJob
metadata:
    name: sync
spec:
    schedule: "*/5 * * * *"
    jobTemplate:
        spec:
            template:
                spec:
                    restartPolicy: OnFailure
                    containers:
                        - name: sync
                          image: sync:3
                    automountServiceAccountToken: false
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'each workload of a kind: List is judged on its own (an Argo Rollout and a DaemonSet)',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata:
    name: front
  spec:
    template:
      spec:
        containers:
        - name: front
          image: front:1
- apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: logs
  spec:
    template:
      spec:
        automountServiceAccountToken: false
        containers:
        - name: logs
          image: fluent-bit:3.0
`,
      findings: [
        {
          line: 10, column: 7, text: 'spec', severity: 'information',
          fixes: [{
            title: 'Set automountServiceAccountToken: false for the pod',
            output: `apiVersion: v1
kind: List
items:
- apiVersion: argoproj.io/v1alpha1
  kind: Rollout
  metadata:
    name: front
  spec:
    template:
      spec:
        containers:
        - name: front
          image: front:1
        automountServiceAccountToken: false
- apiVersion: apps/v1
  kind: DaemonSet
  metadata:
    name: logs
  spec:
    template:
      spec:
        automountServiceAccountToken: false
        containers:
        - name: logs
          image: fluent-bit:3.0
`,
          }],
        },
      ],
    },
  ],
});
