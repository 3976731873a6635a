// Reads the resources file that templates share (templates/resources/resources.json) with the CLI's loader.

import 'server-only';
import path from 'node:path';
import { InputError } from '../../../flow-engine/node/input-error';
import { defaultResourcesPath, loadResources } from '../../../flow-engine/node/load-resources';
import { emptyResolver, type ResourceResolver } from '../../../flow-engine/resources';

/** The templates' resources file is missing its parts or is not valid; an operator has to fix the file. */
export class TemplateResourcesFileError extends Error {
  override name = 'TemplateResourcesFileError';
  /** Its message names the installation's file and what is wrong in it, never request data: the log shows it. */
  readonly logsMessage = true;
}

/**
 * What the templates folder can supply: `<templates>/resources/resources.json`, the same file
 * `callflow validate templates/<id>.json` resolves keys from, so a template that passes the CLI installs the same resources.
 * Without that file a template can supply nothing and the resolver knows no keys.
 */
export function loadTemplateResources(templatesDir: string, templateId: string): ResourceResolver {
  const file = defaultResourcesPath(path.join(templatesDir, `${templateId}.json`));
  if (file === null) return emptyResolver;
  try {
    return loadResources(path.dirname(templatesDir), file).resolver;
  } catch (error) {
    if (error instanceof InputError) {
      throw new TemplateResourcesFileError(
        `The template resources could not be read, so nothing was created: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}
