import { testRule } from '../testing/rule-tester.js';
import rule from './service-node-port.js';

testRule(rule, {
  valid: [
    {
      name: 'ClusterIP (written or default), LoadBalancer and headless Services',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: api
spec:
  selector: {app: api}
  ports:
    - port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: edge
spec:
  type: LoadBalancer
  selector: {app: edge}
  ports:
    - port: 443
---
apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  type: ClusterIP
  clusterIP: None
  externalIPs: []
  selector: {app: db}
  ports:
    - port: 5432
`,
    },
    {
      name: 'the type is matched exactly, and only on Services',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  type: NodePort
---
apiVersion: v1
kind: Service
metadata:
  name: odd
spec:
  type: nodeport
  ports:
    - port: 80
`,
    },
  ],
  invalid: [
    {
      name: 'a NodePort Service: on the type value',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 8080
      nodePort: 30080
`,
      findings: [
        { line: 7, column: 9, text: 'NodePort', severity: 'information', message: 'Service `web` is a NodePort Service: it listens on every node of the cluster.' },
      ],
    },
    {
      name: 'externalIPs on a ClusterIP Service: on the key',
      yaml: `apiVersion: v1
kind: Service
metadata:
  name: legacy-lb
spec:
  selector: {app: legacy}
  externalIPs:
    - 203.0.113.10
  ports:
    - port: 443
`,
      findings: [
        { line: 7, column: 3, text: 'externalIPs', message: 'Service `legacy-lb` sets externalIPs: every node accepts traffic for that address' },
      ],
    },
    {
      name: 'both, in flow style: two findings',
      yaml: `apiVersion: v1
kind: Service
metadata: {name: both}
spec: {type: "NodePort", externalIPs: [198.51.100.1, 198.51.100.2], ports: [{port: 80}]}
`,
      findings: [
        { line: 4, column: 14, text: '"NodePort"' },
        { line: 4, column: 26, text: 'externalIPs', message: 'every node accepts traffic for those addresses' },
      ],
    },
  ],
});
