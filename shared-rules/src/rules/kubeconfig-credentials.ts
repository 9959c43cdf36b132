import { isScalar } from 'yaml';
import { isKubeconfig, isSubstituted } from '../k8s/config-files.js';
import { defineRule } from '../rule.js';
import { booleanOf, entry, mapAt, mapItems, seqAt, stringAt } from '../yaml/nodes.js';

/** Credential fields of `users[].user`, and what each gives to whoever reads the file. */
const CREDENTIALS: readonly { readonly field: string; readonly what: string }[] = [
  { field: 'password', what: 'a password' },
  { field: 'token', what: 'a bearer token' },
  { field: 'client-key-data', what: 'the private key of a client certificate' },
];

export default defineRule({
  meta: {
    id: 'kubeconfig-credentials',
    title: 'Kubeconfig files must not hold credentials or skip TLS',
    severity: 'error',
    category: 'Configuration files',
    guidance: [
      { section: 'Kubeconfig Files', page: 16, quote: 'The kubeconfig files contain sensitive information about clusters, users, namespaces, and authentication mechanisms.' },
      { section: 'Recommendations', page: 2, quote: 'Place all credentials and sensitive information in Kubernetes Secrets rather than in configuration files.' },
    ],
    why: 'A password, token or client key committed in a kubeconfig (or an audit or authorization webhook config) gives everyone who can read the repository the identity it names. A server on `http://` or with TLS verification off sends those credentials, and audit events, to whoever sits on the network path.',
    remediation: 'Keep credentials out of the file (`tokenFile`, `client-key` paths, or an `exec` credential plugin), and reach every server over `https://` with its CA (`certificate-authority` or `certificate-authority-data`).',
    peers: [],
    examples: {
      failing: `apiVersion: v1
kind: Config
clusters:
  - name: audit-sink
    cluster:
      server: http://audit.example.internal:8080/events
contexts:
  - name: webhook
    context:
      cluster: audit-sink
      user: api-server
current-context: webhook
users:
  - name: api-server
    user:
      username: api-server
      password: s3cr3t-Passw0rd
`,
      passing: `apiVersion: v1
kind: Config
clusters:
  - name: audit-sink
    cluster:
      server: https://audit.example.internal:8443/events
      certificate-authority: /etc/kubernetes/pki/audit-ca.crt
contexts:
  - name: webhook
    context:
      cluster: audit-sink
      user: api-server
current-context: webhook
users:
  - name: api-server
    user:
      client-certificate: /etc/kubernetes/pki/audit-client.crt
      client-key: /etc/kubernetes/pki/audit-client.key
`,
    },
  },
  check(object, ctx) {
    if (!isKubeconfig(object)) return;
    const doc = ctx.src.doc;
    for (const item of mapItems(doc, seqAt(doc, object.node, 'clusters'))) {
      const name = stringAt(doc, item, 'name');
      const who = name ? `Cluster \`${name}\`` : 'A cluster';
      const cluster = mapAt(doc, item, 'cluster');
      const server = entry(doc, cluster, 'server');
      const url = stringAt(doc, cluster, 'server');
      if (server?.value && url && /^http:\/\//i.test(url.trim())) {
        ctx.report({ at: server.value, message: `${who} is reached over plain http: credentials and requests cross the network unencrypted.` });
      }
      const skip = entry(doc, cluster, 'insecure-skip-tls-verify');
      if (skip?.value && booleanOf(skip.value) === true) {
        ctx.report({ at: skip.value, message: `${who} skips TLS verification: anyone on the network path can pose as the server and collect the credentials.` });
      }
    }
    for (const item of mapItems(doc, seqAt(doc, object.node, 'users'))) {
      const name = stringAt(doc, item, 'name');
      const who = name ? `User \`${name}\`` : 'A user';
      const user = mapAt(doc, item, 'user');
      for (const { field, what } of CREDENTIALS) {
        const found = entry(doc, user, field);
        const v = found?.value;
        if (!v || !isScalar(v) || v.value === null || typeof v.value === 'object') continue;
        const text = String(v.value).trim();
        // Substituted at deploy time (`${TOKEN}`) or a `<token>` placeholder: nothing is committed.
        if (text === '' || isSubstituted(text) || /^<[^<>]*>$/.test(text)) continue;
        ctx.report({ at: v, message: `${who} has ${what} committed in this file (\`${field}\`): anyone who reads it can act as that user.` });
      }
    }
  },
});
