import { isControlPlaneStaticPod } from '../k8s/objects.js';
import { defineRule } from '../rule.js';
import { entry, stringAt } from '../yaml/nodes.js';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public']);

export default defineRule({
  meta: {
    id: 'no-system-namespace',
    title: 'Workloads must not run in kube-system or kube-public',
    severity: 'warning',
    category: 'Pod security enforcement',
    guidance: [
      { section: 'Namespaces', page: 13, quote: 'User Pods should not be placed in kube-system or kube-public, as these are reserved for cluster services.' },
    ],
    why: 'kube-system holds the control plane’s service accounts and Secrets and is usually exempt from Pod Security Admission and network policies; an application pod there shares that trust, and whoever can deploy there can reach the cluster’s most powerful credentials.',
    remediation: 'Deploy the workload to a namespace of its own.',
    peers: ['Trivy KSV037'],
    examples: {
      failing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: kube-system
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
`,
      passing: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
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
`,
    },
  },
  check(object, ctx) {
    if (!object.workload) return;
    const doc = ctx.src.doc;
    const ns = entry(doc, object.metadata, 'namespace');
    const namespace = stringAt(doc, object.metadata, 'namespace');
    if (!ns?.value || namespace === undefined || !SYSTEM_NAMESPACES.has(namespace)) return;
    if (isControlPlaneStaticPod(doc, object)) return;
    const what = object.name ? `${object.kind} \`${object.name}\`` : `This ${object.kind}`;
    ctx.report({
      at: ns.value,
      message: `${what} runs in ${namespace}, which is reserved for cluster services: deploy it to a namespace of its own.`,
    });
  },
});

