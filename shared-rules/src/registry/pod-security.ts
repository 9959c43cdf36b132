// Rules of the catalogue's section 1, "Pod security (workloads)", in catalogue order.
import type { Rule } from '../rule.js';
import automountServiceAccountToken from '../rules/automount-service-account-token.js';
import dropAllCapabilities from '../rules/drop-all-capabilities.js';
import noHostIpc from '../rules/no-host-ipc.js';
import noHostNetwork from '../rules/no-host-network.js';
import noHostPid from '../rules/no-host-pid.js';
import noPrivilegeEscalation from '../rules/no-privilege-escalation.js';
import noPrivileged from '../rules/no-privileged.js';
import readOnlyRootFilesystem from '../rules/read-only-root-filesystem.js';
import resourceLimits from '../rules/resource-limits.js';
import runAsNonRoot from '../rules/run-as-non-root.js';
import seccompProfile from '../rules/seccomp-profile.js';

export const POD_SECURITY_RULES: readonly Rule[] = [
  runAsNonRoot,
  readOnlyRootFilesystem,
  noPrivileged,
  noPrivilegeEscalation,
  noHostPid,
  noHostIpc,
  noHostNetwork,
  dropAllCapabilities,
  seccompProfile,
  automountServiceAccountToken,
  resourceLimits,
];
