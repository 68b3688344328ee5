// Layers glossaries (shipped default, then workspace, then user): a later entry replaces an earlier
// one with the same id, or whose term is the other's alias (or the reverse); new entries are added.
import type { Glossary, GlossaryEntry } from '../types';
import { formKey } from './matcher';

export function mergeGlossaries(layers: Glossary[]): Glossary {
  if (layers.length === 1) return layers[0];
  const slots: Array<GlossaryEntry | undefined> = [];
  const byId = new Map<string, number>();
  const byTermOrAlias = new Map<string, number>();
  const byTerm = new Map<string, number>();
  const forget = (slot: number): void => {
    for (const map of [byId, byTermOrAlias, byTerm]) for (const [key, value] of map) if (value === slot) map.delete(key);
  };
  for (const layer of layers) {
    for (const entry of layer.entries) {
      const termKey = formKey(entry.term) ?? entry.id;
      const aliasKeys = entry.aliases.map((a) => formKey(a)).filter((k): k is string => k !== undefined);
      const overridden = new Set<number>();
      const add = (slot: number | undefined): void => {
        if (slot !== undefined) overridden.add(slot);
      };
      add(byId.get(entry.id));
      add(byTermOrAlias.get(termKey));
      for (const key of aliasKeys) add(byTerm.get(key));
      let slot: number;
      if (overridden.size === 0) {
        slot = slots.push(entry) - 1;
      } else {
        const sorted = [...overridden].sort((a, b) => a - b);
        slot = sorted[0];
        for (const s of sorted) {
          forget(s);
          slots[s] = undefined;
        }
        slots[slot] = entry;
      }
      byId.set(entry.id, slot);
      byTerm.set(termKey, slot);
      byTermOrAlias.set(termKey, slot);
      for (const key of aliasKeys) byTermOrAlias.set(key, slot);
    }
  }
  return { entries: slots.filter((e): e is GlossaryEntry => e !== undefined) };
}
