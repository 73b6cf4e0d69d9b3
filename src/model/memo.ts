/**
 * `f(key)`, worked out once per key: for what a program asks of a small vocabulary again and
 * again (property and class names, resource types). The table stops growing at `limit` entries,
 * so that a run over a great many distinct keys keeps its memory; past it, `f` is called again.
 */
export function memo<V>(table: Map<string, V>, key: string, f: (key: string) => V, limit = 100_000): V {
  const known = table.get(key);
  if (known !== undefined || table.has(key)) return known as V;
  const v = f(key);
  if (table.size < limit) table.set(key, v);
  return v;
}
