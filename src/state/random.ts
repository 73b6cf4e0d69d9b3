/**
 * @pulumi/random's resources in a Terraform state. Their import IDs are values, not names, as
 * the package documents them: `random_id` its `b64_url` (after its prefix and a comma),
 * `random_integer` its `result,min,max` (and seed), `random_uuid` its `result`. Imported so, the
 * program reads the same value it read under Terraform, and nothing that reads it changes. The
 * others are left out with what to do: a password's or bytes' value is a secret that an import
 * file must not hold; a string's import sets its flags to the provider's defaults, so one made
 * with other settings would be replaced; a pet name or a shuffle documents no import.
 */
import { text } from "./imports.js";

type Attributes = Readonly<Record<string, unknown>>;

const IMPORTED: Readonly<Record<string, (a: Attributes) => (string | undefined)[]>> = {
  "random.RandomId": (a) => (text(a.prefix) ? [`${text(a.prefix)},${text(a.b64_url) ?? ""}`] : [text(a.b64_url)]),
  "random.RandomInteger": (a) => [[a.result, a.min, a.max, ...(text(a.seed) ? [a.seed] : [])].map(text).join(",")],
  "random.RandomUuid": (a) => [text(a.result)],
};

const LEFT_OUT: Readonly<Record<string, string>> = {
  "random.RandomPassword": "its import ID is the password itself, a secret an import file must not hold: import it by hand (pulumi import random:index/randomPassword:RandomPassword <name> <the state's result>), with the program's length and character settings as Terraform's, or the first update makes a new password",
  "random.RandomBytes": "its import ID is its base64 value, a secret an import file must not hold: import it by hand (pulumi import random:index/randomBytes:RandomBytes <name> <the state's base64>), or the first update makes new bytes",
  "random.RandomString": "its import takes the string and sets the character settings to the provider's defaults, so one made with other settings would be replaced: import it by hand (pulumi import random:index/randomString:RandomString <name> <the state's result>) where the settings are the defaults, or the first update makes a new string",
  "random.RandomPet": "@pulumi/random documents no import for it: the first update makes a new name, and what reads it changes (write the state's id in its place to keep it)",
  "random.RandomShuffle": "@pulumi/random documents no import for it: the first update shuffles again, and what reads it changes (write the state's result in its place to keep it)",
};

/** Whether the class is one of @pulumi/random's, whose import IDs this module gives. */
export const isRandom = (className: string): boolean => className.startsWith("random.");

/** The import ID of a random resource from its state attributes, or why it is left out. */
export function randomImportId(className: string, attributes: Attributes): { id: string } | { reason: string } {
  const parts = IMPORTED[className]?.(attributes);
  if (parts) {
    const id = parts[0];
    return id && !id.split(",").includes("") ? { id } : { reason: `its state lacks the values ${className}'s import ID is made of` };
  }
  return { reason: LEFT_OUT[className] ?? `${className} documents no import ID` };
}
