import { capitalise, describeContainer } from '../k8s/objects.js';
import { defineRule } from '../rule.js';
import { entry, stringAt } from '../yaml/nodes.js';
import { HARDENED_POD } from '../doc-examples.js';

/** The tag of an image reference (`registry:5000/app:1.2` → `1.2`); a port of the registry is not a tag. */
function tagOf(image: string): string | undefined {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.indexOf(':');
  return colon < 0 ? undefined : lastSegment.slice(colon + 1);
}

export default defineRule({
  meta: {
    id: 'image-tag-pinned',
    title: 'Container images should be pinned to a version tag or digest',
    severity: 'information',
    category: 'Pod security',
    guidance: [
      { section: 'Building secure container images', page: 8, quote: 'In addition to using trusted repositories to build containers, image scanning is key to ensuring deployed containers are secure.' },
      { section: 'Building secure container images', page: 9, quote: 'A custom or proprietary webhook can be implemented to scan any image before it is deployed in the cluster.' },
    ],
    why: 'An image without a tag, or tagged `latest`, names whatever was pushed last: the image a node pulls is not necessarily the one that was scanned and tested, and a compromised registry push reaches the cluster at the next restart.',
    remediation: 'Reference the image by a version tag (`nginx:1.27.0`) or, better, by digest (`nginx@sha256:…`).',
    peers: ['kube-linter latest-tag', 'Polaris tagNotSpecified', 'Checkov CKV_K8S_14', 'Trivy KSV013'],
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
      image: nginx:latest
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
      const image = stringAt(doc, c.node, 'image')?.trim();
      const node = entry(doc, c.node, 'image')?.value;
      // Empty, or filled in later by a tool (`${IMAGE}`, `{{ .Values.image }}`): nothing to judge here.
      if (!image || !node || /\$\{|\$\(|\{\{/.test(image)) continue;
      if (image.includes('@')) continue; // a digest pins the image whatever the tag says
      const tag = tagOf(image);
      if (tag !== undefined && tag !== '' && tag !== 'latest') continue;
      ctx.report({
        at: node,
        message: tag === 'latest'
          ? `${capitalise(describeContainer(c))} runs image ${image}: latest moves, so what runs is not necessarily what was scanned.`
          : `${capitalise(describeContainer(c))} runs image ${image} without a tag or digest: it gets whatever latest is when the node pulls it.`,
      });
    }
  },
});
