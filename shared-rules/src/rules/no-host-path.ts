import { capitalise, describeContainer, type Container } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import { setPath } from '../yaml/edit.js';
import { booleanOf, entry, mapItems, seqAt, stringAt } from '../yaml/nodes.js';
import { isMap, isScalar, type YAMLMap } from 'yaml';
import { HARDENED_POD } from '../doc-examples.js';

/** Host paths that hand a container the node: its configuration, kernel interfaces, kubelet and runtime state. */
const SENSITIVE = [
  '/etc', '/proc', '/sys', '/boot', '/root', '/var/run/docker.sock', '/run/containerd', '/var/run/crio',
  '/var/lib/kubelet', '/var/lib/docker',
].map(canonical);

/** `/var/run` is a link to `/run` on every current distribution; `.`, `..`, doubled and trailing slashes go. */
function canonical(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const joined = `/${parts.join('/')}`;
  return joined === '/var/run' || joined.startsWith('/var/run/') ? joined.slice(4) : joined;
}

/** The root, a sensitive path, anything under one, or a directory that contains one (`/var` holds `/var/lib/kubelet`). */
function isSensitive(path: string): boolean {
  if (!path.startsWith('/')) return false;
  const p = canonical(path);
  return p === '/' || SENSITIVE.some((s) => p === s || p.startsWith(`${s}/`) || s.startsWith(`${p}/`));
}

export default defineRule({
  meta: {
    id: 'no-host-path',
    title: 'Pods should not mount host paths',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Recommendations', page: 2, quote: 'Denying container features frequently exploited to breakout, such as hostPID, hostIPC, hostNetwork, allowedHostPath' },
      { section: 'Pod Security Policies', page: 10, quote: 'Use a “dummy” path name (such as “/foo” marked as read-only).' },
    ],
    why: 'A hostPath volume puts a directory of the node inside the container: the runtime socket, `/etc` or the kubelet’s files give whoever controls the container control of the node, and a writable mount lets it plant files the node will run.',
    remediation: 'Use an `emptyDir`, `configMap`, `secret` or persistent volume instead; when a host path is unavoidable, mount a narrow, non-sensitive path with `readOnly: true`.',
    fix: { safety: 'review', description: 'On a writable mount: adds `readOnly: true` to every mount of that hostPath volume, in every container.' },
    peers: [
      'kubescape C-0048', 'kubescape C-0045', 'kube-linter sensitive-host-mounts', 'kube-linter writable-host-mount',
      'kube-linter docker-sock', 'Polaris hostPathSet', 'Checkov CKV_K8S_27', 'Trivy KSV023',
    ],
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
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      resources:
        limits:
          cpu: 500m
          memory: 256Mi
      volumeMounts:
        - name: docker
          mountPath: /var/run/docker.sock
  volumes:
    - name: docker
      hostPath:
        path: /var/run/docker.sock
`,
      passing: HARDENED_POD,
    },
  },
  check(object, ctx) {
    const w = object.workload;
    if (!w) return;
    const doc = ctx.src.doc;
    for (const volume of mapItems(doc, seqAt(doc, w.podSpec, 'volumes'))) {
      const hostPath = entry(doc, volume, 'hostPath');
      if (!hostPath || !isMap(hostPath.value)) continue;
      const name = stringAt(doc, volume, 'name');
      const pathEntry = entry(doc, hostPath.value, 'path');
      const path = stringAt(doc, hostPath.value, 'path');
      const sensitive = path !== undefined && isSensitive(path);
      ctx.report({
        at: pathEntry?.value && isScalar(pathEntry.value) ? pathEntry.value : hostPath.key,
        ...(sensitive ? { severity: 'error' as const } : {}),
        message: `${name !== undefined ? `Volume \`${name}\`` : 'A volume'} mounts the ${sensitive ? 'sensitive ' : ''}host path ${path ?? '(no path)'}: ${
          sensitive ? 'it exposes the node itself to the pod' : 'the pod can read the node’s files'}.`,
      });
      // Writing to the node is its own error, on each mount that can: a read-only mount fixes it.
      if (name === undefined) continue;
      const mounts = mountsOf(doc, w.containers, name);
      const writable = mounts.filter((m) => booleanOf(entry(doc, m.mount, 'readOnly')?.value) !== true);
      if (writable.length === 0) continue;
      const edits = writable.map((m) => setPath(ctx.src, m.mount, ['readOnly'], true));
      const fixes = [fix(`Mount volume \`${name}\` read-only in every container`, edits.every(Boolean) ? edits.flatMap((e) => e!) : undefined, 'review')];
      for (const { container, mount } of writable) {
        const readOnly = entry(doc, mount, 'readOnly');
        ctx.report({
          at: readOnly?.value ?? entry(doc, mount, 'name')?.key ?? mount,
          severity: 'error',
          message: `${capitalise(describeContainer(container))} mounts the host path ${path ?? ''}${path ? ' ' : ''}(volume \`${name}\`) ${
            readOnly?.value ? 'with readOnly: false' : 'writable'}: it can change files on the node.`,
          fixes,
        });
      }
    }
  },
});

function mountsOf(doc: Parameters<typeof entry>[0], containers: readonly Container[], volume: string): { container: Container; mount: YAMLMap }[] {
  return containers.flatMap((container) =>
    mapItems(doc, seqAt(doc, container.node, 'volumeMounts'))
      .filter((mount) => stringAt(doc, mount, 'name') === volume)
      .map((mount) => ({ container, mount })));
}
