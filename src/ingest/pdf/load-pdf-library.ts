import { createRequire, registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

type PdfLibrary = typeof import("pdf-parse");

let loading: Promise<PdfLibrary> | undefined;

/**
 * Loads pdf-parse for the PDF worker process, once, with less start-up work than its plain import and the same text:
 * pdf.js's minified build (the same code, half the bytes to read and compile), its worker module loaded alongside
 * rather than after the first document is opened, and the canvas package it requires for rendering replaced by
 * canvas-stand-in.ts (loading that package's 30 MB native library was a tenth of a worker's start-up; text extraction
 * never renders). Changes module resolution for the whole process: call it only in the worker process.
 */
export function loadPdfLibrary(): Promise<PdfLibrary> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfLibrary> {
  const standIn = import.meta.resolve("./canvas-stand-in.ts");
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === "@napi-rs/canvas") return { url: standIn, format: "module-typescript", shortCircuit: true };
      if (specifier === "pdfjs-dist/legacy/build/pdf.mjs") return nextResolve("pdfjs-dist/legacy/build/pdf.min.mjs", context);
      return nextResolve(specifier, context);
    },
  });
  // pdf.js opens a document with the worker module that sets `globalThis.pdfjsWorker`, if one has.
  const fromPdfParse = createRequire(import.meta.resolve("pdf-parse"));
  const workerModule = import(pathToFileURL(fromPdfParse.resolve("pdfjs-dist/legacy/build/pdf.worker.min.mjs")).href);
  const [library] = await Promise.all([import("pdf-parse"), workerModule]);
  return library;
}
