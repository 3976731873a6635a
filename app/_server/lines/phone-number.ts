// The line-number normaliser lives in schemas/ since the runtime matches dialled numbers the same way; re-exported here.

export * from '../../../schemas/line-number';
