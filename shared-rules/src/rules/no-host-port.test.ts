import { testRule } from '../testing/rule-tester.js';
import rule from './no-host-port.js';

testRule(rule, {
  valid: [
    {
      name: 'container ports only, exposed by a Service',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
`,
    },
    {
      name: 'hostPort: 0 is the API’s way of writing no host port',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: dns
spec:
  containers:
  - name: dns
    image: coredns:1.11
    ports: [{containerPort: 53, hostPort: 0, protocol: UDP}]
`,
    },
  ],
  invalid: [
    {
      name: 'an ingress controller DaemonSet with two host ports: one finding and one fix each',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ingress
spec:
  template:
    spec:
      containers:
      - name: controller
        image: ingress-nginx/controller:v1.10.1
        ports:
        - name: http
          containerPort: 80
          hostPort: 80 # legacy LB setup
          protocol: TCP
        - name: https
          containerPort: 443
          hostPort: 443
`,
      findings: [
        {
          line: 14, column: 21, text: '80', message: 'Container `controller` binds port 80 of its node (hostPort)',
          fixes: [{
            title: 'Remove hostPort from container `controller`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ingress
spec:
  template:
    spec:
      containers:
      - name: controller
        image: ingress-nginx/controller:v1.10.1
        ports:
        - name: http
          containerPort: 80
          protocol: TCP
        - name: https
          containerPort: 443
          hostPort: 443
`,
          }],
        },
        {
          line: 18, column: 21, text: '443', message: 'binds port 443',
          fixes: [{
            title: 'Remove hostPort from container `controller`',
            output: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ingress
spec:
  template:
    spec:
      containers:
      - name: controller
        image: ingress-nginx/controller:v1.10.1
        ports:
        - name: http
          containerPort: 80
          hostPort: 80 # legacy LB setup
          protocol: TCP
        - name: https
          containerPort: 443
`,
          }],
        },
      ],
    },
    {
      name: 'hostPort as the first key of a port item: the next key moves onto the dash line',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
  - name: agent
    image: datadog/agent:7
    ports:
    - hostPort: 8125
      containerPort: 8125
      protocol: UDP
`,
      findings: [
        {
          line: 10, column: 17, text: '8125',
          fixes: [{
            title: 'Remove hostPort from container `agent`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: agent
spec:
  containers:
  - name: agent
    image: datadog/agent:7
    ports:
    - containerPort: 8125
      protocol: UDP
`,
          }],
        },
      ],
    },
    {
      name: 'a flow-style port of an init container in a Job',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: warmup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: proxy
        image: envoy:1.30
        ports: [{containerPort: 9901, hostPort: 9901}, {containerPort: 10000}]
      containers:
      - name: warmup
        image: warmup:1
`,
      findings: [
        {
          line: 12, column: 49, text: '9901', message: 'Init container `proxy` binds port 9901',
          fixes: [{
            title: 'Remove hostPort from init container `proxy`',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: warmup
spec:
  template:
    spec:
      restartPolicy: Never
      initContainers:
      - name: proxy
        image: envoy:1.30
        ports: [{containerPort: 9901}, {containerPort: 10000}]
      containers:
      - name: warmup
        image: warmup:1
`,
          }],
        },
      ],
    },
    {
      name: 'a comment line between hostPort and the next key: no fix rather than losing the comment',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: metrics
spec:
  containers:
  - name: exporter
    image: node-exporter:1.8
    ports:
    - hostPort: 9100
      # scraped by the node's Prometheus
      containerPort: 9100
`,
      findings: [
        { line: 10, column: 17, text: '9100' },
      ],
    },
  ],
});
