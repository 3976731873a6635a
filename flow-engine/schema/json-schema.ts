// The plain-object type used for JSON Schema fragments built from the registry.

/** A JSON Schema (2020-12) object; kept loose because keywords vary by fragment. */
export type JsonSchema = { [keyword: string]: unknown };
