// The live validation's resource tracker: waits for the bundle of the document's keys, reuses it while the keys stay the same.

import { describe, expect, it, vi } from 'vitest';
import {
  createResourceTracker,
  type BundleLoader,
} from '../../../app/_components/editor/validation/validation-resources';
import type { FlowDocument } from '../../../flow-engine/document';
import { resolverFromBundle } from '../../../flow-engine/resources';
import { validate } from '../../../flow-engine/validate';
import { sampleFlow } from './sample-flow';

function withSubflow(key: string): FlowDocument {
  const flow = sampleFlow();
  flow.nodes.push({ id: 'who', type: 'subflow', position: { x: 0, y: 300 }, config: { flow: { ref: key } } });
  return flow;
}

function child(): FlowDocument {
  return { ...sampleFlow(), id: 'identify', kind: 'subflow' };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createResourceTracker', () => {
  it('gives the empty bundle at once to a flow that references nothing, without loading', () => {
    const load = vi.fn<BundleLoader>();
    const tracker = createResourceTracker(load, () => {});
    const options = tracker.optionsFor(sampleFlow());
    expect(options?.resources?.subflows?.anything).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
  });

  it('loads the bundle (the audio library) for a flow that references no key but plays a recording, and warns as publishing does', async () => {
    const load = vi.fn<BundleLoader>(async () => ({
      schedules: {},
      skillGroups: {},
      subflows: {},
      recordings: { welcome: ['zh-CN'] },
      integrationKeys: [],
      realCallsOff: [],
    }));
    const onLoaded = vi.fn();
    const tracker = createResourceTracker(load, onLoaded);
    const flow = sampleFlow();
    const play = flow.nodes.find((node) => (node.config as { prompt?: unknown }).prompt !== undefined)!;
    (play.config as { prompt: unknown }).prompt = {
      parts: [{ audio: Object.fromEntries(flow.languages.map((lang) => [lang, 'welcome'])) }],
    };
    expect(tracker.optionsFor(flow)).toBeUndefined();
    expect(load).toHaveBeenCalledWith({ schedule: [], skillGroup: [], integration: [], subflow: [] });
    await settled();
    expect(onLoaded).toHaveBeenCalledTimes(1);
    const options = tracker.optionsFor(flow)!;
    const warned = validate(flow, { resources: resolverFromBundle(options.resources!) }).warnings.filter(
      (w) => w.code === 'missing-recording',
    );
    expect(warned.map((w) => w.params?.language)).toEqual(flow.languages.filter((lang) => lang !== 'zh-CN'));
  });

  it('waits for the bundle of the referenced keys, then resolves the subflow and reuses it for the same keys', async () => {
    const load = vi.fn<BundleLoader>(async () => ({
      subflows: { identify: child() },
      schedules: {},
      skillGroups: {},
      integrationKeys: ['crm'],
      realCallsOff: [],
    }));
    const onLoaded = vi.fn();
    const tracker = createResourceTracker(load, onLoaded);
    const flow = withSubflow('identify');
    expect(tracker.optionsFor(flow)).toBeUndefined();
    expect(tracker.optionsFor(flow)).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith({ schedule: [], skillGroup: [], integration: [], subflow: ['identify'] });
    await settled();
    expect(onLoaded).toHaveBeenCalledTimes(1);
    const options = tracker.optionsFor(flow);
    expect(options?.resources?.subflows?.identify?.id).toBe('identify');
    expect(options?.resources?.integrations?.crm).toBeDefined();
    expect(
      validate(flow, { resources: resolverFromBundle(options?.resources ?? {}) }).errors.filter(
        (e) => e.rule === 'unknown-resource',
      ),
    ).toEqual([]);
    // A moved node keeps the keys: no second request.
    tracker.optionsFor({ ...flow, name: 'Renamed' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('keeps the previous bundle while a new key loads, and ignores an answer for keys no longer wanted', async () => {
    const answers: ((value: Awaited<ReturnType<BundleLoader>>) => void)[] = [];
    const load = vi.fn<BundleLoader>(() => new Promise((resolve) => answers.push(resolve)));
    const tracker = createResourceTracker(load, () => {});
    tracker.optionsFor(withSubflow('a'));
    answers[0]!({ subflows: { a: child() }, schedules: {}, skillGroups: {}, integrationKeys: [], realCallsOff: [] });
    await settled();
    expect(tracker.optionsFor(withSubflow('b'))?.resources?.subflows?.a).toBeDefined();
    tracker.optionsFor(withSubflow('c'));
    answers[1]!({ subflows: { b: child() }, schedules: {}, skillGroups: {}, integrationKeys: [], realCallsOff: [] });
    await settled();
    expect(tracker.optionsFor(withSubflow('c'))?.resources?.subflows?.b).toBeUndefined();
    answers[2]!({ subflows: { c: child() }, schedules: {}, skillGroups: {}, integrationKeys: [], realCallsOff: [] });
    await settled();
    expect(tracker.optionsFor(withSubflow('c'))?.resources?.subflows?.c).toBeDefined();
  });

  it('after reload() the same keys load again (a resource made elsewhere), keeping the old bundle meanwhile', async () => {
    const answers: ((value: Awaited<ReturnType<BundleLoader>>) => void)[] = [];
    const load = vi.fn<BundleLoader>(() => new Promise((resolve) => answers.push(resolve)));
    const tracker = createResourceTracker(load, () => {});
    const flow = withSubflow('identify');
    tracker.optionsFor(flow);
    answers[0]!({ subflows: {}, schedules: {}, skillGroups: {}, integrationKeys: [], realCallsOff: [] });
    await settled();
    expect(tracker.optionsFor(flow)?.resources?.subflows?.identify).toBeUndefined();
    tracker.reload();
    // The old bundle until the new one is in; one request for the same keys.
    expect(tracker.optionsFor(flow)?.resources?.subflows).toEqual({});
    tracker.optionsFor(flow);
    expect(load).toHaveBeenCalledTimes(2);
    answers[1]!({
      subflows: { identify: child() },
      schedules: {},
      skillGroups: {},
      integrationKeys: [],
      realCallsOff: [],
    });
    await settled();
    expect(tracker.optionsFor(flow)?.resources?.subflows?.identify?.id).toBe('identify');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('drops an answer asked before reload() even for the same keys', async () => {
    const answers: ((value: Awaited<ReturnType<BundleLoader>>) => void)[] = [];
    const load = vi.fn<BundleLoader>(() => new Promise((resolve) => answers.push(resolve)));
    const tracker = createResourceTracker(load, () => {});
    const flow = withSubflow('identify');
    tracker.optionsFor(flow);
    tracker.reload();
    tracker.optionsFor(flow);
    answers[0]!({ subflows: {}, schedules: {}, skillGroups: {}, integrationKeys: [], realCallsOff: [] });
    await settled();
    expect(tracker.optionsFor(flow)).toBeUndefined();
    answers[1]!({
      subflows: { identify: child() },
      schedules: {},
      skillGroups: {},
      integrationKeys: [],
      realCallsOff: [],
    });
    await settled();
    expect(tracker.optionsFor(flow)?.resources?.subflows?.identify).toBeDefined();
  });

  it('validates without resources when the bundle cannot be loaded', async () => {
    const onLoaded = vi.fn();
    const tracker = createResourceTracker(() => Promise.reject(new Error('offline')), onLoaded);
    tracker.optionsFor(withSubflow('identify'));
    await settled();
    expect(onLoaded).toHaveBeenCalled();
    expect(tracker.optionsFor(withSubflow('identify'))).toEqual({});
  });
});
