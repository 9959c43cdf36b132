import { testRule } from '../testing/rule-tester.js';
import rule from './no-secrets-in-env.js';

// Credential-shaped values are assembled at run time so that secret scanners do not flag this file.
const GITHUB = 'ghp_' + 'a1B2c3D4e5'.repeat(3) + 'F6g7H8';

testRule(rule, {
  valid: [
    {
      name: 'references, file locations, settings about secrets, expansions, empty values',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  template:
    spec:
      containers:
        - name: api
          image: api:3
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: api-db
                  key: password
            - name: DB_PASSWORD_FILE
              value: /run/secrets/db-password
            - name: TOKEN_URL
              value: https://auth.example.com/oauth/token
            - name: DATABASE_URL
              value: postgres://api:$(DB_PASSWORD)@db:5432/api
            - name: API_KEY
              value: ""
            - name: LOG_LEVEL
              value: debug
`,
    },
    {
      name: 'booleans and numbers under secret-like names, envFrom a Secret',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: app:1
    envFrom:
    - secretRef:
        name: app-env
    env:
    - {name: REQUIRE_PASSWORD, value: "true"}
    - {name: SESSION_TOKEN_TTL, value: "3600"}
    - {name: PASSWORD_MIN_LENGTH, value: "12"}
`,
    },
  ],
  invalid: [
    {
      name: 'a literal password: the fix reads it from a placeholder Secret named after the workload',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
      - name: shop
        image: shop:4
        env:
        - name: DB_USER
          value: shop
        - name: DB_PASSWORD
          value: hunter2
        - name: PORT
          value: "8080"
`,
      findings: [
        {
          line: 15, column: 18, text: 'hunter2', message: 'Container `shop` sets DB_PASSWORD to a literal value',
          fixes: [{
            title: 'Read DB_PASSWORD from a Secret (placeholders to fill in: Secret `shop-secrets`, key `DB_PASSWORD`)',
            output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  template:
    spec:
      containers:
      - name: shop
        image: shop:4
        env:
        - name: DB_USER
          value: shop
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: shop-secrets # TODO: create this Secret
              key: DB_PASSWORD
        - name: PORT
          value: "8080"
`,
          }],
        },
      ],
    },
    {
      name: 'a known token format fires whatever the name; a comment after the value stays on the key’s line',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
  name: release
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: release
          image: goreleaser:1.25
          env:
            - name: GH_AUTH
              value: "${GITHUB}" # rotate monthly
`,
      findings: [
        {
          line: 14, column: 22, text: `"${GITHUB}"`, message: 'Container `release` sets GH_AUTH to a GitHub token',
          fixes: [{
            title: 'Read GH_AUTH from a Secret (placeholders to fill in: Secret `release-secrets`, key `GH_AUTH`)',
            output: `apiVersion: batch/v1
kind: Job
metadata:
  name: release
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: release
          image: goreleaser:1.25
          env:
            - name: GH_AUTH
              valueFrom: # rotate monthly
                secretKeyRef:
                  name: release-secrets # TODO: create this Secret
                  key: GH_AUTH
`,
          }],
        },
      ],
    },
    {
      name: 'a placeholder under a secret-like name is information; a URL with a password is an error (flow style)',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: worker:2
    env:
    - {name: apiKey, value: changeme}
    - {name: BROKER, value: "amqp://worker:s3cr3t@rabbitmq:5672/"}
`,
      findings: [
        {
          line: 10, column: 29, text: 'changeme', severity: 'information', message: 'Container `worker` sets apiKey to a placeholder',
          fixes: [{
            title: 'Read apiKey from a Secret (placeholders to fill in: Secret `worker-secrets`, key `apiKey`)',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: worker:2
    env:
    - {name: apiKey, valueFrom: {secretKeyRef: {name: worker-secrets, key: apiKey}}}
    - {name: BROKER, value: "amqp://worker:s3cr3t@rabbitmq:5672/"}
`,
          }],
        },
        {
          line: 11, column: 29, text: '"amqp://worker:s3cr3t@rabbitmq:5672/"', message: 'sets BROKER to a URL with a password',
          fixes: [{
            title: 'Read BROKER from a Secret (placeholders to fill in: Secret `worker-secrets`, key `BROKER`)',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: worker:2
    env:
    - {name: apiKey, value: changeme}
    - {name: BROKER, valueFrom: {secretKeyRef: {name: worker-secrets, key: BROKER}}}
`,
          }],
        },
      ],
    },
    {
      name: 'an init container in 4-space indentation with CRLF; value before name; a PEM key in a block scalar',
      yaml: `apiVersion: v1
kind: Pod
metadata:
    name: tunnel
spec:
    initContainers:
        - name: keys
          image: alpine:3.20
          env:
              - value: |
                    -----BEGIN OPENSSH PRIVATE KEY-----
                    b3BlbnNzaC1rZXktdjEAAAAA
                    -----END OPENSSH PRIVATE KEY-----
                name: SSH_KEY
    containers:
        - name: tunnel
          image: tunnel:1
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 10, column: 24,
          text: '|\r\n                    -----BEGIN OPENSSH PRIVATE KEY-----\r\n                    b3BlbnNzaC1rZXktdjEAAAAA\r\n                    -----END OPENSSH PRIVATE KEY-----\r\n',
          message: 'Init container `keys` sets SSH_KEY to a PEM private key',
          fixes: [{
            title: 'Read SSH_KEY from a Secret (placeholders to fill in: Secret `tunnel-secrets`, key `SSH_KEY`)',
            output: `apiVersion: v1
kind: Pod
metadata:
    name: tunnel
spec:
    initContainers:
        - name: keys
          image: alpine:3.20
          env:
              - valueFrom:
                    secretKeyRef:
                        name: tunnel-secrets # TODO: create this Secret
                        key: SSH_KEY
                name: SSH_KEY
    containers:
        - name: tunnel
          image: tunnel:1
`.replace(/\n/g, '\r\n'),
          }],
        },
      ],
    },
  ],
});
