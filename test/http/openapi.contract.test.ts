import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ApiDocument as OpenApiDocument } from "../../src/http/openapi/build-api-document.ts";
import { checkRequestBody, checkResponse, documentedMediaTypes } from "../support/check-openapi-exchange.ts";
import { type ContractWorld, createContractWorld, defaultPathParameters } from "../support/openapi-contract-world.ts";
import { CONTRACT_CASES, type ContractCase } from "./openapi-contract-cases.ts";

// Each case sends one real request and holds the real answer to what /openapi.json says of it: the status is
// listed, the content type is one the status documents, and the body fits the schema (unknown fields included).

let world: ContractWorld;
beforeEach(async () => {
  world = await createContractWorld();
});
afterEach(() => world.t.close());

async function send(c: ContractCase): Promise<Response> {
  const [method, template] = c.operation.split(" ") as [string, string];
  const parameters = { ...defaultPathParameters(world), ...c.params?.(world) };
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parameters[name] ?? `missing-${name}`));
  const caller = c.as ?? "ae";
  const body = c.body?.(world);
  const headers = typeof c.headers === "function" ? c.headers(body) : c.headers;
  return world.t.request(method.toUpperCase(), c.query ? `${path}?${c.query}` : path, {
    ...(caller === "none" ? {} : { token: world.users[caller].token }),
    ...(c.json ? { json: c.json(world) } : {}),
    ...(body !== undefined ? { body } : {}),
    ...(headers ? { headers } : {}),
  });
}

function expectedMediaType(spec: OpenApiDocument, c: ContractCase): string | undefined {
  return c.media ?? documentedMediaTypes(spec, c.operation, c.status)[0];
}

const label = (c: ContractCase) =>
  [c.operation, "→", c.status, c.media, c.query && `?${c.query}`, c.as && `as ${c.as}`].filter(Boolean).join(" ");

describe("OpenAPI contract: real responses match /openapi.json", () => {
  it.each(CONTRACT_CASES.map((c) => [label(c), c] as const))("%s", async (_, c) => {
    const spec = (await (await world.t.request("GET", "/openapi.json")).json()) as OpenApiDocument;
    const response = await send(c);
    expect(response.status, await response.clone().text()).toBe(c.status);
    const mediaType = expectedMediaType(spec, c);
    if (mediaType !== undefined) expect(response.headers.get("content-type")?.split(";")[0]).toBe(mediaType);
    expect(await checkResponse(spec, c.operation, response)).toEqual([]);
    // A request the route accepts must fit the documented request schema too.
    if (c.json && c.status < 300) expect(checkRequestBody(spec, c.operation, c.json(world))).toEqual([]);
  });

  it("has a case for every operation and every success status and media type it documents", async () => {
    const spec = (await (await world.t.request("GET", "/openapi.json")).json()) as OpenApiDocument;
    const key = (operation: string, status: number, media: string | undefined) => `${operation} ${status} ${media ?? "(no body)"}`;
    const documented = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) =>
        Object.keys(operation.responses as object)
          .filter((status) => status.startsWith("2"))
          .flatMap((status) => {
            const types = documentedMediaTypes(spec, `${method} ${path}`, Number(status));
            return (types.length > 0 ? types : [undefined]).map((type) => key(`${method} ${path}`, Number(status), type));
          }),
      ),
    );
    const covered = new Set(CONTRACT_CASES.map((c) => key(c.operation, c.status, expectedMediaType(spec, c))));
    expect(documented.filter((entry) => !covered.has(entry))).toEqual([]);
  });
});
