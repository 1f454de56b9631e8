/**
 * The Dockerfile a compose service builds (cross-file): CMP001 reads its final USER, CMP004 its HEALTHCHECK.
 */
import type { Project } from '../core/project.js';
import type { SourceFile } from '../core/source-file.js';
import { type DockerfileModel, dockerfileModel } from '../parsers/dockerfile.js';
import type { MergedService } from './compose-project.js';

export interface BuiltDockerfile {
  file: SourceFile;
  /** The model cut at `build.target` when one is given, so its last stage is the stage that is built. */
  model: DockerfileModel;
}

/** The local Dockerfile of a service that `build:`s one and is part of the review; undefined otherwise. */
export function builtDockerfile(project: Project, service: MergedService): BuiltDockerfile | undefined {
  const path = service.build?.dockerfile;
  if (path === undefined) return undefined;
  const file = project.get(path);
  // Any name goes (`dockerfile: build/prod.df`): compose says it is a Dockerfile, whatever discovery thought.
  if (!file) return undefined;
  const model = dockerfileModel(file);
  const target = service.build?.target?.toLowerCase();
  if (target === undefined || target === '') return { file, model };
  const index = model.stages.findIndex((s) => s.name === target);
  // An unknown target fails the build; keep the whole model rather than guess.
  if (index < 0) return { file, model };
  return { file, model: { ...model, stages: model.stages.slice(0, index + 1) } };
}
