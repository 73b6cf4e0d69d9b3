import ts from "typescript";
import { describe, expect, it } from "vitest";
import { standIns, type TsApi } from "../src/bulk/stand-ins.js";

const read = (text: string) => standIns(ts as unknown as TsApi, "index.ts", text);

describe("verification stand-ins for required structured config", () => {
  it("take the shape the program reads the value as", () => {
    const text = `
type Net = { cidr: string; zones: string[] };
type Settings = { name: string; port: number; on: boolean; net: Net; tags: Record<string, string>; mode: "a" | "b"; pair: [string, number]; note?: string; ids: Array<number>; size: number | null };
const a = config.requireObject<Settings>("settings");
const b = config.requireObject<any>("loose");
const c = config.requireSecretObject<string[]>("keys");
const d = config.getObject<{ x: string }>("optional");
const e = config.requireObject<{ deep: { deeper: number } }>("inline");
`;
    expect(Object.fromEntries(read(text))).toEqual({
      settings: { name: "verify", port: 1, on: true, net: { cidr: "verify", zones: [] }, tags: {}, mode: "a", pair: ["verify", 1], ids: [], size: 1 },
      loose: {},
      keys: [],
      inline: { deep: { deeper: 1 } },
    });
  });

  it("an alias of itself ends, and a program without such reads is not parsed", () => {
    expect(Object.fromEntries(read(`type A = A; config.requireObject<A>("a");`))).toEqual({ a: {} });
    expect(read("const x = 1;").size).toBe(0);
  });
});
