// RUN --mount flag values: `type=cache,target=/x,id=y`, read the way BuildKit
// reads them (one CSV record of key=value fields).

/** `type=cache,target=/x,id=y` as a map; BuildKit reads it as one CSV record, so fields may be quoted. */
export function parseMountOptions(value: string): Map<string, string> {
  const options = new Map<string, string>();
  for (const field of splitCsv(value)) {
    const equals = field.indexOf('=');
    const key = (equals === -1 ? field : field.slice(0, equals)).trim().toLowerCase();
    options.set(key, equals === -1 ? '' : field.slice(equals + 1).trim());
  }
  return options;
}

function splitCsv(value: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]!;
    if (ch === '"') {
      if (quoted && value[i + 1] === '"') {
        field += '"';
        i++;
      } else {
        quoted = !quoted;
      }
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

/** The mount's type; BuildKit's default is a bind mount. */
export function mountType(options: ReadonlyMap<string, string>): string {
  return options.get('type') ?? 'bind';
}
