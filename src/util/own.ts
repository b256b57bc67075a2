/** `record[key]` when the key is the record's own: a key such as "toString" finds nothing inherited. */
export const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
