import { defineRule } from '../rule.js';
import { entry, items, mapAt, seqAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'ingress-tls',
    title: 'Ingresses should terminate TLS',
    severity: 'information',
    category: 'Network separation',
    guidance: [
      { section: 'Encryption', page: 17, quote: 'Administrators should configure all traffic in the Kubernetes cluster—including between components, nodes, and the control plane—to use TLS 1.2 or 1.3 encryption.' },
    ],
    why: 'An Ingress without `tls` serves its hosts over plain HTTP: session cookies, tokens and passwords cross the network readable by anyone on the path.',
    remediation: 'Add a `tls` section naming the hosts and the Secret that holds their certificate (or let cert-manager issue it).',
    peers: ['kubescape C-0263', 'Polaris tlsSettingsMissing'],
    examples: {
      failing: `apiVersion: networking.k8s.io/v1
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
      passing: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
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
  },
  check(object, ctx) {
    if (object.kind !== 'Ingress') return;
    const doc = ctx.src.doc;
    const specEntry = entry(doc, object.node, 'spec');
    const spec = mapAt(doc, object.node, 'spec');
    const tls = entry(doc, spec, 'tls');
    if (items(doc, seqAt(doc, spec, 'tls')).length > 0) return;
    const name = object.name ? `Ingress \`${object.name}\`` : 'This Ingress';
    ctx.report({
      at: tls?.key ?? specEntry?.key ?? object.kindKey,
      message: `${name} ${tls ? 'has an empty tls list' : 'has no tls section'}: its hosts are served over plain HTTP.`,
    });
  },
});
