// Public API of the effect/driver contract.

export * from './call-driver';
export { defaultEffectLimits, effectWatchdogMs, EffectWatchdogError, type EffectLimits } from './effect-watchdog';
export {
  driverActors,
  placeholderActors,
  type EffectActors,
  type EffectEvent,
  type EffectInput,
} from './effect-actors';
export { bindDriver } from './bind-driver';
export {
  integrationUrl,
  isAbsoluteUrl,
  isUnderBase,
  joinUnderBase,
  type IntegrationUrlResult,
} from './integration-url';
