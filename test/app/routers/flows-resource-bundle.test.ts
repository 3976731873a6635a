// flows.resourceBundle: the resources the editor validates with — loaded as publishing loads them, integrations by key only.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editorResourceKeys, resolverFromEditorBundle } from '../../../app/_lib/editor-resource-bundle';
import { loadResolver } from '../../../schemas/load-resolver';
import { validate } from '../../../flow-engine/validate';
import { storePromptAudio } from '../../../app/_server/audio/prompt-audio-store';
import { flow, node } from '../../flow-engine/support/build-flow';
import { toneWav } from '../../runtime/helpers/test-wav';
import { callerAs, callerFor, seedUser } from '../helpers/callers';
import { expectTrpcError } from '../helpers/expect-trpc-error';
import { testBackends, type TestDatabase } from '../helpers/test-database';

type Caller = Awaited<ReturnType<typeof callerAs>>['caller'];

describe.each(testBackends)('flows.resourceBundle on $name', (backend) => {
  let database: TestDatabase;
  let designer: Caller;
  let viewer: Caller;
  let flowId: string;
  beforeAll(async () => {
    database = await backend.open();
    designer = (await callerAs(database.db, 'designer')).caller;
    viewer = (await callerAs(database.db, 'viewer')).caller;
    const admin = (await callerAs(database.db, 'admin')).caller;
    flowId = (await designer.flows.create({ name: 'Shop after-sales', template: 'ecommerce-after-sales' })).id;
    const crm = (await admin.resources.integrations.listDetails()).find((i) => i.key === 'crm');
    await admin.resources.integrations.update({
      id: crm!.id,
      secret: { headerName: 'Authorization', value: 'Bearer hunter2' },
    });
  });
  afterAll(() => database?.close());

  it('returns the subflow at its latest published version with what it references, integrations by key only', async () => {
    const { draft } = await viewer.flows.get({ flowId });
    const keys = editorResourceKeys(draft);
    expect(keys).toEqual({
      schedule: [],
      skillGroup: ['after-sales-general', 'after-sales-returns'],
      integration: ['orders'],
      subflow: ['identify-caller'],
    });
    const bundle = await viewer.flows.resourceBundle(keys);
    expect(Object.keys(bundle.subflows ?? {})).toEqual(['identify-caller']);
    expect(bundle.subflows?.['identify-caller']?.kind).toBe('subflow');
    expect(Object.keys(bundle.skillGroups ?? {}).sort()).toEqual(['after-sales-general', 'after-sales-returns']);
    // `crm` is referenced by the subflow only; it is followed as publishing follows it.
    expect(bundle.integrationKeys).toEqual(['crm', 'orders']);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('crm.example.com');
  });

  it('validates the template flow in the browser exactly as publishing does: no errors, no false unknown mocks', async () => {
    const { draft } = await viewer.flows.get({ flowId });
    const inBrowser = validate(draft, {
      resources: resolverFromEditorBundle(await viewer.flows.resourceBundle(editorResourceKeys(draft))),
    });
    const onServer = validate(draft, { resources: await loadResolver(database.db, draft) });
    expect(inBrowser.errors).toEqual([]);
    expect(inBrowser).toEqual(onServer);
    // Without resources the subflow's nodes are unknown: the false errors the editor showed before.
    expect(validate(draft).errors.map((e) => e.rule)).toContain('test-unknown-mock');
  });

  it('a key nothing defines is absent, so validation reports it as publishing would', async () => {
    const bundle = await viewer.flows.resourceBundle({
      schedule: ['nowhere'],
      skillGroup: ['ghosts'],
      integration: ['void'],
      subflow: ['no-such-flow'],
    });
    expect(bundle).toEqual({
      schedules: {},
      skillGroups: {},
      subflows: {},
      recordings: {},
      integrationKeys: [],
      realCallsOff: [],
    });
  });

  it('lists the prompt audio library (key, languages), so the editor warns of an audio part with no recording in a flow language', async () => {
    const actor = await seedUser(database.db, 'admin');
    await storePromptAudio(database.db, actor, {
      key: 'Welcome',
      language: 'zh-CN',
      fileName: 'welcome.wav',
      bytes: toneWav(0.2, 440),
      info: { format: 'wav', durationMs: 200, sampleRate: 8000, channels: 1, codec: 'PCM 16-bit' },
    });
    const bundle = await viewer.flows.resourceBundle({ schedule: [], skillGroup: [], integration: [], subflow: [] });
    expect(bundle.recordings).toEqual({ welcome: ['zh-CN'] });
    const document = flow(
      [node('hello', 'play', { prompt: { audio: { 'zh-CN': 'welcome', 'en-US': 'welcome' } } }), node('bye', 'hangup')],
      ['start:next->hello', 'hello:next->bye'],
      { languages: ['zh-CN', 'en-US'] },
    );
    const inBrowser = validate(document, { resources: resolverFromEditorBundle(bundle) });
    expect(inBrowser.warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'missing-recording /nodes/1/config/prompt/audio/en-US',
    ]);
    expect(validate(document, { resources: await loadResolver(database.db, document) })).toEqual(inBrowser);
  });

  it('needs a signed-in user and refuses oversized input', async () => {
    const signedOut = callerFor(database.db, null);
    expect(
      (
        await expectTrpcError(
          signedOut.flows.resourceBundle({ schedule: [], skillGroup: [], integration: [], subflow: [] }),
        )
      ).code,
    ).toBe('UNAUTHORIZED');
    const tooMany = Array.from({ length: 501 }, (_, i) => `k${i}`);
    expect(
      (
        await expectTrpcError(
          viewer.flows.resourceBundle({ schedule: tooMany, skillGroup: [], integration: [], subflow: [] }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
  });
});
