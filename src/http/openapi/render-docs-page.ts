import type { ApiDocument, JsonObject as JsonSchema } from "./build-api-document.ts";

// Nested objects are shown this deep; deeper ones are named, and /openapi.json has them in full.
const MAX_DEPTH = 3;

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1d2330}
h1{margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:1px solid #ccd}code,pre{font:13px ui-monospace,monospace}
section.op{border:1px solid #dde;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
.method{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase}
.get{color:#1a6}.post{color:#26c}.put{color:#a60}.patch{color:#a60}.delete{color:#c33}
.roles{color:#555}.path{font-weight:600}table{border-collapse:collapse;margin:.3rem 0 .6rem}
td,th{border:1px solid #dde;padding:.15rem .5rem;vertical-align:top;text-align:left}th{background:#f4f5f9}
td table{margin:.2rem 0}.muted{color:#777}nav a{margin-right:.8rem}`;

type Context = { schemas: Record<string, JsonSchema> };

/** The API reference as one HTML page rendered from the spec: no script, no stylesheet or font from elsewhere. */
export function renderDocsPage(spec: ApiDocument): string {
  const context: Context = { schemas: spec.components.schemas ?? {} };
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const tag = ((operation.tags as string[] | undefined) ?? ["Other"])[0]!;
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, operation, context)]);
    }
  }
  const sections = [...byTag].map(([tag, operations]) => `<h2 id="${anchor(tag)}">${escapeHtml(tag)}</h2>\n${operations.join("\n")}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(spec.info.title)} API ${escapeHtml(spec.info.version)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(spec.info.title)} API <span class="muted">${escapeHtml(spec.info.version)}</span></h1>
<p>${escapeHtml(spec.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${[...byTag.keys()].map((tag) => `<a href="#${anchor(tag)}">${escapeHtml(tag)}</a>`).join("")}</nav>
${sections.join("\n")}
</body></html>
`;
}

function renderOperation(method: string, path: string, operation: JsonSchema, context: Context): string {
  const roles = operation["x-roles"];
  const rolesLine =
    roles === "public"
      ? "public (no token)"
      : (roles as string[]).length === 0
        ? "none: a signed CRM request"
        : (roles as string[]).join(", ");
  const parameters = (operation.parameters as JsonSchema[] | undefined) ?? [];
  const parts = [
    `<section class="op" id="${escapeHtml(String(operation.operationId))}">`,
    `<div><span class="method ${escapeHtml(method)}">${escapeHtml(method)}</span> <code class="path">${escapeHtml(path)}</code></div>`,
    `<p><strong>${escapeHtml(String(operation.summary ?? ""))}</strong></p>`,
    `<p class="roles">Roles allowed: ${escapeHtml(rolesLine)}</p>`,
    ...String(operation.description ?? "")
      .split("\n\n")
      .filter(Boolean)
      .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
  ];
  if (parameters.length > 0) {
    const rows = parameters.map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p.name))}</code></td><td>${escapeHtml(String(p.in))}</td><td>${escapeHtml(typeLabel(p.schema as JsonSchema))}</td>` +
        `<td>${p.required ? "yes" : "no"}</td><td>${escapeHtml(String(p.description ?? ""))}</td></tr>`,
    );
    parts.push(
      `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>required</th><th>description</th></tr>${rows.join("")}</table>`,
    );
  }
  const body = operation.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined;
  if (body) {
    for (const [type, { schema }] of Object.entries(body.content)) {
      parts.push(`<h4>Body <code>${escapeHtml(type)}</code>: ${escapeHtml(typeLabel(schema))}</h4>${renderSchema(schema, context, 0)}`);
    }
  }
  const responses = Object.entries(operation.responses as Record<string, JsonSchema>).map(([status, response]) => {
    if (typeof response.$ref === "string") return `<li>${escapeHtml(status)}: error envelope</li>`;
    const content = response.content as Record<string, { schema: JsonSchema }> | undefined;
    const types = content
      ? Object.entries(content)
          .map(([type, { schema }]) => `${type}: ${typeLabel(schema)}`)
          .join("; ")
      : "no body";
    return `<li>${escapeHtml(status)}: ${escapeHtml(String(response.description))} <span class="muted">(${escapeHtml(types)})</span></li>`;
  });
  parts.push(`<h4>Responses</h4><ul>${responses.join("")}</ul></section>`);
  return parts.join("\n");
}

/** A table of an object's fields, nested objects inside; other schemas render as nothing (their label says it). */
function renderSchema(schema: JsonSchema, context: Context, depth: number): string {
  if (depth >= MAX_DEPTH) return "";
  const resolved = resolve(schema, context);
  const alternatives = (resolved.oneOf ?? resolved.anyOf) as JsonSchema[] | undefined;
  if (alternatives) {
    const objects = alternatives.filter((alternative) => resolve(alternative, context).properties);
    return objects
      .map((alternative) => `<p class="muted">${escapeHtml(typeLabel(alternative))}:</p>${renderSchema(alternative, context, depth)}`)
      .join("");
  }
  if (resolved.type === "array" && resolved.items) return renderSchema(resolved.items as JsonSchema, context, depth);
  const properties = resolved.properties as Record<string, JsonSchema> | undefined;
  if (!properties) return "";
  const required = new Set((resolved.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(([name, property]) => {
    const nested = renderSchema(property, context, depth + 1);
    return (
      `<tr><td><code>${escapeHtml(name)}</code></td><td>${escapeHtml(typeLabel(property))}</td><td>${required.has(name) ? "yes" : "no"}</td>` +
      `<td>${escapeHtml(String(resolve(property, context).description ?? ""))}${nested}</td></tr>`
    );
  });
  return `<table><tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>${rows.join("")}</table>`;
}

function resolve(schema: JsonSchema, context: Context): JsonSchema {
  const reference = schema.$ref;
  if (typeof reference !== "string") return schema;
  return context.schemas[reference.split("/").pop()!] ?? {};
}

/** A short type: "string | null", "array of Deal", "\"ae\" | \"csm\"". */
function typeLabel(schema: JsonSchema | undefined): string {
  if (schema === undefined) return "any";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop()!;
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  const alternatives = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
  if (alternatives) return alternatives.map(typeLabel).join(" | ");
  if (schema.type === "array") return `array of ${typeLabel(schema.items as JsonSchema | undefined)}`;
  if (Array.isArray(schema.type)) return schema.type.join(" | ");
  if (typeof schema.type === "string") return schema.format ? `${schema.type} (${String(schema.format)})` : schema.type;
  return "any";
}

function anchor(text: string): string {
  return `tag-${text.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
