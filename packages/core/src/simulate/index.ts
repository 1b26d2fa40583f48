// The call simulator and the exposure analysis (pure, no I/O).
export { simulateCall, type SimulateOptions } from './call.js';
export { RouteInputError } from './types.js';
export type { RouteInput, RouteResult, RouteAction, Outcome, Admission, TraceStep, BridgeTarget, EndpointKind, Location as RouteLocation } from './types.js';
export { matchExpression, exampleFor, compileExpression } from './regex-match.js';
export { parseAt } from './time-check.js';
export { exposureOf, STRANGER, type ProfileExposure, type Reach } from './exposure.js';
