/** Terraform's hash and crypto functions that need more than one expression (see ./strings.ts). */
import * as crypto from "crypto";
import * as fs from "fs";

/** Terraform's uuidv5(): the name-based UUID of `name` in a namespace (`dns`, `url`, `oid`, `x500` or a UUID). */
export function uuidv5(namespace: string, name: string): string {
  const known: Record<string, string> = { dns: "6ba7b810", url: "6ba7b811", oid: "6ba7b812", x500: "6ba7b814" };
  const ns = known[namespace] ? `${known[namespace]}-9dad-11d1-80b4-00c04fd430c8` : namespace;
  const bytes = Buffer.from(ns.replace(/-/g, ""), "hex");
  if (bytes.length !== 16) throw new Error(`uuidv5: invalid namespace ${JSON.stringify(namespace)}`);
  const hash = crypto.createHash("sha1").update(bytes).update(name, "utf8").digest().subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Terraform's rsadecrypt(): a Base64 ciphertext (PKCS #1 v1.5 padding) decrypted with a PEM private key. */
export function rsadecrypt(ciphertext: string, privateKey: string): string {
  // Node refuses PKCS #1 v1.5 padding for private decryption; the padding is removed here.
  const block = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(ciphertext, "base64"));
  const end = block.indexOf(0, 2);
  if (block[0] !== 0 || block[1] !== 2 || end < 10) throw new Error("rsadecrypt: failed to decrypt: not PKCS #1 v1.5 padded");
  return block.subarray(end + 1).toString("utf8");
}

/** Terraform's filemd5(). */
export function filemd5(file: string): string {
  return crypto.createHash("md5").update(fs.readFileSync(file)).digest("hex");
}

/** Terraform's filesha1(). */
export function filesha1(file: string): string {
  return crypto.createHash("sha1").update(fs.readFileSync(file)).digest("hex");
}

/** Terraform's filesha256(). */
export function filesha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Terraform's filesha512(). */
export function filesha512(file: string): string {
  return crypto.createHash("sha512").update(fs.readFileSync(file)).digest("hex");
}

/** Terraform's filebase64sha256(). */
export function filebase64sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("base64");
}

/** Terraform's filebase64sha512(). */
export function filebase64sha512(file: string): string {
  return crypto.createHash("sha512").update(fs.readFileSync(file)).digest("base64");
}
