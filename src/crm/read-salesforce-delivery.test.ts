import { describe, expect, it } from "vitest";
import { readSalesforceDelivery } from "./read-salesforce-delivery.ts";

const envelope = (notifications: string) => `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>00D1</OrganizationId>
   ${notifications}
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>`;

const notification = (id: string, fields: string) =>
  `<Notification><Id>${id}</Id><sObject xsi:type="sf:Opportunity" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">${fields}</sObject></Notification>`;

describe("readSalesforceDelivery", () => {
  it("reads every notification in order: closed-won opportunities as deals, the others as ignored", () => {
    const delivery = readSalesforceDelivery(
      envelope(
        notification(
          "04l1",
          "<sf:Id>0061</sf:Id><sf:Name>Acme &amp; Sons</sf:Name><sf:IsWon>true</sf:IsWon><sf:CloseDate>2026-11-30</sf:CloseDate>" +
            '<sf:Amount xsi:nil="true"/><sf:AE_Email__c>Dana@Example.test</sf:AE_Email__c>',
        ) + notification("04l2", "<sf:Id>0062</sf:Id><sf:Name>Open Co</sf:Name><sf:StageName>Negotiation</sf:StageName>"),
      ),
    );
    expect(delivery).toEqual({
      crm: "salesforce",
      events: [
        {
          crm: "salesforce",
          eventId: "04l1",
          crmDealId: "0061",
          account: "Acme & Sons",
          closeDate: "2026-11-30",
          aeEmail: "dana@example.test",
        },
        { eventId: "04l2", ignored: "the opportunity is not closed-won" },
      ],
    });
  });

  it("says which part is missing from a message that is not an outbound message", () => {
    expect(() => readSalesforceDelivery("<a><b/></a>")).toThrow(/expected a SOAP Envelope with notifications\/Notification/);
    expect(() => readSalesforceDelivery(envelope(notification("04l3", "<sf:IsWon>true</sf:IsWon>")))).toThrow(/event 04l3: crmDealId/);
  });
});
