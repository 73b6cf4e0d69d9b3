/** The command as installed: the package's `bin` (what `npx pulumigrate` runs), for the bench's whole-process cases. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
export const cli = path.join(root, JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).bin.pulumigrate);
