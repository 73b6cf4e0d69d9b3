import { getExpressionAst, parse } from "@cdktf/hcl2json";
const show = async (e) => console.log(e, JSON.stringify(await getExpressionAst("x.tf", e), (k, v) => (k === "range" ? undefined : v)));
await show('"%{ for x in var.l }${x},%{ endfor }"');
await show('"a %{ if var.c }yes%{ else }no%{ endif } b"');
await show('<<EOT\n%{~ for x in var.l ~}\n${x}\n%{~ endfor ~}\nEOT\n');
await show('"${var.x}"');
await show('f(a...)');
