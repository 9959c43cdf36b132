import { defineRule } from '../rule.js';
import { entry, items, mapAt, seqAt, stringAt } from '../yaml/nodes.js';

export default defineRule({
  meta: {
    id: 'service-node-port',
    title: 'Services should not open node ports or external IPs',
    severity: 'information',
    category: 'Network separation',
    guidance: [
      { section: 'Worker node segmentation', page: 16, quote: 'A firewall can be used to separate internal network segments from the external facing worker nodes or the entire Kubernetes service depending on the network.' },
    ],
    why: 'A NodePort Service listens on every node of the cluster, and `externalIPs` make every node accept traffic for addresses of the Service’s choosing (the route of CVE-2020-8554): both bypass the ingress path the firewall and TLS are set up on.',
    remediation: 'Use a ClusterIP Service behind an Ingress or a LoadBalancer, and remove `externalIPs`.',
    peers: ['Trivy KSV108'],
    examples: {
      failing: `apiVersion: v1
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
      passing: `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector: {app: web}
  ports:
    - port: 80
      targetPort: 8080
`,
    },
  },
  check(object, ctx) {
    if (object.kind !== 'Service') return;
    const doc = ctx.src.doc;
    const spec = mapAt(doc, object.node, 'spec');
    const name = object.name ? `Service \`${object.name}\`` : 'This Service';
    const type = entry(doc, spec, 'type');
    if (type?.value && stringAt(doc, spec, 'type') === 'NodePort') {
      ctx.report({ at: type.value, message: `${name} is a NodePort Service: it listens on every node of the cluster.` });
    }
    const externalIPs = entry(doc, spec, 'externalIPs');
    const ips = items(doc, seqAt(doc, spec, 'externalIPs'));
    if (externalIPs && ips.length > 0) {
      ctx.report({ at: externalIPs.key, message: `${name} sets externalIPs: every node accepts traffic for ${ips.length === 1 ? 'that address' : 'those addresses'} and forwards it to the Service.` });
    }
  },
});
