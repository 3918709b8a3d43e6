import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import { describeAccess, type RouteAccess, rolesFor } from "./describe-access.ts";

/** What a route file says about one operation; the error responses and the access text are derived from it. */
export type RouteSpec = Omit<RouteConfig, "tags" | "security" | "summary"> & {
  tag: string;
  summary: string;
  access: RouteAccess;
  /** Error statuses beyond those implied by the access rule, the request's parts and the /v1 middleware. */
  errors?: number[];
};

/**
 * A route for `app.openapi`: its tag, security, `x-roles` and access sentence, and a reference to the shared error
 * response for every status it can fail with. The success responses stay the ones given, so handlers are typed by them.
 */
export function defineRoute<const R extends RouteSpec>(spec: R) {
  const { tag, access, errors = [], ...route } = spec;
  const authenticated = access !== "public" && access !== "crm-signature";
  const statuses = new Set(errors);
  // A signed webhook fails like any /v1 request but for the bearer check: its signature answers 401 instead.
  if (access === "crm-signature") for (const status of [401, 500, 504]) statuses.add(status);
  // Every /v1 request passes the bearer check and the request deadline.
  if (authenticated) for (const status of [401, 500, 504]) statuses.add(status);
  if (typeof access === "object") statuses.add(403);
  if (typeof access === "object" && "deal" in access) statuses.add(404);
  if (route.request?.query) statuses.add(400);
  if (route.request?.body) for (const status of [400, 413, 415]) statuses.add(status);
  const errorResponses = Object.fromEntries(
    [...statuses].sort((a, b) => a - b).map((status) => [status, { $ref: `#/components/responses/Error${status}` }]),
  );
  // Every answer, success or error, carries the request id.
  const successResponses = Object.fromEntries(
    Object.entries(route.responses).map(([status, response]) => [
      status,
      "$ref" in response
        ? response
        : { ...response, headers: { ...response.headers, "X-Request-Id": { $ref: "#/components/headers/RequestId" } } },
    ]),
  );
  return createRoute({
    ...route,
    operationId: operationIdFor(route.method, route.path),
    tags: [tag],
    description: [route.description, describeAccess(access)].filter(Boolean).join("\n\n"),
    security: authenticated ? [{ bearer: [] }] : [],
    "x-roles": rolesFor(access),
    responses: { ...successResponses, ...errorResponses } as R["responses"],
  });
}

/** getDealsByDealIdSources for GET /v1/deals/{dealId}/sources. */
function operationIdFor(method: string, path: string): string {
  const words = path
    .split("/")
    .filter((part) => part !== "" && part !== "v1")
    .map((part) =>
      part.startsWith("{")
        ? `By${capitalize(part.slice(1, -1))}`
        : capitalize(part.replace(/[^a-z0-9]+(.)?/gi, (_, c: string | undefined) => (c ?? "").toUpperCase())),
    );
  return `${method}${words.join("")}`;
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
