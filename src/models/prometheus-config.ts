/**
 * `prometheus.yml` (kind `prometheus-config`): the parts the rules read — global intervals, `rule_files`,
 * `alerting.alertmanagers`, and the scrape jobs with their own intervals.
 */
import type { SourceFile } from '../core/source-file.js';
import type { Range } from '../core/types.js';
import { getKeyNode, getNode, isMap, items, type Node, nodeRange, parseYaml, scalarString } from '../parsers/yaml.js';

export interface ScrapeJob {
  name: string | undefined;
  range: Range;
  scrapeInterval: string | undefined;
}

export interface PrometheusConfig {
  /** The document's first key: where findings about the whole file go when nothing better exists. */
  firstKeyRange: Range;
  globalKeyRange: Range | undefined;
  scrapeInterval: string | undefined;
  ruleFiles: string[];
  ruleFilesKeyRange: Range | undefined;
  alertingKeyRange: Range | undefined;
  /** Number of `alerting.alertmanagers` entries. */
  alertmanagers: number;
  scrapeJobs: ScrapeJob[];
}

export function prometheusConfig(file: SourceFile): PrometheusConfig | undefined {
  return file.cached('prometheus-config', () => {
    const doc = parseYaml(file).documents.find((d) => isMap(d.contents));
    if (!doc) return undefined;
    const root = doc.contents as Node;
    const key = (name: string) => getKeyNode(root, name, doc.doc);
    const range = (node: Node | undefined) => (node ? nodeRange(file, node) : undefined);
    const global = getNode(root, 'global', doc.doc);
    const ruleFilesNode = getNode(root, 'rule_files', doc.doc);
    const alerting = getNode(root, 'alerting', doc.doc);
    const firstKey = (root as { items?: { key?: unknown }[] }).items?.[0]?.key;
    return {
      firstKeyRange: nodeRange(file, firstKey ?? root),
      globalKeyRange: range(key('global')),
      scrapeInterval: scalarString(getNode(global, 'scrape_interval', doc.doc)),
      ruleFiles: items(ruleFilesNode, doc.doc)
        .map((n) => scalarString(n))
        .filter((s): s is string => s !== undefined),
      ruleFilesKeyRange: range(key('rule_files')),
      alertingKeyRange: range(key('alerting')),
      alertmanagers: items(getNode(alerting, 'alertmanagers', doc.doc), doc.doc).length,
      scrapeJobs: items(getNode(root, 'scrape_configs', doc.doc), doc.doc).map((job) => {
        const nameNode = getNode(job, 'job_name', doc.doc);
        return {
          name: scalarString(nameNode),
          range: nodeRange(file, nameNode ?? job),
          scrapeInterval: scalarString(getNode(job, 'scrape_interval', doc.doc)),
        };
      }),
    };
  });
}
