import { posix } from 'node:path';
import type { Project } from '../core/project.js';
import { composeProjects } from './compose-project.js';

/**
 * Files a file's findings depend on, for `--changed-since`: when a compose file changes, the Dockerfiles
 * its services build, its env files and the other files of its compose project are reviewed with it;
 * when a Dockerfile changes, its `.dockerignore` (DKR011) comes along.
 */
export function withDependencies(project: Project, changed: ReadonlySet<string>): Set<string> {
  const out = new Set(changed);
  for (const compose of composeProjects(project)) {
    if (!compose.files.some((f) => changed.has(f.file.path))) continue;
    for (const f of compose.files) out.add(f.file.path);
    for (const service of compose.services) {
      if (service.build?.dockerfile) out.add(service.build.dockerfile);
      for (const env of service.envFiles) if (env.path) out.add(env.path);
    }
  }
  for (const path of [...out]) {
    const file = project.get(path);
    if (file?.kind !== 'dockerfile') continue;
    const ignore = posix.join(posix.dirname(path), '.dockerignore');
    if (project.has(ignore)) out.add(ignore);
  }
  return out;
}
