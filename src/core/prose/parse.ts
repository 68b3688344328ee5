// PLACEHOLDER (to be replaced by the prose-model work): treats the whole text as one paragraph.
import type { ProseModel } from '../types';

export function parseProse(text: string): ProseModel {
  return { text, masked: text, blocks: text ? [{ kind: 'paragraph', range: { start: 0, end: text.length } }] : [], frontMatter: undefined, comments: [] };
}
