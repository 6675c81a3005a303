import type * as Yaml from 'yaml';

let yaml: typeof Yaml | undefined;

/**
 * `yaml` is loaded on first use, like citeproc: it is a sixth of the bundle and only front matter and CSL-YAML
 * files need it, so activation should not pay for parsing it.
 */
export function yamlModule(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  yaml ??= require('yaml') as typeof Yaml;
  return yaml;
}
