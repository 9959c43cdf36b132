import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { removeEntry } from '../yaml/edit.js';
import { entry, mapItems, numberOf, seqAt } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'no-host-port',
    title: 'Containers should not bind host ports',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Worker node segmentation', page: 16, quote: 'If a node becomes compromised, an administrator should proactively limit the attack surface by separating the worker nodes from other network segments that do not need to communicate with the worker nodes or Kubernetes services.' },
    ],
    why: 'A `hostPort` opens the container on the node’s own address: it is reachable from every network that reaches the node, past the Service and the load balancer meant to front it, and it pins the pod to nodes where that port is free.',
    remediation: 'Remove `hostPort` and expose the container through a Service (or an Ingress) instead.',
    fix: { safety: 'review', description: 'Removes the `hostPort` entry from the container port.' },
    peers: ['kubescape C-0044', 'Polaris hostPortSet', 'Checkov CKV_K8S_26', 'Trivy KSV024'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 8080
          hostPort: 80
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    const doc = ctx.src.doc;
    for (const c of object.workload?.containers ?? []) {
      for (const port of mapItems(doc, seqAt(doc, c.node, 'ports'))) {
        const hostPort = entry(doc, port, 'hostPort');
        // 0 is how the API writes "no host port".
        if (!hostPort?.value || numberOf(hostPort.value) === 0) continue;
        const number = numberOf(hostPort.value);
        ctx.report({
          at: hostPort.value,
          message: `${capitalise(describeContainer(c))} binds ${number !== undefined ? `port ${number}` : 'a port'} of its node (hostPort): it is reachable on the node’s address, past any Service.`,
          fixes: [fix(`Remove hostPort from ${describeContainer(c)}`, removeEntry(ctx.src, port, hostPort.pair), 'review')],
        });
      }
    }
  },
});
