// Rules of the catalogue's section 5 (control plane static Pods) and the kubelet rules of section 6, in
// catalogue order.
import type { Rule } from '../rule.js';
import apiserverAdmissionPlugins from '../rules/apiserver-admission-plugins.js';
import apiserverAnonymousAuth from '../rules/apiserver-anonymous-auth.js';
import apiserverAuditLog from '../rules/apiserver-audit-log.js';
import apiserverAuthorizationMode from '../rules/apiserver-authorization-mode.js';
import apiserverEncryptionAtRest from '../rules/apiserver-encryption-at-rest.js';
import apiserverEtcdTls from '../rules/apiserver-etcd-tls.js';
import apiserverInsecurePort from '../rules/apiserver-insecure-port.js';
import apiserverProfiling from '../rules/apiserver-profiling.js';
import apiserverStaticCredentials from '../rules/apiserver-static-credentials.js';
import apiserverTls from '../rules/apiserver-tls.js';
import controllerManagerHardening from '../rules/controller-manager-hardening.js';
import etcdClientTls from '../rules/etcd-client-tls.js';
import kubeletAnonymousAuth from '../rules/kubelet-anonymous-auth.js';
import kubeletAuthorizationMode from '../rules/kubelet-authorization-mode.js';
import kubeletClientAuth from '../rules/kubelet-client-auth.js';
import kubeletReadOnlyPort from '../rules/kubelet-read-only-port.js';
import kubeletTls from '../rules/kubelet-tls.js';
import schedulerHardening from '../rules/scheduler-hardening.js';

export const CONTROL_PLANE_RULES: readonly Rule[] = [
  apiserverAnonymousAuth,
  apiserverAuthorizationMode,
  apiserverInsecurePort,
  apiserverStaticCredentials,
  apiserverEncryptionAtRest,
  apiserverAuditLog,
  apiserverEtcdTls,
  apiserverTls,
  apiserverAdmissionPlugins,
  apiserverProfiling,
  etcdClientTls,
  controllerManagerHardening,
  schedulerHardening,
  kubeletAnonymousAuth,
  kubeletAuthorizationMode,
  kubeletClientAuth,
  kubeletReadOnlyPort,
  kubeletTls,
];
