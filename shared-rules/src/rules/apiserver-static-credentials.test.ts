import { testRule } from '../testing/rule-tester.js';
import rule from './apiserver-static-credentials.js';

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
${flags}    - --client-ca-file=/etc/kubernetes/pki/ca.crt
    - --secure-port=6443
    image: registry.k8s.io/kube-apiserver:v1.30.2
    name: kube-apiserver
    volumeMounts:
    - mountPath: /etc/kubernetes/pki
      name: k8s-certs
      readOnly: true
  hostNetwork: true
`;

testRule(rule, {
  valid: [
    {
      name: 'kubeadm: certificates and bootstrap tokens, no static files',
      yaml: STATIC_POD('    - --enable-bootstrap-token-auth=true\n'),
    },
    {
      name: 'OIDC authentication in a flow-style args list',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    args: [--oidc-issuer-url=https://login.example.com, --oidc-client-id=kubernetes]
`,
    },
  ],
  invalid: [
    {
      name: 'a token file in the kubeadm list: the item goes',
      yaml: STATIC_POD('    - --token-auth-file=/etc/kubernetes/known_tokens.csv\n'),
      findings: [
        {
          line: 14, column: 7, text: '--token-auth-file=/etc/kubernetes/known_tokens.csv', message: 'users authenticate with a static token file',
          fixes: [{ title: 'Remove --token-auth-file', output: STATIC_POD('') }],
        },
      ],
    },
    {
      name: 'both files, one written as --flag value across two items: one finding each, in order',
      yaml: STATIC_POD('    - --basic-auth-file\n    - /etc/kubernetes/basic_auth.csv\n    - --token-auth-file=/etc/kubernetes/known_tokens.csv\n'),
      findings: [
        {
          line: 14, column: 7, text: '--basic-auth-file', message: 'kube-apiserver sets --basic-auth-file=/etc/kubernetes/basic_auth.csv: users authenticate with a static password file',
          fixes: [{ title: 'Remove --basic-auth-file', output: STATIC_POD('    - --token-auth-file=/etc/kubernetes/known_tokens.csv\n') }],
        },
        {
          line: 16, column: 7, text: '--token-auth-file=/etc/kubernetes/known_tokens.csv',
          fixes: [{ title: 'Remove --token-auth-file', output: STATIC_POD('    - --basic-auth-file\n    - /etc/kubernetes/basic_auth.csv\n') }],
        },
      ],
    },
    {
      name: 'a flow list: the item and one comma go',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: ["kube-apiserver", "--token-auth-file=/srv/tokens.csv", "--secure-port=6443"]
`,
      findings: [
        {
          line: 9, column: 33, text: '"--token-auth-file=/srv/tokens.csv"',
          fixes: [{
            title: 'Remove --token-auth-file',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command: ["kube-apiserver", "--secure-port=6443"]
`,
          }],
        },
      ],
    },
    {
      name: 'one item holding the whole command line: the flag\'s words go, the rest stays',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command:
    - kube-apiserver --secure-port=6443 --token-auth-file /srv/tokens.csv
`,
      findings: [
        {
          line: 10, column: 41, text: '--token-auth-file /srv/tokens.csv',
          fixes: [{
            title: 'Remove --token-auth-file',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: apiserver
spec:
  containers:
  - name: apiserver
    image: registry.k8s.io/kube-apiserver:v1.30.2
    command:
    - kube-apiserver --secure-port=6443
`,
          }],
        },
      ],
    },
  ],
});
