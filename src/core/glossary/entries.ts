// Looking entries up by id, shared by the term rules; built once per glossary object.
import type { Glossary, GlossaryEntry } from '../types';

const byGlossary = new WeakMap<Glossary, Map<string, GlossaryEntry>>();

export function entriesById(glossary: Glossary): Map<string, GlossaryEntry> {
  let map = byGlossary.get(glossary);
  if (!map) {
    map = new Map(glossary.entries.map((entry) => [entry.id, entry]));
    byGlossary.set(glossary, map);
  }
  return map;
}
