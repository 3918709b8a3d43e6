// What the PDF worker process gives pdf.js in place of `@napi-rs/canvas` (see load-pdf-library.ts). pdf.js's module
// scope requires the canvas package and builds a DOMMatrix from it; only page rendering uses these classes, and the
// worker reads text, so they are empty: rendering would fail at its first call instead of loading Skia.

/** pdf.js builds one at module scope (for rendering); never used by text extraction. */
export class DOMMatrix {}

/** Image pixels: never decoded by text extraction (`maxImageSize: 1`). */
export class ImageData {}

/** Vector paths: drawn only when rendering. */
export class Path2D {}
