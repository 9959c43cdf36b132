import { setContainerField } from '../k8s/fixes.js';
import { capitalise, describeContainer, type Container, type Workload } from '../k8s/objects.js';
import { defineRule, fix } from '../rule.js';
import type { TextEdit } from '../types.js';
import { appendItem, setPath } from '../yaml/edit.js';
import { booleanOf, mapItems, seqAt, stringAt } from '../yaml/nodes.js';
import type { SourceDoc } from '../yaml/source.js';
import { HARDENED_POD } from '../doc-examples.js';

export default defineRule({
  meta: {
    id: 'read-only-root-filesystem',
    title: 'Containers must have a read-only root file system',
    severity: 'warning',
    category: 'Pod security',
    guidance: [
      { section: 'Immutable container file systems', page: 8, quote: 'Kubernetes can lock down a container’s file system, thereby preventing many post-exploitation activities.' },
      { section: 'Immutable container file systems', page: 8, quote: 'To prevent damaging legitimate applications, Kubernetes administrators can mount secondary read/write file systems for specific directories where applications require write access.' },
    ],
    why: 'An attacker who can write to the container’s file system can drop tools, modify binaries and persist; a read-only root file system stops that, while volumes keep the few writable directories the application needs.',
    remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an `emptyDir` volume where the application writes (often `/tmp`).',
    fix: { safety: 'review', description: 'Sets `readOnlyRootFilesystem: true` in the container; a second action also mounts an `emptyDir` volume at `/tmp`.' },
    peers: ['kubescape C-0017', 'kube-linter no-read-only-root-fs', 'Polaris notReadOnlyRootFilesystem', 'Checkov CKV_K8S_22', 'Trivy KSV014'],
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
        readOnlyRootFilesystem: false
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
    const w = object.workload;
    if (!w || w.windows) return;
    for (const c of w.containers) {
      const setting = c.effective.readOnlyRootFilesystem;
      if (setting && booleanOf(setting.node) === true) continue;
      const placed = setContainerField(ctx.src, c, ['readOnlyRootFilesystem'], true);
      const withTmp = placed.edits && mountTmp(ctx.src, w, c);
      ctx.report({
        at: setting ? setting.node : c.anchor,
        message: `${capitalise(describeContainer(c))} can write to its root file system.`,
        fixes: [
          fix(`Set readOnlyRootFilesystem: true ${placed.where}`, placed.edits, 'review'),
          withTmp ? fix(`Set readOnlyRootFilesystem: true ${placed.where} and mount an emptyDir at /tmp`, [...placed.edits!, ...withTmp], 'review', false) : undefined,
        ],
      });
    }
  },
});

/** Edits that add an emptyDir volume and mount it at /tmp in the container; undefined when /tmp is mounted already. */
function mountTmp(src: SourceDoc, w: Workload, c: Container): TextEdit[] | undefined {
  const doc = src.doc;
  const mounts = seqAt(doc, c.node, 'volumeMounts');
  if (mapItems(doc, mounts).some((m) => stringAt(doc, m, 'mountPath')?.replace(/\/+$/, '') === '/tmp')) return undefined;
  const volumes = seqAt(doc, w.podSpec, 'volumes');
  const taken = new Set(mapItems(doc, volumes).map((v) => stringAt(doc, v, 'name')));
  let name = 'tmp';
  for (let i = 1; taken.has(name); i++) name = `tmp-${i}`;
  const mountEdit = mounts ? appendItem(src, mounts, { name, mountPath: '/tmp' }) : setPath(src, c.node, ['volumeMounts'], [{ name, mountPath: '/tmp' }]);
  const volumeEdit = volumes ? appendItem(src, volumes, { name, emptyDir: {} }) : setPath(src, w.podSpec, ['volumes'], [{ name, emptyDir: {} }]);
  return mountEdit && volumeEdit ? [...mountEdit, ...volumeEdit] : undefined;
}
