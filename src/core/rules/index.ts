// Every rule the engine runs, in the order their findings are reported for one position.
import type { Rule } from './rule';

export const allRules: Rule[] = [];
