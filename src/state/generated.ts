/**
 * Resources whose value is made where the program runs, @pulumi/random's and @pulumi/tls's, in a
 * Terraform state. @pulumi/random's import IDs are values, not names, as the package documents
 * them: `random_id` its `b64_url` (after its prefix and a comma),
 * `random_integer` its `result,min,max` (and seed), `random_uuid` its `result`. Imported so, the
 * program reads the same value it read under Terraform, and nothing that reads it changes. The
 * others are left out with what to do: a password's or bytes' value is a secret that an import
 * file must not hold; a string's import sets its flags to the provider's defaults, so one made
 * with other settings would be replaced; a pet name or a shuffle documents no import. @pulumi/tls
 * documents none: a key or certificate is made anew, and the warning says what that replaces.
 */
import { text } from "./imports.js";

type Attributes = Readonly<Record<string, unknown>>;

/** Each importable class's ID from its state attributes (an empty part: the state lacks one). */
const IMPORTED: Readonly<Record<string, (a: Attributes) => string | undefined>> = {
  "random.RandomId": (a) => (text(a.prefix) ? `${text(a.prefix)},${text(a.b64_url) ?? ""}` : text(a.b64_url)),
  "random.RandomInteger": (a) => [a.result, a.min, a.max, ...(text(a.seed) ? [a.seed] : [])].map((v) => text(v) ?? "").join(","),
  "random.RandomUuid": (a) => text(a.result),
};

const LEFT_OUT: Readonly<Record<string, string>> = {
  "random.RandomPassword": "its import ID is the password itself, a secret an import file must not hold: import it by hand (pulumi import random:index/randomPassword:RandomPassword <name> <the state's result>), with the program's length and character settings as Terraform's, or the first update makes a new password",
  "random.RandomBytes": "its import ID is its base64 value, a secret an import file must not hold: import it by hand (pulumi import random:index/randomBytes:RandomBytes <name> <the state's base64>), or the first update makes new bytes",
  "random.RandomString": "its import takes the string and sets the character settings to the provider's defaults, so one made with other settings would be replaced: import it by hand (pulumi import random:index/randomString:RandomString <name> <the state's result>) where the settings are the defaults, or the first update makes a new string",
  "random.RandomPet": "@pulumi/random documents no import for it: the first update makes a new name, and what reads it changes (write the state's id in its place to keep it)",
  "random.RandomShuffle": "@pulumi/random documents no import for it: the first update shuffles again, and what reads it changes (write the state's result in its place to keep it)",
};

const TLS_MADE_AGAIN = "@pulumi/tls documents no import: the first update makes a new one, and what reads it changes (a key pair's public key, a certificate: replaced); to keep it, put the state's PEM in secret config and read it in its place";

/** Whether the class is one of @pulumi/random's or @pulumi/tls's, whose import IDs (or reasons for none) this module gives. */
export const isGenerated = (className: string): boolean => className.startsWith("random.") || className.startsWith("tls.");

/** The import ID of a random or tls resource from its state attributes, or why it is left out. */
export function generatedImportId(className: string, attributes: Attributes): { id: string } | { reason: string } {
  if (className.startsWith("tls.")) return { reason: TLS_MADE_AGAIN };
  const made = IMPORTED[className];
  if (made) {
    const id = made(attributes);
    return id && !id.split(",").includes("") ? { id } : { reason: `its state lacks the values ${className}'s import ID is made of` };
  }
  return { reason: LEFT_OUT[className] ?? `${className} documents no import ID` };
}
