// Node-only helpers shared by the CLI, the studio server and the runtime (DESIGN §2); never imported by the browser.

export { FileReadError, maxJsonFileBytes, readJsonFileSync, readRegularFileSync } from './read-json-file';
export { InputError } from './input-error';
export { defaultResourcesPath, loadResources, type LoadedResources, type LoadedSubflow } from './load-resources';
