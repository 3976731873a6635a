// The caller-experience review narrowed to one node: what one side of a conflict changed there, for a caller.

import type { CallerExperienceReview } from '../../../../flow-engine/diff/index';

/**
 * @example
 * reviewOfNode(diffCallerExperience(base, theirs), 'menu'); // only the menu's keys, prompts and settings
 */
export function reviewOfNode(review: CallerExperienceReview, nodeId: string): CallerExperienceReview {
  const mine = <T extends { node: string }>(items: T[]) => items.filter((item) => item.node === nodeId);
  const narrowed = {
    nodes: {
      added: review.nodes.added.filter((n) => n.id === nodeId),
      removed: review.nodes.removed.filter((n) => n.id === nodeId),
    },
    ports: mine(review.ports),
    keyPaths: mine(review.keyPaths),
    prompts: mine(review.prompts),
    routing: mine(review.routing),
    schedules: mine(review.schedules),
    integrations: mine(review.integrations),
  };
  const empty = [
    narrowed.nodes.added,
    narrowed.nodes.removed,
    narrowed.ports,
    narrowed.keyPaths,
    narrowed.prompts,
    narrowed.routing,
    narrowed.schedules,
    narrowed.integrations,
  ].every((list) => list.length === 0);
  return { ...narrowed, identical: empty, highlight: { before: [nodeId], after: [nodeId] } };
}
