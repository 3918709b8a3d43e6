import { describe, expect, it } from "vitest";
import { systemFamilyOf } from "./system-family.ts";

describe("systemFamilyOf", () => {
  it("files sign-on and provisioning under one family, and Salesforce under one whatever cloud is named", () => {
    expect(["SSO", "Okta", "SCIM provisioning", "Single sign-on (Okta)", "Azure AD SAML"].map(systemFamilyOf)).toEqual(
      Array(5).fill("sso"),
    );
    expect(["Salesforce", "Sales Cloud", "Salesforce Sales Cloud"].map(systemFamilyOf)).toEqual(Array(3).fill("salesforce"));
  });

  it("reads a product with a trait after its name as the product, and keeps other names as they are", () => {
    expect(["TrackDesk 6", "TrackDesk database", "trackdesk"].map(systemFamilyOf)).toEqual(Array(3).fill("trackdesk"));
    expect(systemFamilyOf("Haulwise TMS")).toBe("haulwise");
    expect(systemFamilyOf("Corvala relay agent")).toBe("corvala relay agent");
    // A bare category is its own name, not an empty one.
    expect(systemFamilyOf("TMS")).toBe("tms");
  });
});
