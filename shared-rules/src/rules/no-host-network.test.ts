import { testRule } from '../testing/rule-tester.js';
import rule from './no-host-network.js';

testRule(rule, {
  valid: [
    {
      name: 'hostNetwork: false is the default written out',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      hostNetwork: false
      containers:
        - name: api
          image: api:1.4
`,
    },
    {
      name: 'a Pod exposing a port through its Service, not the host network',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx:1.25
    ports:
    - containerPort: 8080
`,
    },
  ],
  invalid: [
    {
      name: 'a DaemonSet in 4-space indentation with CRLF line endings: the whole line goes, comment and all',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: cni
spec:
    template:
        spec:
            hostNetwork: true   # CNI needs it
            containers:
                - name: cni
                  image: cni:1.2
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 8, column: 26, text: 'true', message: 'The pod sets hostNetwork: true',
          fixes: [{
            title: 'Remove hostNetwork from the pod',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
    name: cni
spec:
    template:
        spec:
            containers:
                - name: cni
                  image: cni:1.2
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'a flow-style pod spec: the entry and its comma go',
      yaml: `apiVersion: v1
kind: Pod
metadata: {name: probe}
spec: {hostNetwork: true, containers: [{name: probe, image: "probe:1"}]}
`,
      findings: [
        {
          line: 4, column: 21, text: 'true',
          fixes: [{
            title: 'Remove hostNetwork from the pod',
            output: `apiVersion: v1
kind: Pod
metadata: {name: probe}
spec: {containers: [{name: probe, image: "probe:1"}]}
`,
          }],
        },
      ],
    },
    {
      name: 'the second document of a file, as the last key of the pod spec; comments around it survive',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: edge
spec:
  ports:
  - port: 443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: edge
spec:
  template:
    spec:
      # edge nodes only
      nodeSelector:
        role: edge
      containers:
      - name: edge
        image: edge:7
      hostNetwork: true
# end of edge
`,
      findings: [
        {
          line: 22, column: 20, text: 'true',
          fixes: [{
            title: 'Remove hostNetwork from the pod',
            output: `apiVersion: v1
kind: Service
metadata:
  name: edge
spec:
  ports:
  - port: 443
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: edge
spec:
  template:
    spec:
      # edge nodes only
      nodeSelector:
        role: edge
      containers:
      - name: edge
        image: edge:7
# end of edge
`,
          }],
        },
      ],
    },
    {
      name: 'an Argo Rollout and a Job inside a kind: List, each with its own finding',
      yaml: `apiVersion: v1
kind: List
items:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: gw
    spec:
      template:
        spec:
          hostNetwork: true
          containers:
            - name: gw
              image: gw:1
  - apiVersion: batch/v1
    kind: Job
    metadata:
      name: once
    spec:
      template:
        spec:
          hostNetwork: true
          restartPolicy: Never
          containers:
            - name: once
              image: once:1
`,
      findings: [
        {
          line: 11, column: 24, text: 'true',
          fixes: [{
            title: 'Remove hostNetwork from the pod',
            output: `apiVersion: v1
kind: List
items:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: gw
    spec:
      template:
        spec:
          containers:
            - name: gw
              image: gw:1
  - apiVersion: batch/v1
    kind: Job
    metadata:
      name: once
    spec:
      template:
        spec:
          hostNetwork: true
          restartPolicy: Never
          containers:
            - name: once
              image: once:1
`,
          }],
        },
        {
          line: 22, column: 24, text: 'true',
          fixes: [{
            title: 'Remove hostNetwork from the pod',
            output: `apiVersion: v1
kind: List
items:
  - apiVersion: argoproj.io/v1alpha1
    kind: Rollout
    metadata:
      name: gw
    spec:
      template:
        spec:
          hostNetwork: true
          containers:
            - name: gw
              image: gw:1
  - apiVersion: batch/v1
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
          }],
        },
      ],
    },
  ],
});
