// Structural limits of a compiled call that validate() checks ahead of compile() so that the two agree.

/** Subflows may call subflows this many levels below the flow a line answers; compile refuses deeper chains. */
export const MAX_SUBFLOW_DEPTH = 8;
