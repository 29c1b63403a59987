/**
 * The OS "open file" dialog, as main shows it (Electron's dialog in the app; a recorder in the
 * test bridge). The renderer never names a path: it asks main, main asks the user.
 */
export interface FilePickerPort {
  /** An absolute path the user chose, or null when they cancelled. */
  pickFile(options: { title: string }): Promise<string | null>;
}
