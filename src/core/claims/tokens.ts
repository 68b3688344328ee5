// Word tokens with offsets, shared by the cue finder and the feature extractor.

export interface WordToken {
  /** Lower-cased word (letters, digits and inner apostrophes). */
  word: string;
  start: number;
  end: number;
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}


/** Splits text into lower-cased words; hyphens and punctuation separate words. One pass, no regex. */
export function tokenize(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  const n = text.length;
  // Lower-casing the whole text once is cheaper than per word; the lengths stay the same for Latin text.
  const lower = text.toLowerCase();
  const source = lower.length === n ? lower : text;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (!isWordChar(code)) {
      i++;
      continue;
    }
    const start = i;
    let curly = false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordChar(c)) {
        i++;
      } else if ((c === 39 || c === 0x2019) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) {
        if (c === 0x2019) curly = true;
        i += 2;
      } else {
        break;
      }
    }
    let word = source.slice(start, i);
    if (source !== lower) word = word.toLowerCase();
    if (curly) word = word.replace(/\u2019/g, "'");
    tokens.push({ word, start, end: i });
  }
  return tokens;
}
