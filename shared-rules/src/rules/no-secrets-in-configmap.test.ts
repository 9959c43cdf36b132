import { testRule } from '../testing/rule-tester.js';
import rule from './no-secrets-in-configmap.js';

// Credential-shaped values are assembled at run time so that secret scanners do not flag this file.
const SLACK = 'xoxb-' + '2048-1024-' + 'k9ZqL3mN8pR2';

testRule(rule, {
  valid: [
    {
      name: 'settings, locations and a config file without credentials',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: web
data:
  LOG_LEVEL: debug
  DB_HOST: postgres.shop.svc.cluster.local
  DB_PASSWORD_FILE: /etc/secrets/db-password
  TOKEN_ISSUER_URL: https://auth.example.com/
  nginx.conf: |
    server {
      listen 8080;
      location / { proxy_pass http://api:8080; }
    }
`,
    },
    {
      name: 'a Secret is where passwords belong: this rule does not judge it',
      yaml: `apiVersion: v1
kind: Secret
metadata:
  name: db
stringData:
  password: hunter2
`,
    },
  ],
  invalid: [
    {
      name: 'secret-like keys with literal values',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: api-config
data:
  DB_USER: api
  DB_PASSWORD: "Pa55w0rd!"
  jwt.secret: 6f1e0c9a8b7d
  api-key: ""
`,
      findings: [
        { line: 7, column: 3, text: 'DB_PASSWORD', message: 'ConfigMap `api-config` key DB_PASSWORD holds a literal secret value' },
        { line: 8, column: 3, text: 'jwt.secret' },
      ],
    },
    {
      name: 'a URL with a password inside an embedded properties file',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata:
  name: orders
data:
  application.properties: |
    server.port=8080
    spring.datasource.url=jdbc:postgresql://orders:s3cret@db:5432/orders
`,
      findings: [
        { line: 6, column: 3, text: 'application.properties', message: 'key application.properties holds a URL with a password' },
      ],
    },
    {
      name: 'flow style: a Slack token under a plain name, and a placeholder (information)',
      yaml: `apiVersion: v1
kind: ConfigMap
metadata: {name: notifier}
data: {CHANNEL: "#alerts", WEBHOOK: "${SLACK}", SMTP_PASS: "<smtp password>"}
`,
      findings: [
        { line: 4, column: 28, text: 'WEBHOOK', message: 'holds a Slack token' },
        { line: 4, column: 68, text: 'SMTP_PASS', severity: 'information', message: 'ConfigMap `notifier` key SMTP_PASS holds a placeholder' },
      ],
    },
    {
      name: 'a ConfigMap inside a kind: List',
      yaml: `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: one
  data:
    clientSecret: 9f8e7d6c5b4a
`,
      findings: [
        { line: 9, column: 5, text: 'clientSecret', message: 'ConfigMap `one` key clientSecret' },
      ],
    },
  ],
});
