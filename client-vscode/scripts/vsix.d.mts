/** The file list of a .vsix (zip central directory). */
export function listVsix(file: string): { name: string; size: number; compressed: number }[];
