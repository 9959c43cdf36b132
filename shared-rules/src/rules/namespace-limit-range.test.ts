import { testRule } from '../testing/rule-tester.js';
import rule from './namespace-limit-range.js';

testRule(rule, {
  valid: [
{ name: `a LimitRange with container defaults`, yaml: `apiVersion: apps/v1
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
kind: LimitRange
metadata:
  name: container-defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default:
        cpu: 500m # TODO: size
        memory: 256Mi # TODO: size
      defaultRequest:
        cpu: 100m # TODO: size
        memory: 128Mi # TODO: size
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
`, findings: [{ line: 4, column: 9, text: `shop`, message: `No LimitRange with container defaults for namespace \`shop\``, fixes: [{ title: `Add a LimitRange for namespace \`shop\``, output: `apiVersion: v1
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
kind: LimitRange
metadata:
  name: container-defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default:
        cpu: 500m # TODO: size
        memory: 256Mi # TODO: size
      defaultRequest:
        cpu: 100m # TODO: size
        memory: 128Mi # TODO: size
` }] }] },
{ name: `a LimitRange without defaults does not count`, yaml: `apiVersion: apps/v1
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
kind: LimitRange
metadata:
  name: max-only
  namespace: shop
spec:
  limits:
    - type: Container
      max: {cpu: "2"}
`, findings: [{ line: 5, column: 14, text: `shop`, fixes: [{ title: `Add a LimitRange for namespace \`shop\``, output: `apiVersion: apps/v1
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
kind: LimitRange
metadata:
  name: max-only
  namespace: shop
spec:
  limits:
    - type: Container
      max: {cpu: "2"}
---
apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default:
        cpu: 500m # TODO: size
        memory: 256Mi # TODO: size
      defaultRequest:
        cpu: 100m # TODO: size
        memory: 128Mi # TODO: size
` }] }] },
{ name: `once per file, on the first workload`, yaml: `apiVersion: apps/v1
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
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: api:1.0
`, findings: [{ line: 5, column: 14, text: `shop`, fixes: [{ title: `Add a LimitRange for namespace \`shop\``, output: `apiVersion: apps/v1
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
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: shop
spec:
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
        - name: api
          image: api:1.0
---
apiVersion: v1
kind: LimitRange
metadata:
  name: container-defaults
  namespace: shop
spec:
  limits:
    - type: Container
      default:
        cpu: 500m # TODO: size
        memory: 256Mi # TODO: size
      defaultRequest:
        cpu: 100m # TODO: size
        memory: 128Mi # TODO: size
` }] }] }
  ],
});
