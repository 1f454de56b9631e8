import { reviewSources } from '../../review.js';
import { RULES } from '../../rules/registry.js';

/** One small file per parser family, so lazily built parser state exists before the first real call. */
const SAMPLES: Readonly<Record<string, string>> = {
  Dockerfile: 'FROM alpine:3.20\nRUN echo ready | tee /tmp/ready\nUSER app\n',
  'docker-compose.yml': 'services:\n  app:\n    image: alpine:3.20\n',
  'k8s/pod.yaml':
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: alpine:3.20\n',
  'dashboards/d.json': '{"panels": []}\n',
};

/**
 * Loads what a review needs: the rule registry and the parsers (exercised once on the samples). Yields
 * first so that the HTTP server answers `/health` while this runs.
 */
export async function warmUp(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (RULES.length === 0) throw new Error('the rule registry is empty');
  reviewSources(SAMPLES);
}
