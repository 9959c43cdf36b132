import { testRule } from '../testing/rule-tester.js';
import rule from './namespace-resource-quota.js';

testRule(rule, {
  valid: [
{ name: `a ResourceQuota bounding requests and limits`, yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "4"
    requests.memory: 8Gi
    limits.cpu: "8"
    limits.memory: 16Gi
` },
{ name: `a namespace without workloads needs none`, yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
` }
  ],
  invalid: [
{ name: `on the Namespace`, yaml: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
`, findings: [{ line: 4, column: 9, text: `shop`, message: `No ResourceQuota bounding CPU and memory for namespace \`shop\``, fixes: [{ title: `Add a ResourceQuota for namespace \`shop\``, output: `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "4" # TODO: size
    requests.memory: 8Gi # TODO: size
    limits.cpu: "8" # TODO: size
    limits.memory: 16Gi # TODO: size
` }] }] },
{ name: `a quota that bounds only some of them does not count`, yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: pods
  namespace: shop
spec:
  hard:
    pods: "20"
    requests.cpu: "4"
`, findings: [{ line: 5, column: 14, text: `shop`, fixes: [{ title: `Add a ResourceQuota for namespace \`shop\``, output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: pods
  namespace: shop
spec:
  hard:
    pods: "20"
    requests.cpu: "4"
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    requests.cpu: "4" # TODO: size
    requests.memory: 8Gi # TODO: size
    limits.cpu: "8" # TODO: size
    limits.memory: 16Gi # TODO: size
` }] }] },
{ name: `the default namespace`, yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
`, findings: [{ line: 2, column: 1, text: `kind`, message: `namespace \`default\``, fixes: [{ title: `Add a ResourceQuota for namespace \`default\``, output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: web:1.0
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: default
spec:
  hard:
    requests.cpu: "4" # TODO: size
    requests.memory: 8Gi # TODO: size
    limits.cpu: "8" # TODO: size
    limits.memory: 16Gi # TODO: size
` }] }] }
  ],
});
