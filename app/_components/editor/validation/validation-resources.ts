// Keeps the resources live validation uses (plain data, sent to the validation worker) in step with the resource keys the document references.

import type { FlowDocument } from '../../../../flow-engine/document';
import type { ResourceBundle } from '../../../../flow-engine/resources';
import {
  bundleFromEditorBundle,
  editorResourceKeys,
  playsRecordings,
  type EditorResourceBundle,
  type EditorResourceKeys,
} from '../../../_lib/editor-resource-bundle';

/** Loads the bundle for a set of keys (in the editor: the `flows.resourceBundle` query). */
export type BundleLoader = (keys: EditorResourceKeys) => Promise<EditorResourceBundle>;

/**
 * What validate() should be given for a document: `{ resources }` once the bundle for its keys is loaded (the
 * bundle of the previous keys while a new bundle loads), `undefined` before any bundle arrived.
 */
export type ValidationResources = { resources?: ResourceBundle } | undefined;

// The cast names the element type Object.values cannot read from an interface (it has no index signature).
const noKeys = (keys: EditorResourceKeys) => (Object.values(keys) as string[][]).every((list) => list.length === 0);

/**
 * @example
 * const tracker = createResourceTracker(loader, () => revalidate());
 * const options = tracker.optionsFor(doc); // undefined: wait, revalidate() is called when the bundle is in
 */
export function createResourceTracker(load: BundleLoader, onLoaded: () => void) {
  let current: { signature: string; options: { resources?: ResourceBundle } } | undefined;
  let loading: string | undefined;
  // Bumped by reload(): an answer to an older request is dropped even when it was for the same keys.
  let generation = 0;
  let stale = false;
  let disposed = false;

  return {
    optionsFor(doc: FlowDocument): ValidationResources {
      const keys = editorResourceKeys(doc);
      // A recording's prompt needs the audio library from the server even when no key is referenced.
      const recordings = playsRecordings(doc);
      const signature = JSON.stringify({ keys, recordings });
      if (current?.signature === signature && !stale) return current.options;
      if (noKeys(keys) && !recordings) {
        // Nothing to load: the empty bundle reports exactly what publishing would.
        current = { signature, options: { resources: {} } };
        return current.options;
      }
      if (loading !== signature) {
        loading = signature;
        const asked = generation;
        load(keys).then(
          (bundle) => settle(signature, asked, { resources: bundleFromEditorBundle(bundle) }),
          // Unreachable server: validate without resources (their checks are left to publishing) rather than not at all.
          () => settle(signature, asked, {}),
        );
      }
      return current?.options;
    },
    /**
     * The environment's resources may have changed (one was created in another tab): the next optionsFor() loads the
     * bundle again, giving the current one meanwhile.
     */
    reload() {
      generation += 1;
      loading = undefined;
      stale = true;
    },
    dispose() {
      disposed = true;
    },
  };

  function settle(signature: string, asked: number, options: { resources?: ResourceBundle }) {
    if (disposed || loading !== signature || asked !== generation) return;
    loading = undefined;
    stale = false;
    current = { signature, options };
    onLoaded();
  }
}
