import { describe, expect, it } from "vitest";
import { readEndpointErrorBody } from "./endpoint-error-body.ts";

describe("readEndpointErrorBody", () => {
  it("reads each server's error shape into OpenAI's", () => {
    const cases: [string, unknown][] = [
      [
        '{"error":{"message":"Unsupported parameter","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}',
        { message: "Unsupported parameter", type: "invalid_request_error", param: "max_tokens", code: "unsupported_parameter" },
      ],
      [
        '{"object":"error","message":"too long","type":"BadRequestError","param":null,"code":400}',
        { message: "too long", type: "BadRequestError", param: null, code: null },
      ],
      [
        '{"error":{"code":401,"message":"Invalid API Key","type":"authentication_error"}}',
        { message: "Invalid API Key", type: "authentication_error", param: null, code: null },
      ],
      [
        '{"error":"model \\"x\\" not found, try pulling it first"}',
        { message: 'model "x" not found, try pulling it first', type: null, param: null, code: null },
      ],
      ['{"detail":"Not Found"}', { message: "Not Found", type: null, param: null, code: null }],
      ["404 page not found", { message: "404 page not found", type: null, param: null, code: null }],
      ["<html><body><h1>502 Bad Gateway</h1></body></html>", { message: "502 Bad Gateway", type: null, param: null, code: null }],
      ["", { message: "", type: null, param: null, code: null }],
    ];
    for (const [body, expected] of cases) expect(readEndpointErrorBody(body), body).toEqual(expected);
  });
});
