import { testRule } from '../testing/rule-tester.js';
import rule from './removed-api-version.js';

testRule(rule, {
  valid: [
    {
      name: 'current versions: apps/v1, networking.k8s.io/v1, policy/v1, autoscaling/v2',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service: {name: web, port: {number: 80}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
  minReplicas: 2
  maxReplicas: 10
`,
    },
    {
      name: 'beta versions of custom resources, and kinds a removed group never served, are not in the table',
      yaml: `apiVersion: cert-manager.io/v1beta1
kind: Certificate
metadata:
  name: web-tls
spec:
  secretName: web-tls
  issuerRef: {name: letsencrypt, kind: ClusterIssuer}
---
apiVersion: extensions/v1beta1
kind: Scale
metadata:
  name: web
`,
    },
  ],
  invalid: [
    {
      name: 'extensions/v1beta1 NetworkPolicy: a mechanical move, the quotes are kept',
      yaml: `apiVersion: "extensions/v1beta1"
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
      findings: [
        {
          line: 1, column: 13, text: '"extensions/v1beta1"',
          message: '`extensions/v1beta1` NetworkPolicy was removed in Kubernetes 1.16: use `networking.k8s.io/v1`.',
          fixes: [{
            title: 'Change apiVersion to networking.k8s.io/v1',
            output: `apiVersion: "networking.k8s.io/v1"
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`,
          }],
        },
      ],
    },
    {
      name: 'extensions/v1beta1 Deployments: the one with a selector moves, the one without does not',
      yaml: `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: api:3.2
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
      - name: worker
        image: worker:3.2
`,
      findings: [
        {
          line: 1, column: 13, text: 'extensions/v1beta1',
          message: 'use `apps/v1` (apps/v1 requires `spec.selector` matching the template labels and drops `spec.rollbackTo`)',
          fixes: [{
            title: 'Change apiVersion to apps/v1',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
      - name: api
        image: api:3.2
---
apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: worker
spec:
  template:
    metadata:
      labels:
        app: worker
    spec:
      containers:
      - name: worker
        image: worker:3.2
`,
          }],
        },
        { line: 19, column: 13, text: 'extensions/v1beta1', message: '`extensions/v1beta1` Deployment was removed in Kubernetes 1.16' },
      ],
    },
    {
      name: 'a networking.k8s.io/v1beta1 Ingress: fields change, no fix',
      yaml: `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: shop
spec:
  rules:
  - host: shop.example.com
    http:
      paths:
      - path: /
        backend:
          serviceName: shop
          servicePort: 80
`,
      findings: [{ line: 1, column: 13, text: 'networking.k8s.io/v1beta1', message: 'removed in Kubernetes 1.22: use `networking.k8s.io/v1` (networking.k8s.io/v1 replaces `serviceName`' }],
    },
    {
      name: 'a PodSecurityPolicy has no successor',
      yaml: `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: restricted
spec:
  privileged: false
  runAsUser: {rule: MustRunAsNonRoot}
  seLinux: {rule: RunAsAny}
  fsGroup: {rule: RunAsAny}
  supplementalGroups: {rule: RunAsAny}
`,
      findings: [{ line: 1, column: 13, text: 'policy/v1beta1', message: '`policy/v1beta1` PodSecurityPolicy was removed in Kubernetes 1.25: PodSecurityPolicy was removed in Kubernetes 1.25 without a successor API' }],
    },
    {
      name: 'a List with a CronJob and a flow-style ClusterRole: each item its own finding and fix',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1beta1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 2 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: job
                  image: job:1
  - {apiVersion: rbac.authorization.k8s.io/v1beta1, kind: ClusterRole, metadata: {name: viewer}, rules: []}
`,
      findings: [
        {
          line: 4, column: 17, text: 'batch/v1beta1', message: 'removed in Kubernetes 1.25: use `batch/v1`.',
          fixes: [{
            title: 'Change apiVersion to batch/v1',
            output: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 2 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: job
                  image: job:1
  - {apiVersion: rbac.authorization.k8s.io/v1beta1, kind: ClusterRole, metadata: {name: viewer}, rules: []}
`,
          }],
        },
        {
          line: 18, column: 18, text: 'rbac.authorization.k8s.io/v1beta1',
          fixes: [{
            title: 'Change apiVersion to rbac.authorization.k8s.io/v1',
            output: `apiVersion: v1
kind: List
items:
  - apiVersion: batch/v1beta1
    kind: CronJob
    metadata:
      name: nightly
    spec:
      schedule: "0 2 * * *"
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: OnFailure
              containers:
                - name: job
                  image: job:1
  - {apiVersion: rbac.authorization.k8s.io/v1, kind: ClusterRole, metadata: {name: viewer}, rules: []}
`,
          }],
        },
      ],
    },
    {
      name: 'PodDisruptionBudgets: an empty selector changes meaning in policy/v1, so only the one with labels moves',
      yaml: `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: all
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: db}
`,
      findings: [
        { line: 1, column: 13, text: 'policy/v1beta1', message: 'in policy/v1 an empty `spec.selector` selects every pod' },
        {
          line: 9, column: 13, text: 'policy/v1beta1',
          fixes: [{
            title: 'Change apiVersion to policy/v1',
            output: `apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: all
spec:
  maxUnavailable: 1
  selector: {}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  minAvailable: 2
  selector:
    matchLabels: {app: db}
`,
          }],
        },
      ],
    },
    {
      name: 'a flowcontrol v1beta2 FlowSchema, with CRLF line endings',
      yaml: `apiVersion: flowcontrol.apiserver.k8s.io/v1beta2
kind: FlowSchema
metadata:
  name: batch-jobs
spec:
  priorityLevelConfiguration:
    name: workload-low
  matchingPrecedence: 1000
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 1, column: 13, text: 'flowcontrol.apiserver.k8s.io/v1beta2', message: 'removed in Kubernetes 1.29',
          fixes: [{
            title: 'Change apiVersion to flowcontrol.apiserver.k8s.io/v1',
            output: `apiVersion: flowcontrol.apiserver.k8s.io/v1
kind: FlowSchema
metadata:
  name: batch-jobs
spec:
  priorityLevelConfiguration:
    name: workload-low
  matchingPrecedence: 1000
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
