/** Names a client completes from when it edits structure: applications (with syntax), fields, codecs. */
import { allApplications, allCallerProfileFields, configParams } from '../../kb/index.js';

export interface Vocabulary {
  applications: { name: string; syntax: string; doc: string }[];
  fields: string[];
  /** Codec names as FreeSWITCH's codec modules register them (mod_opus, mod_spandsp, mod_vpx, …). */
  codecs: string[];
  /** A sofia profile's params as the knowledge base knows them: type, default, allowed values. */
  profileParams: { name: string; type: string; default?: string; values?: string[] }[];
  /** A gateway's params, the same way. */
  gatewayParams: { name: string; type: string; default?: string; values?: string[] }[];
}

// the names the stock codec modules register (switch_core_codec / mod_* codec_interface names)
const CODECS = [
  'OPUS',
  'G722',
  'PCMU',
  'PCMA',
  'G729',
  'GSM',
  'iLBC',
  'speex',
  'G7221',
  'G726-32',
  'AMR',
  'AMR-WB',
  'L16',
  'VP8',
  'VP9',
  'H264',
  'H263',
  'H263-1998',
];

export function vocabulary(): Vocabulary {
  return {
    applications: allApplications()
      .map((a) => ({ name: a.name, syntax: a.syntax, doc: a.doc.split('\n')[0] ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    fields: allCallerProfileFields().map((f) => f.name),
    codecs: CODECS,
    profileParams: paramWords('settings'),
    gatewayParams: paramWords('gateway'),
  };
}

function paramWords(section: 'settings' | 'gateway'): Vocabulary['profileParams'] {
  return configParams('sofia.conf', section).map((p) => ({
    name: p.name,
    type: p.type,
    ...(p.default !== undefined ? { default: p.default } : {}),
    ...(p.values?.length ? { values: p.values.map((v) => v.value) } : {}),
  }));
}
