// Module Web Worker running the engine's validate(): a big flow's first validation (ajv compiling the flow schema,
// then every node checked) takes hundreds of milliseconds, which stay off the page so the canvas keeps answering.

import * as z from 'zod';
import { resolverFromBundle } from '../../../../flow-engine/resources';
import { validate } from '../../../../flow-engine/validate/index';
import type { ValidationReply, ValidationRequest } from './validation-worker';

// As on the page (flow-editor.tsx): zod checks without compiling code.
z.config({ jitless: true });

self.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const { id, doc, resources } = event.data;
  let reply: ValidationReply;
  try {
    const result = validate(doc, resources ? { resources: resolverFromBundle(resources) } : {});
    reply = { id, ok: true, errors: result.errors, warnings: result.warnings };
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(reply);
};
