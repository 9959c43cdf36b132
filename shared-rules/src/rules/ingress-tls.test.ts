import { testRule } from '../testing/rule-tester.js';
import rule from './ingress-tls.js';

testRule(rule, {
  valid: [
    {
      name: 'an Ingress with a tls section',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  ingressClassName: nginx
  tls:
    - hosts: [shop.example.com]
      secretName: shop-example-com-tls
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`,
    },
    {
      name: 'an old extensions/v1beta1 Ingress in flow style, and an IngressClass (not an Ingress)',
      yaml: `apiVersion: extensions/v1beta1
kind: Ingress
metadata: {name: legacy}
spec: {tls: [{secretName: legacy-tls}], backend: {serviceName: legacy, servicePort: 80}}
---
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: nginx
spec:
  controller: k8s.io/ingress-nginx
`,
    },
  ],
  invalid: [
    {
      name: 'no tls: on the spec key',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`,
      findings: [
        { line: 6, column: 1, text: 'spec', severity: 'information', message: 'Ingress `web` has no tls section: its hosts are served over plain HTTP.' },
      ],
    },
    {
      name: 'an empty tls list: on the tls key',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: docs}
spec:
  tls: []
  defaultBackend:
    service: {name: docs, port: {number: 80}}
`,
      findings: [
        { line: 5, column: 3, text: 'tls', message: 'Ingress `docs` has an empty tls list' },
      ],
    },
    {
      name: 'an Ingress without a spec at all: on kind',
      yaml: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: placeholder
`,
      findings: [
        { line: 2, column: 1, text: 'kind' },
      ],
    },
  ],
});
