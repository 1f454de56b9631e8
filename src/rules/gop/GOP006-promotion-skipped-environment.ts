import { defineRule } from '../../core/rule.js';
import { environmentTier } from '../../models/environment.js';
import { type ImageSetting, imageSettings } from './image-settings.js';

export const rule = defineRule({
  id: 'GOP006',
  title: 'Promote images through staging before production',
  severity: 'warning',
  domain: 'gitops',
  kinds: ['kustomization', 'helm-values', 'k8s'],
  scope: 'project',
  rationale:
    'A version that goes to production without having run in staging skipped the environment built to catch ' +
    'it: the promotion path (dev → staging → prod) only protects production when every version takes it.',
  fix: 'Set the tag in the staging overlay/values/Application first, verify it there, then promote the same tag (and digest) to production.',
  rollback:
    'Set the production tag back to the version staging runs (the last one that passed), and promote the new one through staging.',
  notes:
    'Repo-level. Image tags are read from kustomize `images:` entries, Helm `values-<env>.yaml`, Argo CD ' +
    '`kustomize.images`, Helm `parameters` and `valuesObject`, and Flux HelmRelease values and Kustomization ' +
    'images. A production tag is reported when the same image has staging (or pre-prod, UAT) settings and none ' +
    'of them uses that tag (or, for digest-only pins, that digest). Images with no staging setting at all are ' +
    'not judged.',
  check(project, ctx) {
    const settings = imageSettings(project, ctx.settings);
    const preProd = new Map<string, ImageSetting[]>();
    for (const s of settings) {
      if (environmentTier(s.env) !== 'pre-prod') continue;
      preProd.set(s.image, [...(preProd.get(s.image) ?? []), s]);
    }
    for (const prod of settings) {
      if (environmentTier(prod.env) !== 'prod') continue;
      const counterparts = preProd.get(prod.image) ?? [];
      if (counterparts.length === 0) continue;
      const same = counterparts.some((c) =>
        prod.tag !== undefined ? c.tag === prod.tag : prod.digest !== undefined && c.digest === prod.digest,
      );
      if (same) continue;
      const runs = counterparts.map((c) => `${c.file.path}: ${c.tag ?? c.digest}`).join('; ');
      ctx.report({
        file: prod.file,
        range: prod.range,
        message: `Production sets ${prod.image} to ${prod.tag ?? prod.digest}, which no staging counterpart runs (${runs}).`,
      });
    }
  },
});
