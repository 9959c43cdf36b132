import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-encryption-at-rest.js';

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
    - --client-ca-file=/etc/kubernetes/pki/ca.crt
${flags}    - --tls-private-key-file=/etc/kubernetes/pki/apiserver.key
    image: registry.k8s.io/kube-apiserver:v1.30.2
    name: kube-apiserver
  hostNetwork: true
`;

const TODO = ' # TODO: write this EncryptionConfiguration and mount it into the Pod';

testRule(rule, {
  valid: [
    {
      name: 'kubeadm with an encryption configuration',
      yaml: STATIC_POD('    - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n'),
    },
    {
      name: 'the path comes from the environment ($(VAR) expansion) and is not judged',
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
          env:
            - name: ENCRYPTION_CONFIG
              value: /config/encryption.yaml
          args: ["--encryption-provider-config=$(ENCRYPTION_CONFIG)"]
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm as generated: a path to fill in is appended with a TODO comment',
      yaml: STATIC_POD(''),
      findings: [
        {
          line: 11, column: 5, text: 'command', message: 'kube-apiserver stores Secrets unencrypted in etcd',
          fixes: [{
            title: 'Add --encryption-provider-config=/etc/kubernetes/enc/enc.yaml',
            output: STATIC_POD('').replace('apiserver.key\n', `apiserver.key\n    - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml${TODO}\n`),
          }],
        },
      ],
    },
    {
      name: 'the same with CRLF line endings',
      yaml: STATIC_POD('').replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 11, column: 5, text: 'command',
          fixes: [{
            title: 'Add --encryption-provider-config=/etc/kubernetes/enc/enc.yaml',
            output: STATIC_POD('').replace('apiserver.key\n', `apiserver.key\n    - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml${TODO}\n`).replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
    {
      name: 'a flow-style args list: the item goes inside, the comment at the end of the line',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    args: ['--secure-port=6443', '--authorization-mode=Node,RBAC']
    ports:
    - containerPort: 6443
`,
      findings: [
        {
          line: 9, column: 5, text: 'args',
          fixes: [{
            title: 'Add --encryption-provider-config=/etc/kubernetes/enc/enc.yaml',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    args: ['--secure-port=6443', '--authorization-mode=Node,RBAC', '--encryption-provider-config=/etc/kubernetes/enc/enc.yaml']${TODO}
    ports:
    - containerPort: 6443
`,
          }],
        },
      ],
    },
    {
      name: 'the flag without a value: the path is written after it',
      yaml: STATIC_POD('    - --encryption-provider-config=\n'),
      findings: [
        {
          line: 15, column: 7, text: '--encryption-provider-config=', message: 'without a file',
          fixes: [{
            title: 'Set --encryption-provider-config=/etc/kubernetes/enc/enc.yaml',
            output: STATIC_POD('    - --encryption-provider-config=/etc/kubernetes/enc/enc.yaml\n'),
          }],
        },
      ],
    },
  ],
});
