// condition: branches on the first rule whose CEL expression is true, else `else`.

import * as z from 'zod';
import { defineNode } from '../define-node';
import { portName } from './shared-config';
import { evaluateBoolean } from '../compile/call-scope';

export const condition = defineNode({
  type: 'condition',
  category: 'logic',
  title: 'Condition',
  description: 'Checks rules in order and leaves by the first one that is true.',
  config: z.strictObject({
    rules: z
      .array(
        z.strictObject({
          name: portName,
          label: z.string().max(200).optional(),
          /** CEL, e.g. `tier == "vip" && attempts < 3`. */
          when: z.string().min(1).max(2000),
        }),
      )
      .min(1)
      .max(50),
  }),
  ports: (c) => [...c.rules.map((r) => ({ name: r.name, label: r.label ?? r.name })), { name: 'else', label: 'Else' }],
  summary: (c) => c.rules.map((r) => r.when).join(' | '),
  references: (c) => ({ expressions: c.rules.map((r, i) => ({ path: `/config/rules/${i}/when`, source: r.when })) }),
  effects: [],
  uniqueItems: [{ list: 'rules', field: 'name', what: 'name', namesPort: true }],
  compile(c, compiler) {
    const rules = c.rules.map((r, i) => ({
      port: r.name,
      when: compiler.expression(r.when, `/config/rules/${i}/when`),
    }));
    return {
      kind: 'logic',
      // A rule that cannot be evaluated ends the call with reason error rather than counting as false:
      // a silently wrong branch (say, skipping an identity check) is worse than a failed call.
      decide(call) {
        for (const rule of rules) if (evaluateBoolean(call, rule.when)) return rule.port;
        return 'else';
      },
    };
  },
});
