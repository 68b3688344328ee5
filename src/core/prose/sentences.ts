// PLACEHOLDER (to be replaced by the prose-model work): one sentence per block.
export function splitSentences(blockText: string): { start: number; end: number }[] {
  return blockText.trim() ? [{ start: 0, end: blockText.length }] : [];
}
