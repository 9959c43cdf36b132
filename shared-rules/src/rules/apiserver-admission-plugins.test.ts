import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-admission-plugins.js';

const STATIC_POD = (flags: string) => `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: kube-apiserver
    tier: control-plane
  name: kube-apiserver
  namespace: kube-system
spec:
  containers:
  - command:
    - kube-apiserver
    - --authorization-mode=Node,RBAC
${flags}    - --secure-port=6443
    image: registry.k8s.io/kube-apiserver:v1.30.2
    name: kube-apiserver
  hostNetwork: true
`;

testRule(rule, {
  valid: [
    {
      name: 'kubeadm: --enable-admission-plugins=NodeRestriction',
      yaml: STATIC_POD('    - --enable-admission-plugins=NodeRestriction\n'),
    },
    {
      name: 'several plugins as --flag value in a flow list, another one disabled',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: [kube-apiserver, --enable-admission-plugins, "EventRateLimit,NodeRestriction,AlwaysPullImages", --disable-admission-plugins=DefaultStorageClass]
`,
    },
    {
      name: 'the pre-1.10 --admission-control flag counts',
      yaml: STATIC_POD('    - --admission-control=NamespaceLifecycle,LimitRanger,ServiceAccount,NodeRestriction,ResourceQuota\n'),
    },
  ],
  invalid: [
    {
      name: 'missing: the flag is added',
      yaml: STATIC_POD(''),
      findings: [
        {
          line: 11, column: 5, text: 'command', message: '--enable-admission-plugins is not set',
          fixes: [{
            title: 'Add --enable-admission-plugins=NodeRestriction',
            output: STATIC_POD('').replace('    - --secure-port=6443\n', '    - --secure-port=6443\n    - --enable-admission-plugins=NodeRestriction\n'),
          }],
        },
      ],
    },
    {
      name: 'AlwaysAdmit without NodeRestriction: one finding, one edit of the list',
      yaml: STATIC_POD('    - --enable-admission-plugins=AlwaysAdmit,EventRateLimit\n'),
      findings: [
        {
          line: 14, column: 7, text: '--enable-admission-plugins=AlwaysAdmit,EventRateLimit', message: 'NodeRestriction is not enabled, and AlwaysAdmit admits every request',
          fixes: [{
            title: 'Add NodeRestriction and remove AlwaysAdmit (--enable-admission-plugins=EventRateLimit,NodeRestriction)',
            output: STATIC_POD('    - --enable-admission-plugins=EventRateLimit,NodeRestriction\n'),
          }],
        },
      ],
    },
    {
      name: 'a quoted plugin list without NodeRestriction: appended inside the quotes',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: registry.k8s.io/kube-apiserver:v1.30.2
          args:
            - "--enable-admission-plugins=NamespaceLifecycle,ServiceAccount"
`,
      findings: [
        {
          line: 12, column: 15, text: '"--enable-admission-plugins=NamespaceLifecycle,ServiceAccount"',
          fixes: [{
            title: 'Add NodeRestriction (--enable-admission-plugins=NamespaceLifecycle,ServiceAccount,NodeRestriction)',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: apiserver
spec:
  template:
    spec:
      containers:
        - name: apiserver
          image: registry.k8s.io/kube-apiserver:v1.30.2
          args:
            - "--enable-admission-plugins=NamespaceLifecycle,ServiceAccount,NodeRestriction"
`,
          }],
        },
      ],
    },
    {
      name: 'NodeRestriction enabled but also disabled: the disable list loses it, or the flag goes',
      yaml: STATIC_POD('    - --enable-admission-plugins=NodeRestriction\n    - --disable-admission-plugins=NodeRestriction,DefaultStorageClass\n    - --disable-admission-plugins=NodeRestriction\n'),
      findings: [
        {
          line: 15, column: 7, text: '--disable-admission-plugins=NodeRestriction,DefaultStorageClass', message: 'the NodeRestriction admission plugin is disabled',
          fixes: [{
            title: 'Stop disabling NodeRestriction (--disable-admission-plugins=DefaultStorageClass)',
            output: STATIC_POD('    - --enable-admission-plugins=NodeRestriction\n    - --disable-admission-plugins=DefaultStorageClass\n    - --disable-admission-plugins=NodeRestriction\n'),
          }],
        },
        {
          line: 16, column: 7, text: '--disable-admission-plugins=NodeRestriction',
          fixes: [{
            title: 'Remove --disable-admission-plugins',
            output: STATIC_POD('    - --enable-admission-plugins=NodeRestriction\n    - --disable-admission-plugins=NodeRestriction,DefaultStorageClass\n'),
          }],
        },
      ],
    },
  ],
});
