import { describe, expect, it } from "vitest";
import { childrenOf, rewriteExpr, transformExpr, walkExpr, type Expr } from "../src/model/expr.js";
import { random } from "./helpers/random.js";

/** A random expression of every kind, `depth` deep at most. */
function expr(next: () => number, depth: number): Expr {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const sub = () => expr(next, depth - 1);
  const leaf = (): Expr => (next() < 0.5 ? { kind: "literal", value: pick(["a", "b", 1, true, null]) } : { kind: "ref", target: { kind: "variable", name: pick(["x", "y"]) }, path: [] });
  if (depth <= 0) return leaf();
  switch (pick(["literal", "list", "object", "template", "ref", "call", "conditional", "binary", "unary", "index", "splat", "for"] as const)) {
    case "literal":
      return leaf();
    case "list":
      return { kind: "list", items: [sub(), sub()] };
    case "object":
      return { kind: "object", entries: [{ key: "k", value: sub() }, { key: sub(), value: sub() }] };
    case "template":
      return { kind: "template", parts: ["a", sub(), "b"] };
    case "ref":
      return { kind: "ref", target: { kind: "variable", name: "v" }, path: [{ kind: "attr", name: "a" }, { kind: "index", key: sub() }] };
    case "call":
      return { kind: "call", name: "f", args: [sub(), sub()] };
    case "conditional":
      return { kind: "conditional", condition: sub(), whenTrue: sub(), whenFalse: sub() };
    case "binary":
      return { kind: "binary", op: "+", left: sub(), right: sub() };
    case "unary":
      return { kind: "unary", op: "!", operand: sub() };
    case "index":
      return { kind: "index", collection: sub(), key: sub() };
    case "splat":
      return { kind: "splat", source: sub(), each: [{ kind: "index", key: sub() }] };
    case "for":
      return { kind: "for", valueVar: "v", collection: sub(), value: sub(), ...(next() < 0.5 ? { key: sub(), keyVar: "k" } : {}), ...(next() < 0.5 ? { condition: sub() } : {}) } as Expr;
  }
}

const nodes = (e: Expr): Expr[] => {
  const out: Expr[] = [];
  walkExpr(e, (x) => out.push(x));
  return out;
};

describe("rewriteExpr: transformExpr's result, keeping what did not change", () => {
  it("gives what transformExpr gives, for any rewrite, on 500 random expressions", () => {
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const e = expr(next, 4);
      const f = (x: Expr): Expr => (x.kind === "literal" && x.value === "a" ? { kind: "literal", value: "A" } : x);
      expect(rewriteExpr(e, f)).toEqual(transformExpr(e, f));
    }
  });

  it("returns the very nodes nothing in which changed, and new ones on the way to a change", () => {
    const next = random(11);
    for (let i = 0; i < 300; i++) {
      const e = expr(next, 4);
      const same = rewriteExpr(e, (x) => x);
      expect(same).toBe(e);
      const targets = nodes(e).filter((x) => x.kind === "literal" && x.value === "b");
      const out = rewriteExpr(e, (x) => (x.kind === "literal" && x.value === "b" ? { kind: "literal", value: "B" } : x));
      const kept = new Set(nodes(out));
      // A node survives exactly when no "b" literal is inside it.
      for (const n of nodes(e)) expect(kept.has(n), JSON.stringify(n)).toBe(!nodes(n).some((x) => targets.includes(x)));
    }
  });

  it("walkExpr visits what childrenOf lists, in that order", () => {
    const next = random(3);
    for (let i = 0; i < 300; i++) {
      const e = expr(next, 4);
      const byChildren: Expr[] = [];
      const visit = (x: Expr) => {
        byChildren.push(x);
        childrenOf(x).forEach(visit);
      };
      visit(e);
      expect(nodes(e)).toEqual(byChildren);
    }
  });
});
