/** A paper's notes file name: its citekey, made safe for every file system ("a/b:c" → "a_b_c.md"). */
export function notesFileName(citekey: string): string {
  const safe = citekey.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_').slice(0, 120) || 'paper';
  return `${safe}.md`;
}
