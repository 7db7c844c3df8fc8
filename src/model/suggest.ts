/**
 * The name in `names` a misspelt `name` most likely meant, or undefined when none is close: case,
 * `_` and `-` are ignored (`accountNumber` → `account_number`), then at most one edit in three
 * characters (an edit: a letter added, removed, replaced, or two neighbours swapped: `nmae` → `name`).
 */
export function closestName(name: string, names: readonly string[]): string | undefined {
  const plain = (s: string) => s.toLowerCase().replace(/[_-]/g, '');
  const a = plain(name);
  let best: string | undefined;
  let most = Math.max(1, Math.floor(a.length / 3));
  for (const candidate of names) {
    const d = distance(a, plain(candidate));
    if (d <= most) [best, most] = [candidate, d - 1];
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein, plus the swap of two neighbouring characters. */
function distance(a: string, b: string): number {
  // d[i][j]: the distance between the first i characters of a and the first j of b.
  const d = [...Array(a.length + 1)].map((_, i) => [i]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
        i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] ? d[i - 2]![j - 2]! + 1 : i + j,
      );
    }
  }
  return d[a.length]![b.length]!;
}

/** The end of an "is not a field/option" message: the closest of `names`, or else all of them. */
export function didYouMean(name: string, names: readonly string[]): string {
  const near = closestName(name, names);
  return near ? `: did you mean \`${near}\`?` : ` (${names.join(', ')}).`;
}
