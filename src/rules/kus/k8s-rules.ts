import type { Rule } from '../../core/rule.js';
import { rule as K8S001 } from '../k8s/K8S001-run-as-root.js';
import { rule as K8S002 } from '../k8s/K8S002-privileged.js';
import { rule as K8S003 } from '../k8s/K8S003-unpinned-image.js';
import { rule as K8S004 } from '../k8s/K8S004-missing-probes.js';
import { rule as K8S005 } from '../k8s/K8S005-probe-endpoint.js';
import { rule as K8S006 } from '../k8s/K8S006-missing-resources.js';
import { rule as K8S007 } from '../k8s/K8S007-writable-root-fs.js';
import { rule as K8S008 } from '../k8s/K8S008-capabilities.js';
import { rule as K8S009 } from '../k8s/K8S009-literal-secret-env.js';
import { rule as K8S010 } from '../k8s/K8S010-host-access.js';
import { rule as K8S011 } from '../k8s/K8S011-no-network-policy.js';
import { rule as K8S012 } from '../k8s/K8S012-prod-availability.js';
import { rule as K8S013 } from '../k8s/K8S013-downtime-rollout.js';
import { rule as K8S014 } from '../k8s/K8S014-default-namespace.js';
import { rule as K8S015 } from '../k8s/K8S015-service-account-token.js';
import { rule as K8S016 } from '../k8s/K8S016-deprecated-api.js';
import { rule as K8S017 } from '../k8s/K8S017-seccomp-profile.js';
import { rule as K8S018 } from '../k8s/K8S018-exposed-datastore.js';
import { rule as K8S019 } from '../k8s/K8S019-rbac-wildcard.js';

/**
 * The K8S rules KUS005 runs on rendered overlays. Imported one by one rather than from the registry: the
 * registry imports KUS005, and a hook that loads the KUS family should not load every other family.
 */
export const K8S_RULES: readonly Rule[] = [
  K8S001,
  K8S002,
  K8S003,
  K8S004,
  K8S005,
  K8S006,
  K8S007,
  K8S008,
  K8S009,
  K8S010,
  K8S011,
  K8S012,
  K8S013,
  K8S014,
  K8S015,
  K8S016,
  K8S017,
  K8S018,
  K8S019,
];
