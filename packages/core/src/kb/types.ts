// Shapes of the compiled knowledge base (packages/core/kb/**/*.yaml -> data.generated.ts): the outputs of
// the KB schema (schema.ts), which scripts/kb-schema.mjs validates and compiles the YAML with.
import type {
  AppEntry,
  CallerProfileFieldEntry,
  CoreGlobalEntry,
  CtiKeyEntry,
  EventEntry,
  LogLevelEntry,
  ModuleEntry,
  NonModuleEntry,
  ParamSet,
  PreprocessEntry,
} from './schema.js';

export type {
  FsVersion,
  ParamType,
  NameMatching,
  KbValue,
  ParamEntry,
  SectionInfo,
  AmrMode,
  ParamScope,
  ParamSet,
  AppFlag,
  AppEntry,
  EventEntry,
  LogLevelEntry,
  PreprocessEntry,
  CtiKeyEntry,
  ModuleEntry,
  NonModuleEntry,
  GlobalTiming,
  CoreGlobalEntry,
  CallerProfileFieldEntry,
} from './schema.js';

export interface KbData {
  readonly paramSets: readonly ParamSet[];
  readonly applications: readonly AppEntry[];
  readonly events: readonly EventEntry[];
  readonly logLevels: readonly LogLevelEntry[];
  readonly preprocess: readonly PreprocessEntry[];
  readonly cti: { readonly file: string; readonly doc: string; readonly keys: readonly CtiKeyEntry[] };
  readonly modules: readonly ModuleEntry[];
  readonly nonModules: readonly NonModuleEntry[];
  readonly coreGlobals: readonly CoreGlobalEntry[];
  readonly callerProfileFields: readonly CallerProfileFieldEntry[];
}
