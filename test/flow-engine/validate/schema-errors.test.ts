// The JSON Schema layer: malformed config points at the field, cascades collapse, every error is reported together.

import { describe, expect, it } from 'vitest';
import { validate } from '../../../flow-engine/validate/index';
import { issuesOf, loadFlow, onlyIssue } from './fixtures';

type Doc = Record<string, unknown> & { nodes: { id: string; config: Record<string, unknown> }[] };
const minimal = () => loadFlow('good', 'minimal') as Doc;

describe('schema errors', () => {
  it('a two-digit menu key points at the key with the menu node id', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'menu-key-two-digits')), 'schema');
    expect(issue).toMatchObject({ severity: 'error', nodeId: 'mainMenu', path: '/nodes/2/config/options/1/key' });
    expect(issue.message).toBe('Node "mainMenu": option 2 key "12" must be one key: 0-9, * or #.');
  });

  it('an unknown node type has its own rule and lists the types', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'unknown-node-type')), 'unknown-node-type');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/1/type' });
    expect(issue.message).toContain('type "playback" must be one of: start, play, menu');
    // Only the type is reported: no cascade from the per-type config checks.
    expect(validate(loadFlow('bad', 'unknown-node-type')).errors).toHaveLength(1);
  });

  it('a prompt that is none of tts, audio or parts gives one message, not one per alternative', () => {
    const issue = onlyIssue(validate(loadFlow('bad', 'prompt-without-tts-audio-or-parts')), 'schema');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/1/config/prompt' });
    expect(issue.message).toBe('Node "welcome": prompt needs one of: tts, audio, parts.');
  });

  it('an error inside one prompt part is reported at that part only', () => {
    const doc = minimal();
    doc.nodes[1]!.config.prompt = { parts: [{ tts: { 'en-US': 'Your number is' } }, { sayAs: 'digits', value: '' }] };
    const issue = onlyIssue(validate(doc), 'schema');
    expect(issue).toMatchObject({ nodeId: 'welcome', path: '/nodes/1/config/prompt/parts/1/value' });
    expect(issue.message).toBe('Node "welcome": prompt part 2 value must not be empty.');
  });

  it('a missing required field and an unknown field point at the field', () => {
    const doc = minimal();
    doc.nodes[1]!.config = { promt: { tts: { 'en-US': 'Hi' } } };
    const issues = issuesOf(validate(doc), 'schema');
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['/nodes/1/config/prompt', 'Node "welcome" is missing "prompt".'],
      ['/nodes/1/config/promt', 'Node "welcome" has a field "promt" that is not allowed here.'],
    ]);
  });

  it('a wrong value type names the expected type', () => {
    const doc = minimal();
    doc.nodes[1]!.config.bargeIn = 'yes';
    const issue = onlyIssue(validate(doc), 'schema');
    expect(issue).toMatchObject({
      path: '/nodes/1/config/bargeIn',
      message: 'Node "welcome": barge in must be true or false.',
    });
  });

  it('an unsafe node id is refused with the allowed characters', () => {
    const doc = minimal();
    doc.nodes[2]!.id = 'good bye';
    (doc.edges as { target: string }[])[1]!.target = 'good bye';
    const issues = issuesOf(validate(doc), 'schema');
    expect(issues.map((i) => i.path)).toEqual(['/nodes/2/id', '/edges/1/target']);
    expect(issues[0]!.message).toBe('Node "good bye": id "good bye" must be 1 to 64 letters, digits, _ or -.');
  });

  it('top-level problems name the field in words', () => {
    const doc = minimal();
    doc.schemaVersion = 2;
    delete doc.name;
    const messages = issuesOf(validate(doc), 'schema').map((i) => [i.path, i.message]);
    expect(messages).toEqual([
      ['/name', 'The flow is missing "name".'],
      ['/schemaVersion', 'Schema version 2 must be 1.'],
    ]);
  });

  it('a document that is not an object is refused without semantic noise', () => {
    const result = validate([]);
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        rule: 'schema',
        code: 'schema',
        params: { detail: 'The flow must be an object.' },
        severity: 'error',
        path: '',
        message: 'The flow must be an object.',
      },
    ]);
  });

  it('a test input that is not DTMF is explained', () => {
    const doc = minimal();
    doc.tests = [{ name: 'Hello', inputs: ['12a'], expect: { end: 'goodbye' } }];
    const issue = onlyIssue(validate(doc), 'schema');
    expect(issue).toMatchObject({ path: '/tests/0/inputs/0' });
    expect(issue.message).toBe('Test "Hello": input 1 "12a" must be keys 0-9, * or # ("" for silence).');
  });
});

describe('all errors together', () => {
  it('reports schema and semantic problems of one document in one result', () => {
    const result = validate(loadFlow('bad', 'many-problems'));
    expect(result.valid).toBe(false);
    expect(result.errors.map((i) => [i.rule, i.path])).toEqual([
      ['schema', '/nodes/2/config/options/0/key'],
      ['dangling-edge', '/edges/6/target'],
      ['duplicate-port-edge', '/edges/6/port'],
      ['unreachable-node', '/nodes/4'],
      ['variable-default-type', '/variables/0/default'],
      ['unknown-variable', '/nodes/4/config/prompt/tts/en-US'],
      ['default-language', '/defaultLanguage'],
    ]);
  });

  it('a node with a schema error keeps its id in the graph, so edges to it are not dangling', () => {
    const result = validate(loadFlow('bad', 'menu-key-two-digits'));
    expect(issuesOf(result, 'dangling-edge')).toEqual([]);
    expect(issuesOf(result, 'unreachable-node')).toEqual([]);
  });
});
