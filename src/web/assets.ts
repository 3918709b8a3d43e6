import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";

type Asset = { body: string; contentType: string; url: string };

const ASSET_DIR = join(import.meta.dirname, "assets");
const CONTENT_TYPES: Record<string, string> = { css: "text/css; charset=utf-8", js: "text/javascript; charset=utf-8" };

// Read once at start-up; the URL carries a hash of the content, so browsers may keep a file for a year and a
// changed file gets a new URL.
const ASSETS = new Map<string, Asset>(
  ["app.css", "app.js"].map((name) => {
    const body = readFileSync(join(ASSET_DIR, name), "utf8");
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    const [base, extension] = name.split(".") as [string, string];
    const versioned = `${base}.${hash}.${extension}`;
    return [name, { body, contentType: CONTENT_TYPES[extension]!, url: `/assets/${versioned}` }];
  }),
);
const BY_URL = new Map([...ASSETS.values()].map((asset) => [asset.url, asset]));

/** The versioned URL of a stylesheet or script of the pages. */
export function assetUrl(name: "app.css" | "app.js"): string {
  return ASSETS.get(name)!.url;
}

/** GET /assets/<name>.<hash>.<ext>: public, immutable; any other name (an old hash included) is a 404. */
export function createAssetRoutes() {
  const routes = new Hono();
  routes.get("/:file", (c) => {
    const asset = BY_URL.get(`/assets/${c.req.param("file")}`);
    if (asset === undefined) return c.text("not found", 404);
    return c.body(asset.body, 200, { "content-type": asset.contentType, "cache-control": "public, max-age=31536000, immutable" });
  });
  return routes;
}
