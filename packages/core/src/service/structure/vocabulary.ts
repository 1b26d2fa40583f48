/** Names a client completes from when it edits structure: applications (with syntax), fields, codecs. */
import { allApplications, allCallerProfileFields } from '../../kb/index.js';

export interface Vocabulary {
  applications: { name: string; syntax: string; doc: string }[];
  fields: string[];
  /** Codec names as FreeSWITCH's codec modules register them (mod_opus, mod_spandsp, mod_vpx, …). */
  codecs: string[];
}

// the names the stock codec modules register (switch_core_codec / mod_* codec_interface names)
const CODECS = ['OPUS', 'G722', 'PCMU', 'PCMA', 'G729', 'GSM', 'iLBC', 'speex', 'G7221', 'G726-32', 'AMR', 'AMR-WB', 'L16', 'VP8', 'VP9', 'H264', 'H263', 'H263-1998'];

export function vocabulary(): Vocabulary {
  return {
    applications: allApplications()
      .map((a) => ({ name: a.name, syntax: a.syntax, doc: a.doc.split('\n')[0] ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    fields: allCallerProfileFields().map((f) => f.name),
    codecs: CODECS,
  };
}
