// The rule registry: every rule file in this folder, in catalogue order. A meta-test fails when a rule file is
// missing here.
import type { Rule } from '../rule.js';
import automountServiceAccountToken from './automount-service-account-token.js';
import dropAllCapabilities from './drop-all-capabilities.js';
import noHostIpc from './no-host-ipc.js';
import noHostNetwork from './no-host-network.js';
import noHostPid from './no-host-pid.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noPrivileged from './no-privileged.js';
import readOnlyRootFilesystem from './read-only-root-filesystem.js';
import resourceLimits from './resource-limits.js';
import runAsNonRoot from './run-as-non-root.js';
import seccompProfile from './seccomp-profile.js';

export const RULES: readonly Rule[] = [
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

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.meta.id, r]));
