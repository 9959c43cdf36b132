import { testRule } from '../testing/rule-tester.js';
import rule from './image-tag-pinned.js';

testRule(rule, {
  valid: [
    {
      name: 'version tags, a registry with a port, a digest, and a tag with a digest',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: migrate
          image: registry.example.com:5000/team/migrate:2.1.0
      containers:
        - name: web
          image: nginx:1.25.3
        - name: proxy
          image: ghcr.io/example/proxy@sha256:4c4b7e3b0e36f0d2c5e5a1b5f2f1f7b2a4a7e4f0b0c1d2e3f4a5b6c7d8e9f0a1
        - name: agent
          image: "datadog/agent:latest@sha256:0a9f8e7d6c5b4a3928171605f4e3d2c1b0a99887766554433221100ffeeddccb"
`,
    },
    {
      name: 'images filled in by a tool later are not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: \${APP_IMAGE}
  - name: helper
    image: "registry.local/helper:{{ .Values.tag }}"
`,
    },
  ],
  invalid: [
    {
      name: 'no tag, and latest, in one Pod',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: web
    image: nginx
  - name: cache
    image: redis:latest # TODO pin
`,
      findings: [
        { line: 8, column: 12, text: 'nginx', message: 'Container `web` runs image nginx without a tag or digest' },
        { line: 10, column: 12, text: 'redis:latest', message: 'Container `cache` runs image redis:latest: latest moves' },
      ],
    },
    {
      name: 'a registry port is not a tag',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
      - name: db
        image: "registry.internal:5000/platform/postgres"
`,
      findings: [
        { line: 11, column: 16, text: '"registry.internal:5000/platform/postgres"', message: 'without a tag or digest' },
      ],
    },
    {
      name: 'flow style in a CronJob init container; an empty tag is no tag',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: sync
spec:
  schedule: "*/5 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers: [{name: wait, image: "busybox:"}]
          containers: [{name: sync, image: rclone/rclone:1.66}]
`,
      findings: [
        { line: 12, column: 48, text: '"busybox:"', message: 'Init container `wait` runs image busybox: without a tag' },
      ],
    },
  ],
});
