// BCubed precision/recall/F1 (Bagga & Baldwin 1998; Amigó et al. 2009): per item, the share of its predicted
// cluster carrying its gold label, and the share of its gold cluster that shares its predicted cluster.

export interface BCubed {
  precision: number;
  recall: number;
  f1: number;
}

/** `predicted` and `gold` map item → cluster label; only items present in both are scored. */
export function bcubed(predicted: Map<string, string>, gold: Map<string, string>): BCubed {
  const items = [...gold.keys()].filter((k) => predicted.has(k));
  if (items.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const count = new Map<string, number>();
  const bump = (k: string): void => void count.set(k, (count.get(k) ?? 0) + 1);
  for (const i of items) {
    bump('p\u0000' + predicted.get(i));
    bump('g\u0000' + gold.get(i));
    bump('b\u0000' + predicted.get(i) + '\u0000' + gold.get(i));
  }
  let p = 0;
  let r = 0;
  for (const i of items) {
    const both = count.get('b\u0000' + predicted.get(i) + '\u0000' + gold.get(i))!;
    p += both / count.get('p\u0000' + predicted.get(i))!;
    r += both / count.get('g\u0000' + gold.get(i))!;
  }
  p /= items.length;
  r /= items.length;
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
