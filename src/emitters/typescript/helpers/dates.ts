/** Terraform's date and time functions over RFC 3339 timestamps (see ./strings.ts). */

/** An RFC 3339 timestamp: the instant in milliseconds and the offset it was written in, in minutes. */
export function parseTimestamp(ts: string): { ms: number; offset: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/.exec(ts);
  if (!m) throw new Error(`not a valid RFC 3339 timestamp: ${JSON.stringify(ts)}`);
  const offset = m[8]!.toUpperCase() === "Z" ? 0 : (m[9] === "-" ? -1 : 1) * (Number(m[10]) * 60 + Number(m[11]));
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  return { ms: utc + Math.floor(Number(m[7] ?? 0) * 1000) - offset * 60_000, offset };
}

/** An instant as RFC 3339 in the given offset, without fractional seconds (`Z` for UTC). */
export function formatTimestamp(ms: number, offset: number): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  if (offset === 0) return `${local}Z`;
  const abs = Math.abs(offset);
  return `${local}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** Terraform's formatdate(): `YYYY`, `MMM`, `DD`, `EEEE`, `hh`, `mm`, `ZZZ`… and 'quoted' text. */
export function formatdate(spec: string, ts: string): string {
  const { ms, offset } = parseTimestamp(ts);
  const t = new Date(ms + offset * 60_000);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const two = (n: number) => String(n).padStart(2, "0");
  const zone = (colon: boolean) => `${offset < 0 ? "-" : "+"}${two(Math.floor(Math.abs(offset) / 60))}${colon ? ":" : ""}${two(Math.abs(offset) % 60)}`;
  const hour12 = t.getUTCHours() % 12 || 12;
  const tokens: Record<string, () => string> = {
    YYYY: () => String(t.getUTCFullYear()).padStart(4, "0"),
    YY: () => two(t.getUTCFullYear() % 100),
    MMMM: () => months[t.getUTCMonth()]!,
    MMM: () => months[t.getUTCMonth()]!.slice(0, 3),
    MM: () => two(t.getUTCMonth() + 1),
    M: () => String(t.getUTCMonth() + 1),
    DD: () => two(t.getUTCDate()),
    D: () => String(t.getUTCDate()),
    EEEE: () => days[t.getUTCDay()]!,
    EEE: () => days[t.getUTCDay()]!.slice(0, 3),
    hh: () => two(t.getUTCHours()),
    h: () => String(t.getUTCHours()),
    HH: () => two(hour12),
    H: () => String(hour12),
    AA: () => (t.getUTCHours() < 12 ? "AM" : "PM"),
    aa: () => (t.getUTCHours() < 12 ? "am" : "pm"),
    mm: () => two(t.getUTCMinutes()),
    m: () => String(t.getUTCMinutes()),
    ss: () => two(t.getUTCSeconds()),
    s: () => String(t.getUTCSeconds()),
    ZZZZZ: () => zone(true),
    ZZZZ: () => zone(false),
    ZZZ: () => (offset === 0 ? "UTC" : zone(false)),
    Z: () => (offset === 0 ? "Z" : zone(true)),
  };
  return spec.replace(/'((?:[^']|'')*)'|([A-Za-z])\2*/g, (token, quoted: string | undefined) => {
    if (quoted !== undefined) return token === "''" ? "'" : quoted.replace(/''/g, "'");
    const f = tokens[token];
    if (!f) throw new Error(`formatdate: invalid date format verb ${JSON.stringify(token)}`);
    return f();
  });
}

/** Terraform's timeadd(): the timestamp plus a Go duration (`1h30m`, `-10m`, `1.5h`, `300ms`). */
export function timeadd(ts: string, duration: string): string {
  const { ms, offset } = parseTimestamp(ts);
  const units: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const m = /^([+-])?((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(duration);
  if (!m && duration !== "0") throw new Error(`timeadd: invalid duration ${JSON.stringify(duration)}`);
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) total += Number(n) * units[unit!]!;
  return formatTimestamp(ms + (m?.[1] === "-" ? -total : total), offset);
}

/** Terraform's timecmp(): -1, 0 or 1 as `a` is before, the same instant as, or after `b`. */
export function timecmp(a: string, b: string): number {
  return Math.sign(parseTimestamp(a).ms - parseTimestamp(b).ms);
}

/** Terraform's timestamp(): now, as RFC 3339 in UTC. */
export function timestamp(): string {
  return formatTimestamp(Date.now(), 0);
}
