import { describe, expect, it } from 'vitest';
import { CALLER_PROFILE_FIELDS, getCallerProfileField, isCallerProfileField, isExpandedField } from './fields.js';

describe('caller-profile fields', () => {
  it('has the 37 fields of switch_caller_get_field_by_name', () => {
    expect(CALLER_PROFILE_FIELDS).toHaveLength(37);
    expect(new Set(CALLER_PROFILE_FIELDS.map((f) => f.name)).size).toBe(37);
  });

  it('matches names case-insensitively', () => {
    expect(isCallerProfileField('destination_number')).toBe(true);
    expect(isCallerProfileField('Destination_Number')).toBe(true);
    expect(isCallerProfileField('CALLER_ID_NUMBER')).toBe(true);
    expect(isCallerProfileField('transferred_time')).toBe(true);
    expect(getCallerProfileField('ANI')?.name).toBe('ani');
  });

  it('rejects unknown names', () => {
    expect(isCallerProfileField('destination')).toBe(false);
    expect(isCallerProfileField('caller_id')).toBe(false);
    expect(isCallerProfileField('')).toBe(false);
  });

  it('knows that fields with $ are expanded instead', () => {
    expect(isExpandedField('${sip_from_user}')).toBe(true);
    expect(isExpandedField('destination_number')).toBe(false);
  });
});
