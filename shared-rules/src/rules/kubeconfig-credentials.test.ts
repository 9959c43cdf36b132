import { testRule } from '../testing/rule-tester.js';
import rule from './kubeconfig-credentials.js';

testRule(rule, {
  valid: [
    {
      name: 'an EKS-style kubeconfig: CA data is public, the credential comes from an exec plugin',
      yaml: `apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=
    server: https://6F3C2A.gr7.eu-west-1.eks.amazonaws.com
  name: prod
contexts:
- context:
    cluster: prod
    user: prod-admin
  name: prod
current-context: prod
preferences: {}
users:
- name: prod-admin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: aws
      args: ["eks", "get-token", "--cluster-name", "prod"]
`,
    },
    {
      name: 'an audit webhook config with a client certificate on disk, and a token substituted at deploy time',
      yaml: `apiVersion: v1
kind: Config
clusters:
  - name: siem
    cluster:
      server: https://siem.example.internal:8443/k8s-audit
      certificate-authority: /etc/kubernetes/pki/siem-ca.crt
users:
  - name: kube-apiserver
    user:
      client-certificate: /etc/kubernetes/pki/audit-client.crt
      client-key: /etc/kubernetes/pki/audit-client.key
  - name: ci
    user:
      token: \${CI_TOKEN}
      password: ""
contexts:
  - name: default
    context: {cluster: siem, user: kube-apiserver}
current-context: default
`,
    },
    {
      name: 'an OpenShift operator Config is another kind of object',
      yaml: `apiVersion: imageregistry.operator.openshift.io/v1
kind: Config
metadata:
  name: cluster
spec:
  managementState: Managed
  storage:
    emptyDir: {}
`,
    },
  ],
  invalid: [
    {
      name: 'kubeadm admin.conf committed: the client key',
      yaml: `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwKY201bGRHVnpNQjRYRFRJeE1EZ3dNekEyTkRBeE1sb1hEVE14TURnd01UQTJOREF4TWxvd0ZURVRNQkVHQTFVRQo=
    server: https://10.0.0.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSURJVENDQWdtZ0F3SUJBZ0lJYUJDRA==
    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBdGVzdA==
`,
      findings: [{
        line: 19, column: 22, text: 'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpNSUlFcEFJQkFBS0NBUUVBdGVzdA==',
        message: 'User `kubernetes-admin` has the private key of a client certificate committed in this file (`client-key-data`)',
      }],
    },
    {
      name: 'Appendix N, correctly indented: a plain http server and a password',
      yaml: `apiVersion: v1
kind: Config
preferences: {}
clusters:
- name: example-cluster
  cluster:
    server: http://127.0.0.1:8080
    #web endpoint address for the log files to be sent to
    name: audit-webhook-service
users:
- name: example-users
  user:
    username: example-user
    password: example-password
contexts:
- name: example-context
  context:
    cluster: example-cluster
    user: example-user
current-context: example-context
`,
      findings: [
        { line: 7, column: 13, text: 'http://127.0.0.1:8080', message: 'Cluster `example-cluster` is reached over plain http' },
        { line: 14, column: 15, text: 'example-password', message: 'User `example-users` has a password committed' },
      ],
    },
    {
      name: 'an authorization webhook config (second document): TLS verification off, a bearer token, an upper-case HTTP scheme',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: authz-webhook
---
apiVersion: v1
kind: Config
clusters:
  - name: authz
    cluster:
      server: https://authz.example.internal/authorize
      insecure-skip-tls-verify: true
  - name: authz-legacy
    cluster: {server: "HTTP://authz-legacy:8080/authorize"}
users:
  - name: kube-apiserver
    user:
      token: 8f2d6c1a4b7e9d3f5a0c2e4b6d8f1a3c
current-context: webhook
contexts:
  - name: webhook
    context:
      cluster: authz
      user: kube-apiserver
`,
      findings: [
        { line: 12, column: 33, text: 'true', message: 'Cluster `authz` skips TLS verification' },
        { line: 14, column: 23, text: '"HTTP://authz-legacy:8080/authorize"', message: 'Cluster `authz-legacy` is reached over plain http' },
        { line: 18, column: 14, text: '8f2d6c1a4b7e9d3f5a0c2e4b6d8f1a3c', message: 'User `kube-apiserver` has a bearer token committed' },
      ],
    },
  ],
});
