/** A known, user-facing failure: reported as one line, never with a stack trace. */
export class DockmodError extends Error {
  override name = 'DockmodError';
}

/** Bad command-line usage or configuration: exit 2 before any file is touched. */
export class UsageError extends DockmodError {
  override name = 'UsageError';
}
