import { checkFlag, describeFlag, flagText, missingFlagAt, runningComponents } from '../k8s/components.js';
import { lastFlag, parseBool } from '../k8s/flags.js';
import { defineRule } from '../rule.js';
import { mapAt } from '../yaml/nodes.js';
import type { Document, YAMLMap } from 'yaml';

export default defineRule({
  meta: {
    id: 'apiserver-anonymous-auth',
    title: 'The API server must refuse anonymous requests',
    severity: 'error',
    category: 'Control plane',
    guidance: [
      { section: 'Authentication', page: 20, quote: 'Anonymous requests should be disabled by passing the --anonymous-auth=false option to the API server.' },
      { section: 'Recommendations', page: 2, quote: 'Disable anonymous login (enabled by default)' },
    ],
    why: 'With anonymous authentication on, every request without credentials runs as `system:anonymous`: one careless binding to that user or to `system:unauthenticated` opens the cluster to anyone who can reach port 6443.',
    remediation: 'Start kube-apiserver with `--anonymous-auth=false`.',
    fix: { safety: 'safe', description: 'Adds `--anonymous-auth=false` to the command line, or sets the existing flag to `false`; not offered when the container has HTTP probes, which would then fail.' },
    peers: ['Checkov CKV_K8S_68', 'Trivy KCV0001'],
    examples: {
      failing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
        - --anonymous-auth=true
`,
      passing: `apiVersion: v1
kind: Pod
metadata:
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
      command:
        - kube-apiserver
        - --authorization-mode=Node,RBAC
        - --anonymous-auth=false
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      const authConfig = lastFlag(rc.flags, 'authentication-config');
      if (authConfig && !lastFlag(rc.flags, 'anonymous-auth')) {
        // Anonymous access can be configured in the AuthenticationConfiguration file instead (and setting both
        // is an error), so adding the flag is not offered; the file's default still lets anonymous requests in.
        ctx.report({
          at: missingFlagAt(rc),
          severity: 'information',
          message: `kube-apiserver reads --authentication-config=${authConfig.value ?? ''}: unless that file sets anonymous.enabled: false, anonymous requests are allowed.`,
        });
        continue;
      }
      // The kubelet's HTTP probes send no credentials: with anonymous requests refused, kubeadm's /livez probe gets
      // 401 and the kubelet restarts the API server in a loop. Then no fix; the message names the way out.
      const probed = probesOverHttp(ctx.src.doc, rc.container.node);
      const caveat = probed
        ? ` Its ${probed} calls the API server without credentials and would fail: allow anonymous requests only to the health endpoints (AuthenticationConfiguration anonymous.conditions, Kubernetes 1.32+) before turning them off.`
        : '';
      checkFlag(ctx, rc, {
        name: 'anonymous-auth',
        accepts: (v) => (parseBool(v) === false),
        required: true,
        missing: `kube-apiserver allows anonymous requests: ${flagText('anonymous-auth', 'false')} is not set (the default is true).${caveat}`,
        wrong: (flag) => `kube-apiserver sets ${describeFlag(flag)}: anonymous requests are allowed.${caveat}`,
        ...(probed ? {} : { fixValue: 'false', safety: 'safe' as const }),
      });
    }
  },
});

/** The first probe of the container that makes an HTTP request (`livenessProbe`), or undefined. */
function probesOverHttp(doc: Document.Parsed, container: YAMLMap): string | undefined {
  return ['livenessProbe', 'readinessProbe', 'startupProbe'].find((probe) => mapAt(doc, mapAt(doc, container, probe), 'httpGet'));
}
