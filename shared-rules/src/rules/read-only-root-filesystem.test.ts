import { testRule } from '../testing/rule-tester.js';
import rule from './read-only-root-filesystem.js';

testRule(rule, {
  valid: [
    {
      name: 'every container and init container has a read-only root file system',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
      - name: render
        image: render:1
        securityContext: {readOnlyRootFilesystem: true}
      containers:
      - name: web
        image: nginx:1.25
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: tmp
        emptyDir: {}
`,
    },
    {
      name: 'a Windows pod is not judged',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  os:
    name: windows
  containers:
    - name: app
      image: mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022
`,
    },
  ],
  invalid: [
    {
      name: 'no securityContext and no volumes: the second fix adds an emptyDir at /tmp',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25 # pinned
        ports:
        - containerPort: 80
`,
      findings: [
        {
          line: 13, column: 9, text: 'name', message: 'Container `web` can write to its root file system',
          fixes: [
            {
              title: 'Set readOnlyRootFilesystem: true in container `web`',
              output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25 # pinned
        ports:
        - containerPort: 80
        securityContext:
          readOnlyRootFilesystem: true
`,
            },
            {
              title: 'Set readOnlyRootFilesystem: true in container `web` and mount an emptyDir at /tmp',
              output: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.25 # pinned
        ports:
        - containerPort: 80
        securityContext:
          readOnlyRootFilesystem: true
        volumeMounts:
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: tmp
        emptyDir: {}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'readOnlyRootFilesystem: false, a volume already named tmp: the new one is tmp-1, appended to both lists',
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
          image: postgres:16
          securityContext:
            readOnlyRootFilesystem: false  # postgres writes its socket
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
      volumes:
        - name: tmp
          hostPath:
            path: /var/tmp/db
        - name: data
          persistentVolumeClaim:
            claimName: db-data
`,
      findings: [
        {
          line: 13, column: 37, text: 'false',
          fixes: [
            {
              title: 'Set readOnlyRootFilesystem: true in container `db`',
              output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext:
            readOnlyRootFilesystem: true  # postgres writes its socket
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
      volumes:
        - name: tmp
          hostPath:
            path: /var/tmp/db
        - name: data
          persistentVolumeClaim:
            claimName: db-data
`,
            },
            {
              title: 'Set readOnlyRootFilesystem: true in container `db` and mount an emptyDir at /tmp',
              output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          securityContext:
            readOnlyRootFilesystem: true  # postgres writes its socket
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
            - name: tmp-1
              mountPath: /tmp
      volumes:
        - name: tmp
          hostPath:
            path: /var/tmp/db
        - name: data
          persistentVolumeClaim:
            claimName: db-data
        - name: tmp-1
          emptyDir: {}
`,
            },
          ],
        },
      ],
    },
    {
      name: '/tmp is mounted already: only the first fix, a flow-style addition',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: worker:3
    securityContext: {runAsUser: 1000}
    volumeMounts:
    - {name: scratch, mountPath: /tmp}
  volumes:
  - name: scratch
    emptyDir: {medium: Memory}
`,
      findings: [
        {
          line: 7, column: 5, text: 'name',
          fixes: [{
            title: 'Set readOnlyRootFilesystem: true in container `worker`',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: worker
spec:
  containers:
  - name: worker
    image: worker:3
    securityContext: {runAsUser: 1000, readOnlyRootFilesystem: true}
    volumeMounts:
    - {name: scratch, mountPath: /tmp}
  volumes:
  - name: scratch
    emptyDir: {medium: Memory}
`,
          }],
        },
      ],
    },
    {
      name: 'an Argo Rollout in 4-space indentation with CRLF line endings',
      yaml: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
    name: shop
spec:
    template:
        spec:
            containers:
                - name: shop
                  image: shop:8
            volumes:
                - name: config
                  configMap:
                      name: shop
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 9, column: 19, text: 'name',
          fixes: [
            {
              title: 'Set readOnlyRootFilesystem: true in container `shop`',
              output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
    name: shop
spec:
    template:
        spec:
            containers:
                - name: shop
                  image: shop:8
                  securityContext:
                      readOnlyRootFilesystem: true
            volumes:
                - name: config
                  configMap:
                      name: shop
`.replace(/\n/g, '\r\n'),
            },
            {
              title: 'Set readOnlyRootFilesystem: true in container `shop` and mount an emptyDir at /tmp',
              output: `apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata:
    name: shop
spec:
    template:
        spec:
            containers:
                - name: shop
                  image: shop:8
                  securityContext:
                      readOnlyRootFilesystem: true
                  volumeMounts:
                      - name: tmp
                        mountPath: /tmp
            volumes:
                - name: config
                  configMap:
                      name: shop
                - name: tmp
                  emptyDir: {}
`.replace(/\n/g, '\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'an init container of a CronJob: merged into its securityContext, its own /tmp volume',
      yaml: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: prepare
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
          containers:
          - name: backup
            image: backup:1
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp
              mountPath: /tmp
          volumes:
          - name: tmp
            emptyDir: {}
`,
      findings: [
        {
          line: 13, column: 13, text: 'name', message: 'Init container `prepare`',
          fixes: [
            {
              title: 'Set readOnlyRootFilesystem: true in init container `prepare`',
              output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: prepare
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
              readOnlyRootFilesystem: true
          containers:
          - name: backup
            image: backup:1
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp
              mountPath: /tmp
          volumes:
          - name: tmp
            emptyDir: {}
`,
            },
            {
              title: 'Set readOnlyRootFilesystem: true in init container `prepare` and mount an emptyDir at /tmp',
              output: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          initContainers:
          - name: prepare
            image: busybox:1.36
            securityContext:
              runAsNonRoot: true
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp-1
              mountPath: /tmp
          containers:
          - name: backup
            image: backup:1
            securityContext:
              readOnlyRootFilesystem: true
            volumeMounts:
            - name: tmp
              mountPath: /tmp
          volumes:
          - name: tmp
            emptyDir: {}
          - name: tmp-1
            emptyDir: {}
`,
            },
          ],
        },
      ],
    },
  ],
});
