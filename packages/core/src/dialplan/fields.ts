// Caller-profile fields usable as <condition field="NAME"> without "$"
// (src/switch_caller.c switch_caller_get_field_by_name, signalwire/freeswitch@cc93a683).
// Generated from shared/reference/caller-profile-fields.txt. Matching is case-insensitive (strcasecmp).
// A field containing '$' anywhere is variable-expanded instead; any other unknown name yields ""
// (mod_dialplan_xml.c), so a typo silently matches only expressions that accept the empty string.

export interface CallerProfileField {
  name: string;
  /** What the field holds, as documented in the reference list. */
  kind: string;
  /** Where FreeSWITCH resolves it. */
  source: string;
}

export const CALLER_PROFILE_FIELDS: readonly CallerProfileField[] = [
  { name: 'dialplan', kind: 'string', source: 'src/switch_caller.c:195' },
  { name: 'username', kind: 'string', source: 'src/switch_caller.c:198' },
  { name: 'caller_id_name', kind: 'string', source: 'src/switch_caller.c:201' },
  { name: 'caller_id_number', kind: 'string', source: 'src/switch_caller.c:204' },
  { name: 'orig_caller_id_name', kind: 'string', source: 'src/switch_caller.c:207' },
  { name: 'orig_caller_id_number', kind: 'string', source: 'src/switch_caller.c:210' },
  { name: 'callee_id_name', kind: 'string', source: 'src/switch_caller.c:213' },
  { name: 'callee_id_number', kind: 'string', source: 'src/switch_caller.c:216' },
  { name: 'ani', kind: 'string', source: 'src/switch_caller.c:219' },
  { name: 'aniii', kind: 'string', source: 'src/switch_caller.c:222' },
  { name: 'network_addr', kind: 'string', source: 'src/switch_caller.c:225' },
  { name: 'rdnis', kind: 'string', source: 'src/switch_caller.c:228' },
  { name: 'destination_number', kind: 'string', source: 'src/switch_caller.c:231' },
  { name: 'uuid', kind: 'string', source: 'src/switch_caller.c:234' },
  { name: 'source', kind: 'string', source: 'src/switch_caller.c:237' },
  { name: 'transfer_source', kind: 'string', source: 'src/switch_caller.c:240' },
  { name: 'context', kind: 'string', source: 'src/switch_caller.c:243' },
  { name: 'chan_name', kind: 'string', source: 'src/switch_caller.c:247' },
  { name: 'profile_index', kind: 'string', source: 'src/switch_caller.c:251' },
  { name: 'caller_ton', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:255' },
  { name: 'caller_numplan', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:258' },
  { name: 'destination_number_ton', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:261' },
  { name: 'destination_number_numplan', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:264' },
  { name: 'ani_ton', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:267' },
  { name: 'ani_numplan', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:270' },
  { name: 'rdnis_ton', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:273' },
  { name: 'rdnis_numplan', kind: 'unsigned number as decimal string', source: 'src/switch_caller.c:276' },
  { name: 'screen_bit', kind: '"true"/"false"', source: 'src/switch_caller.c:279' },
  { name: 'privacy_hide_name', kind: '"true"/"false"', source: 'src/switch_caller.c:282' },
  { name: 'privacy_hide_number', kind: '"true"/"false"', source: 'src/switch_caller.c:285' },
  { name: 'profile_created_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:288' },
  { name: 'created_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:291' },
  { name: 'answered_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:294' },
  { name: 'progress_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:297' },
  { name: 'progress_media_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:300' },
  { name: 'hungup_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:303' },
  { name: 'transferred_time', kind: 'epoch microseconds as decimal string (0 if not reached)', source: 'src/switch_caller.c:306' },
];

const BY_LOWER: ReadonlyMap<string, CallerProfileField> = new Map(CALLER_PROFILE_FIELDS.map((f) => [f.name.toLowerCase(), f]));

/** Is `name` a caller-profile field (case-insensitive, as switch_caller_get_field_by_name)? */
export function isCallerProfileField(name: string): boolean {
  return BY_LOWER.has(name.toLowerCase());
}

/** The field description for `name` (case-insensitive), if it is a caller-profile field. */
export function getCallerProfileField(name: string): CallerProfileField | undefined {
  return BY_LOWER.get(name.toLowerCase());
}

/** A field containing '$' is variable-expanded by mod_dialplan_xml instead of being looked up. */
export function isExpandedField(field: string): boolean {
  return field.includes('$');
}
