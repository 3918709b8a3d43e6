// A worker thread of readMultipartForm (read-multipart-form.ts): splitting a large multipart body is synchronous work
// of the size of the body, done here so the main thread goes on answering. The body arrives moved, not copied, and
// each file's bytes go back the same way (its blob is shared, not copied).
import type { MultipartPart, MultipartTask } from "./read-multipart-form.ts";
import { serveThreadRequests } from "./thread-protocol.ts";

serveThreadRequests(
  async (task: MultipartTask): Promise<MultipartPart[]> => {
    const form = await new Response(task.body, { headers: { "content-type": task.contentType } }).formData();
    const parts: MultipartPart[] = [];
    for (const [field, value] of form.entries()) {
      parts.push(
        typeof value === "string"
          ? { field, text: value }
          : { field, file: { name: value.name, type: value.type, blob: value, bytes: new Uint8Array(await value.arrayBuffer()) } },
      );
    }
    return parts;
  },
  { transferOf: (parts) => parts.flatMap((part) => ("file" in part ? [part.file.bytes.buffer as ArrayBuffer] : [])) },
);
