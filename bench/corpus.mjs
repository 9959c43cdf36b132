// Deterministic corpora for the benchmarks (a seeded PRNG, no randomness between runs).
export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Service', 'ConfigMap', 'Role', 'NetworkPolicy', 'Namespace'];

function workload(kind, i, random) {
  const containers = 1 + Math.floor(random() * 3);
  const podSpec = (indent) => {
    const p = ' '.repeat(indent);
    const lines = [`${p}# pod ${i}`, `${p}serviceAccountName: sa-${i}`];
    if (random() < 0.5) lines.push(`${p}securityContext:`, `${p}  runAsNonRoot: true`, `${p}  seccompProfile:`, `${p}    type: RuntimeDefault`);
    lines.push(`${p}containers:`);
    for (let c = 0; c < containers; c++) {
      lines.push(`${p}  - name: c${c}`, `${p}    image: registry.example.com/team/app-${i}:${c}.${i % 7}.0`, `${p}    ports:`, `${p}      - containerPort: ${8000 + c}`);
      lines.push(`${p}    env:`, `${p}      - name: MODE`, `${p}        value: production`, `${p}      - name: SHARD`, `${p}        value: "${i}"`);
      if (random() < 0.6) lines.push(`${p}    securityContext:`, `${p}      allowPrivilegeEscalation: false`, `${p}      readOnlyRootFilesystem: ${random() < 0.5}`);
      lines.push(`${p}    resources:`, `${p}      requests:`, `${p}        cpu: 100m`, `${p}        memory: 128Mi`);
      if (random() < 0.5) lines.push(`${p}      limits:`, `${p}        cpu: 500m`, `${p}        memory: 256Mi`);
    }
    return lines;
  };
  const head = [`apiVersion: ${kind === 'CronJob' ? 'batch/v1' : 'apps/v1'}`, `kind: ${kind}`, 'metadata:', `  name: app-${i}`, `  namespace: ns-${i % 5}`, '  labels:', `    app: app-${i}`];
  if (kind === 'CronJob') return [...head, 'spec:', '  schedule: "*/5 * * * *"', '  jobTemplate:', '    spec:', '      template:', '        spec:', ...podSpec(10)];
  return [...head, 'spec:', '  selector:', '    matchLabels:', `      app: app-${i}`, '  template:', '    metadata:', '      labels:', `        app: app-${i}`, '    spec:', ...podSpec(6)];
}

function other(kind, i) {
  const head = [`kind: ${kind}`, 'metadata:', `  name: obj-${i}`, `  namespace: ns-${i % 5}`];
  switch (kind) {
    case 'Service': return ['apiVersion: v1', ...head, 'spec:', `  selector: {app: app-${i}}`, '  ports:', '    - port: 80', '      targetPort: 8080'];
    case 'ConfigMap': return ['apiVersion: v1', ...head, 'data:', ...Array.from({ length: 12 }, (_, k) => `  key${k}: value-${i}-${k}`)];
    case 'Role': return ['apiVersion: rbac.authorization.k8s.io/v1', ...head, 'rules:', '  - apiGroups: [""]', '    resources: [pods]', '    verbs: [get, list, watch]'];
    case 'NetworkPolicy': return ['apiVersion: networking.k8s.io/v1', ...head, 'spec:', '  podSelector: {}', '  policyTypes: [Ingress, Egress]'];
    default: return ['apiVersion: v1', `kind: ${kind}`, 'metadata:', `  name: ns-${i}`];
  }
}

/** A multi-document file of about `lines` lines (~50 lines a document). */
export function multiDocumentFile(lines, seed = 42) {
  const random = rng(seed);
  const out = ['# generated benchmark corpus'];
  for (let i = 0; out.length < lines; i++) {
    const kind = KINDS[Math.floor(random() * KINDS.length)];
    const doc = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'].includes(kind) ? workload(kind, i, random) : other(kind, i);
    out.push('---', `# object ${i}`, ...doc);
  }
  return `${out.join('\n')}\n`;
}
