import { describeFlag, missingFlagAt, runningComponents } from '../k8s/components.js';
import { addFlag, allFlags, flagRange, isExpansion, lastFlag, listValues, removeFlag, setFlagValue } from '../k8s/flags.js';
import { defineRule, fix } from '../rule.js';

export default defineRule({
  meta: {
    id: 'apiserver-admission-plugins',
    title: 'The API server must enable NodeRestriction and never AlwaysAdmit',
    severity: 'warning',
    category: 'Control plane',
    guidance: [
      { section: 'Pod Security Policies', page: 11, quote: 'First, before PSPs can be applied, the PodSecurityPolicy plugin must be enabled for the Kubernetes admission controller, part of kube-apiserver.' },
    ],
    why: 'Without the NodeRestriction admission plugin a kubelet may modify any Node and Pod object, so one compromised node can relabel others or tamper with workloads across the cluster; `AlwaysAdmit` is a deprecated plugin that admits everything.',
    remediation: 'Include `NodeRestriction` in `--enable-admission-plugins`, keep it out of `--disable-admission-plugins`, and remove `AlwaysAdmit`.',
    fix: { safety: 'safe', description: 'Edits the plugin list: adds `NodeRestriction` (or the flag), removes `AlwaysAdmit`, or takes `NodeRestriction` out of `--disable-admission-plugins`.' },
    peers: ['Checkov CKV_K8S_79', 'Checkov CKV_K8S_85', 'Trivy KCV0011', 'Trivy KCV0016'],
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
        - --enable-admission-plugins=AlwaysAdmit
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
        - --enable-admission-plugins=NodeRestriction,EventRateLimit
`,
    },
  },
  check(object, ctx) {
    for (const rc of runningComponents(ctx.src, object, 'kube-apiserver')) {
      // `--admission-control` is the pre-1.10 spelling; it counts when the new flag is absent.
      const flag = lastFlag(rc.flags, 'enable-admission-plugins') ?? lastFlag(rc.flags, 'admission-control');
      if (!flag) {
        ctx.report({
          at: missingFlagAt(rc),
          message: 'kube-apiserver does not enable the NodeRestriction admission plugin: --enable-admission-plugins is not set.',
          fixes: [fix('Add --enable-admission-plugins=NodeRestriction', addFlag(ctx.src, rc.flags, '--enable-admission-plugins=NodeRestriction'), 'safe')],
        });
      } else if (flag.value === undefined || !isExpansion(flag.value)) {
        const plugins = listValues(flag.value);
        const alwaysAdmit = plugins.includes('AlwaysAdmit');
        const nodeRestriction = plugins.includes('NodeRestriction');
        if (alwaysAdmit || !nodeRestriction) {
          const kept = plugins.filter((p) => p !== 'AlwaysAdmit');
          const wanted = nodeRestriction ? kept : [...kept, 'NodeRestriction'];
          const problems = [
            ...(nodeRestriction ? [] : ['NodeRestriction is not enabled']),
            ...(alwaysAdmit ? ['AlwaysAdmit admits every request'] : []),
          ];
          const title = [
            ...(nodeRestriction ? [] : ['add NodeRestriction']),
            ...(alwaysAdmit ? ['remove AlwaysAdmit'] : []),
          ].join(' and ');
          ctx.report({
            at: flagRange(flag),
            message: `kube-apiserver sets ${describeFlag(flag)}: ${problems.join(', and ')}.`,
            fixes: [fix(`${title.charAt(0).toUpperCase()}${title.slice(1)} (--${flag.name}=${wanted.join(',')})`, setFlagValue(ctx.src, flag, wanted.join(',')), 'safe')],
          });
        }
      }
      for (const disabled of allFlags(rc.flags, 'disable-admission-plugins')) {
        const plugins = listValues(disabled.value);
        if (!plugins.includes('NodeRestriction')) continue;
        const kept = plugins.filter((p) => p !== 'NodeRestriction');
        ctx.report({
          at: flagRange(disabled),
          message: `kube-apiserver sets ${describeFlag(disabled)}: the NodeRestriction admission plugin is disabled.`,
          fixes: [kept.length === 0
            ? fix('Remove --disable-admission-plugins', removeFlag(ctx.src, disabled), 'safe')
            : fix(`Stop disabling NodeRestriction (--disable-admission-plugins=${kept.join(',')})`, setFlagValue(ctx.src, disabled, kept.join(',')), 'safe')],
        });
      }
    }
  },
});
