import { testRule } from '../testing/rule-tester.js';
import rule from './no-system-namespace.js';

testRule(rule, {
  valid: [
    {
      name: 'kubeadm static Pods of the control plane (tier: control-plane, or component)',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
  labels:
    component: kube-apiserver
    tier: control-plane
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.0
---
apiVersion: v1
kind: Pod
metadata:
  name: etcd
  namespace: kube-system
  labels: {component: etcd}
spec:
  containers:
    - name: etcd
      image: registry.k8s.io/etcd:3.5.12-0
`,
    },
    {
      name: 'workloads in their own namespace or none; non-workload objects in kube-system',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: debug
spec:
  containers:
    - name: debug
      image: busybox:1.36
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: coredns
  namespace: kube-system
data:
  Corefile: "."
`,
    },
  ],
  invalid: [
    {
      name: 'an application Deployment in kube-system: on the namespace value',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: kube-system
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
`,
      findings: [
        { line: 5, column: 14, text: 'kube-system', message: 'Deployment `web` runs in kube-system, which is reserved for cluster services' },
      ],
    },
    {
      name: 'a CronJob in kube-public; control-plane labels on a CronJob do not make it a static Pod',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata: {name: report, namespace: "kube-public", labels: {tier: control-plane}}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: report:2
`,
      findings: [
        { line: 3, column: 37, text: '"kube-public"', message: 'CronJob `report` runs in kube-public' },
      ],
    },
    {
      name: 'a Pod in kube-system with another component label',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: toolbox
  namespace: kube-system
  labels:
    component: toolbox
spec:
  containers:
    - name: toolbox
      image: toolbox:1
`,
      findings: [
        { line: 5, column: 14, text: 'kube-system', message: 'Pod `toolbox` runs in kube-system' },
      ],
    },
  ],
});
