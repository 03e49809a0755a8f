/** Files of one JSON object a line, appended and never rewritten (the audit trail, the import history). */

/** Every line's object, oldest first; none when the file does not exist yet. */
export async function readJsonLines<T>(path: string): Promise<T[]> {
  let text: string;
  try {
    text = await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}
