import { testRule } from '../testing/rule-tester.js';
import rule from './no-host-path.js';

testRule(rule, {
  valid: [
    {
      name: 'emptyDir, configMap and persistent volumes',
      yaml: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.25
          volumeMounts:
            - name: cache
              mountPath: /var/cache/nginx
            - name: config
              mountPath: /etc/nginx/conf.d
              readOnly: true
      volumes:
        - name: cache
          emptyDir: {}
        - name: config
          configMap:
            name: web-config
        - name: data
          persistentVolumeClaim:
            claimName: web-data
`,
    },
    {
      name: 'a PersistentVolume backed by a host path runs no pod and is not judged',
      yaml: `apiVersion: v1
kind: PersistentVolume
metadata:
  name: local-data
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /mnt/data
`,
    },
  ],
  invalid: [
    {
      name: 'a log collector DaemonSet: a read-only /var/log is a warning, a read-only /var/lib/docker subfolder an error, neither has a fix',
      yaml: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
spec:
  template:
    spec:
      containers:
      - name: fluentd
        image: fluentd:v1.16
        volumeMounts:
        - name: varlog
          mountPath: /var/log
          readOnly: true
        - name: containers
          mountPath: /var/lib/docker/containers
          readOnly: true
      volumes:
      - name: varlog
        hostPath:
          path: /var/log
      - name: containers
        hostPath:
          path: /var/lib/docker/containers
`,
      findings: [
        { line: 21, column: 17, text: '/var/log', severity: 'warning', message: 'Volume `varlog` mounts the host path /var/log: the pod can read the node’s files.' },
        { line: 24, column: 17, text: '/var/lib/docker/containers', severity: 'error', message: 'Volume `containers` mounts the sensitive host path /var/lib/docker/containers: it exposes the node itself' },
      ],
    },
    {
      name: 'the Docker socket mounted by two containers, one with readOnly: false, one without: an error on each mount, one fix makes both read-only',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: ci-agent
spec:
  containers:
  - name: agent
    image: agent:4
    volumeMounts:
    - name: docker
      mountPath: /var/run/docker.sock
      readOnly: false # the agent builds images
  - name: cleaner
    image: cleaner:1
    volumeMounts:
    - mountPath: /sock/docker.sock
      name: docker
  volumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
      type: Socket
`,
      findings: [
        {
          line: 12, column: 17, text: 'false', severity: 'error',
          message: 'Container `agent` mounts the host path /var/run/docker.sock (volume `docker`) with readOnly: false: it can change files on the node.',
          fixes: [{
            title: 'Mount volume `docker` read-only in every container',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: ci-agent
spec:
  containers:
  - name: agent
    image: agent:4
    volumeMounts:
    - name: docker
      mountPath: /var/run/docker.sock
      readOnly: true # the agent builds images
  - name: cleaner
    image: cleaner:1
    volumeMounts:
    - mountPath: /sock/docker.sock
      name: docker
      readOnly: true
  volumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
      type: Socket
`,
          }],
        },
        {
          line: 17, column: 7, text: 'name', severity: 'error',
          message: 'Container `cleaner` mounts the host path /var/run/docker.sock (volume `docker`) writable',
          fixes: [{
            title: 'Mount volume `docker` read-only in every container',
            output: `apiVersion: v1
kind: Pod
metadata:
  name: ci-agent
spec:
  containers:
  - name: agent
    image: agent:4
    volumeMounts:
    - name: docker
      mountPath: /var/run/docker.sock
      readOnly: true # the agent builds images
  - name: cleaner
    image: cleaner:1
    volumeMounts:
    - mountPath: /sock/docker.sock
      name: docker
      readOnly: true
  volumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
      type: Socket
`,
          }],
        },
        {
          line: 21, column: 13, text: '/var/run/docker.sock', severity: 'error',
          message: 'Volume `docker` mounts the sensitive host path /var/run/docker.sock: it exposes the node itself to the pod.',
        },
      ],
    },
    {
      name: 'a writable mount of a non-sensitive path is an error on the mount, the volume a warning; flow-style mounts get a flow-style readOnly',
      yaml: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  template:
    spec:
      initContainers:
      - name: prepare
        image: busybox:1.36
        volumeMounts: [{name: scratch, mountPath: /scratch}]
      containers:
      - name: cache
        image: redis:7.2
        volumeMounts: [{name: scratch, mountPath: /data, readOnly: true}]
      volumes:
      - {name: scratch, hostPath: {path: /mnt/fast-disk, type: DirectoryOrCreate}}
`,
      findings: [
        {
          line: 12, column: 25, text: 'name', severity: 'error',
          message: 'Init container `prepare` mounts the host path /mnt/fast-disk (volume `scratch`) writable: it can change files on the node.',
          fixes: [{
            title: 'Mount volume `scratch` read-only in every container',
            output: `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: cache
spec:
  serviceName: cache
  template:
    spec:
      initContainers:
      - name: prepare
        image: busybox:1.36
        volumeMounts: [{name: scratch, mountPath: /scratch, readOnly: true}]
      containers:
      - name: cache
        image: redis:7.2
        volumeMounts: [{name: scratch, mountPath: /data, readOnly: true}]
      volumes:
      - {name: scratch, hostPath: {path: /mnt/fast-disk, type: DirectoryOrCreate}}
`,
          }],
        },
        {
          line: 18, column: 42, text: '/mnt/fast-disk', severity: 'warning',
          message: 'Volume `scratch` mounts the host path /mnt/fast-disk: the pod can read the node’s files.',
        },
      ],
    },
    {
      name: 'sensitive spellings: a parent of the kubelet directory, /var/run as /run, a trailing slash; an unmounted volume has no fix',
      yaml: `apiVersion: v1
kind: Pod
metadata:
  name: node-debug
spec:
  containers:
  - name: shell
    image: busybox:1.36
    volumeMounts:
    - {name: var, mountPath: /host/var, readOnly: true}
    - {name: run, mountPath: /host/run, readOnly: true}
  volumes:
  - name: var
    hostPath: {path: /var/lib}
  - name: run
    hostPath: {path: /run/crio/}
  - name: etc
    hostPath:
      path: //etc/./kubernetes
`,
      findings: [
        { line: 14, column: 22, text: '/var/lib', severity: 'error', message: 'sensitive host path /var/lib:' },
        { line: 16, column: 22, text: '/run/crio/', severity: 'error', message: 'sensitive host path /run/crio/:' },
        { line: 19, column: 13, text: '//etc/./kubernetes', severity: 'error', message: 'Volume `etc` mounts the sensitive host path //etc/./kubernetes:' },
      ],
    },
    {
      name: 'a hostPath without a path points at the hostPath key; 4-space indentation with CRLF line endings',
      yaml: `apiVersion: batch/v1
kind: Job
metadata:
    name: probe
spec:
    template:
        spec:
            restartPolicy: Never
            containers:
                - name: probe
                  image: probe:1
                  volumeMounts:
                      - name: host
                        mountPath: /host
            volumes:
                - name: host
                  hostPath:
                      type: Directory
`.replace(/\n/g, '\r\n'),
      findings: [
        {
          line: 13, column: 25, text: 'name', severity: 'error',
          message: 'Container `probe` mounts the host path (volume `host`) writable',
          fixes: [{
            title: 'Mount volume `host` read-only in every container',
            output: `apiVersion: batch/v1
kind: Job
metadata:
    name: probe
spec:
    template:
        spec:
            restartPolicy: Never
            containers:
                - name: probe
                  image: probe:1
                  volumeMounts:
                      - name: host
                        mountPath: /host
                        readOnly: true
            volumes:
                - name: host
                  hostPath:
                      type: Directory
`.replace(/\n/g, '\r\n'),
          }],
        },
        { line: 17, column: 19, text: 'hostPath', severity: 'warning', message: 'Volume `host` mounts the host path (no path): the pod can read' },
      ],
    },
  ],
});
