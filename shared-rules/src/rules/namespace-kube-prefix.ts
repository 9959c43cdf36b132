import { defineRule } from '../rule.js';
import { entry } from '../yaml/nodes.js';

const RESERVED = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export default defineRule({
  meta: {
    id: 'namespace-kube-prefix',
    title: 'Namespaces must not use the reserved kube- prefix',
    severity: 'warning',
    category: 'Pod security enforcement',
    guidance: [
      { section: 'Appendix D: Example namespace', page: 38, quote: 'Any name with the prefix kube- should be avoided as it may conflict with Kubernetes system reserved namespaces.' },
    ],
    why: 'Names starting with `kube-` are reserved for Kubernetes: a future release or add-on may claim the same name, and tools and policies that exempt `kube-*` namespaces as system ones (admission webhooks, policy engines, monitoring) would exempt your workloads too.',
    remediation: 'Rename the Namespace to a name without the `kube-` prefix.',
    peers: [],
    examples: {
      failing: `apiVersion: v1
kind: Namespace
metadata:
  name: kube-monitoring
`,
      passing: `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Namespace') return;
    const name = object.name;
    if (name === undefined || !name.startsWith('kube-') || RESERVED.has(name)) return;
    const at = entry(ctx.src.doc, object.metadata, 'name')?.value;
    if (!at) return;
    ctx.report({
      at,
      message: `Namespace \`${name}\` uses the kube- prefix reserved for Kubernetes system namespaces.`,
    });
  },
});
