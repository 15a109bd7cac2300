/**
 * One field of an object as a Dolibarr call returns it: its name, the JSON kinds it was seen with in the
 * recordings of that call (n null, s string, e empty string, i number, b boolean, a array, o object), and
 * a neutral default of that kind.
 */
export type FieldTemplate = readonly [name: string, kinds: string, fallback: unknown];
