import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-etcd-tls.js';

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

const KUBEADM_ETCD_FLAGS = `    - --etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt
    - --etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt
    - --etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key
`;

testRule(rule, {
  valid: [
    {
      name: 'kubeadm: client certificate, key and CA, local etcd over https',
      yaml: STATIC_POD(`${KUBEADM_ETCD_FLAGS}    - --etcd-servers=https://127.0.0.1:2379\n`),
    },
    {
      name: 'an external etcd cluster of three members, flags as --flag value pairs',
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
          command: [kube-apiserver]
          args:
            - --etcd-servers
            - https://10.0.1.11:2379,https://10.0.1.12:2379,https://10.0.1.13:2379
            - --etcd-cafile
            - /pki/etcd-ca.crt
            - --etcd-certfile
            - /pki/etcd-client.crt
            - --etcd-keyfile
            - /pki/etcd-client.key
`,
    },
  ],
  invalid: [
    {
      name: 'plain http etcd without any client certificate: one finding per missing flag, one on the URLs',
      yaml: STATIC_POD('    - --etcd-servers=http://10.0.1.11:2379\n'),
      findings: [
        { line: 11, column: 5, text: 'command', message: 'kube-apiserver connects to etcd without a client certificate: --etcd-certfile is not set' },
        { line: 11, column: 5, text: 'command', message: '--etcd-keyfile is not set' },
        { line: 11, column: 5, text: 'command', message: '--etcd-cafile is not set' },
        { line: 14, column: 7, text: '--etcd-servers=http://10.0.1.11:2379', message: 'kube-apiserver reaches etcd without TLS: `http://10.0.1.11:2379` is not https://' },
      ],
    },
    {
      name: 'one member of three still on http, in a flow list',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: ["kube-apiserver", "--etcd-cafile=/pki/ca.crt", "--etcd-certfile=/pki/c.crt", "--etcd-keyfile=/pki/c.key", "--etcd-servers=https://e1:2379,http://e2:2379,https://e3:2379"]
`,
      findings: [
        { line: 9, column: 121, text: '"--etcd-servers=https://e1:2379,http://e2:2379,https://e3:2379"', message: '`http://e2:2379` is not https://' },
      ],
    },
    {
      name: 'a key file flag without a value',
      yaml: STATIC_POD(`${KUBEADM_ETCD_FLAGS.replace('/etc/kubernetes/pki/apiserver-etcd-client.key', '')}    - --etcd-servers=https://127.0.0.1:2379\n`),
      findings: [
        { line: 16, column: 7, text: '--etcd-keyfile=', message: 'kube-apiserver sets --etcd-keyfile= without a file: it connects to etcd without a client key' },
      ],
    },
    {
      name: 'recognised by its image, no flags at all: the findings point at the container name',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
    - name: apiserver
      image: registry.k8s.io/kube-apiserver:v1.30.2
`,
      findings: [
        { line: 7, column: 7, text: 'name', message: '--etcd-certfile' },
        { line: 7, column: 7, text: 'name', message: '--etcd-keyfile' },
        { line: 7, column: 7, text: 'name', message: '--etcd-cafile' },
      ],
    },
  ],
});
