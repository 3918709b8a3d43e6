import { describe, expect, it } from "vitest";
import { compareMeaning } from "./compare-meaning.ts";

describe("compareMeaning", () => {
  it.each([
    ["we will not refund", "we will refund", /^negation differs: quote has "not"$/],
    ["we will refund", "we won't refund", /^negation differs: source has "won't"$/],
    ["we can never do that", "we can't do that", /^negation differs: quote has "never", source has "can't"$/],
    ["refund without a fee", "refund with a fee", /negation differs: quote has "without"/],
    ["it came in at $108K", "it came in at $180K", /^amount differs: quote has "\$108K", source has "\$180K"$/],
    ["about 1.2M users", "about 1.3M users", /amount differs: quote has "1.2M", source has "1.3M"/],
    ["$27 million in revenue", "$72 million in revenue", /amount differs/],
    ["we pay $50 a seat", "we pay 50 a seat", /amount differs: quote has "\$50"/],
    ["grew 14% last year", "grew 41% last year", /^percentage differs: quote has "14%", source has "41%"$/],
    ["grew 14 percent", "grew 14", /percentage differs/],
    ["32 reps", "23 reps", /^number differs: quote has "32", source has "23"$/],
    ["five reps", "six reps", /number differs: quote has "five", source has "six"/],
    ["call at 3:30", "call at 4:30", /time differs: quote has "3:30", source has "4:30"/],
    ["call at 3 pm", "call at 3 am", /time differs/],
    ["see you Tuesday", "see you Thursday", /^date differs: quote has "Tuesday", source has "Thursday"$/],
    ["live by March", "live by April", /date differs: quote has "March", source has "April"/],
    ["signed in 2023", "signed in 2024", /date differs: quote has "2023", source has "2024"/],
    ["send it today", "send it tomorrow", /date differs: quote has "today", source has "tomorrow"/],
    ["billed monthly", "billed annually", /date differs/],
    ["in two weeks", "in two days", /date differs: quote has "weeks", source has "days"/],
    ["close it in Q3", "close it in Q4", /date differs: quote has "Q3", source has "Q4"/],
    ["growth was -14% last year", "growth was 14% last year", /percentage differs: quote has "-14%", source has "14%"/],
    ["we will sign by Friday", "we might sign by Friday", /^modal differs: quote has "will", source has "might"$/],
    ["we'll send it", "we could send it", /modal differs: quote has "we'll", source has "could"/],
    ["at least 10 seats", "10 seats", /^qualifier differs: quote has "least"$/],
    ["only the admins", "all the admins", /qualifier differs: quote has "only", source has "all"/],
    ["we pay them", "they pay us", /^person order differs: quote has "we, them", source has "they, us"$/],
    ["you will get it", "they will get it", /person differs: quote has "you", source has "they"/],
    ["from 18 to 28 reps", "from 28 to 18 reps", /^number order differs: quote has "18, 28", source has "28, 18"$/],
    ["sign by the seventh", "sign by the sixth", /^number differs: quote has "seventh", source has "sixth"$/],
    ["due on the twenty-first", "due on the 22nd", /^number differs: quote has "twenty-first", source has "22nd"$/],
    ["a $15K pilot", "a 15,000 pilot", /amount differs: quote has "\$15K"/],
    ["I talked to Mark about it", "I talked to Mike about it", /^name differs: quote has "Mark", source has "Mike"$/],
    ["we moved to HubSpot last year", "we moved to the new CRM last year", /name differs: quote has "HubSpot", source has "CRM"/],
  ])("%j against %j", (quote, span, reason) => {
    expect(compareMeaning(quote, span)).toMatch(reason);
  });

  it.each([
    ["we will refund", "We will refund"],
    ["Fourteen percent of $27 million", "fourteen percent of $27 million"],
    ["$108K", "$108,000"],
    ["$2.5M", "$2,500,000"],
    ["sign by the seventh", "sign by the 7th"],
    ["by the thirty-first", "by the 31st"],
    ["the twenty first of May", "the 21st of May"],
    ["twenty-five reps", "25 reps"],
    ["the first wave", "the 1st wave"],
    ["14%", "14 percent"],
    ["ten reps", "10 reps"],
    ["Kevin said we may sign", "kevin said we may sign"],
    ["He said. Then we left", "he said. then we left"],
    ["I think we march on", "I think we march on"],
    ["we'll talk to Priya", "we'll talk to Priya soon"],
    ["a $50-60K range", "a $50-60K range"],
    ["I mean we will ship it", "we will ship it"],
    ["may I ask", "May I ask"],
    ["we can't do it", "we cannot do it"],
  ])("accepts %j against %j", (quote, span) => {
    expect(compareMeaning(quote, span)).toBeNull();
  });

  describe("with omissions allowed, as for an approximate match", () => {
    it.each([
      ["based on pipeline leak analysis", "based on our pipeline leak analysis"],
      ["I think have to address this", "I think you have to address this"],
      ["we will sign on Tuesday", "we will probably sign on Tuesday"],
      ["pay them", "we pay them"],
    ])("accepts %j against %j", (quote, span) => {
      expect(compareMeaning(quote, span)).not.toBeNull();
      expect(compareMeaning(quote, span, { omissions: true })).toBeNull();
    });

    it.each([
      ["we will sign", "we will not sign", /negation differs/],
      ["we sign on Tuesday", "we will sign on Tuesday", /modal differs/],
      ["we sign", "we sign on Tuesday", /date differs/],
      ["give you seats", "give you 40 seats", /number differs/],
      ["the seats", "only the seats", /qualifier differs: source has "only"/],
      ["we will maybe sign", "we will sign", /qualifier differs: quote has "maybe"/],
      ["based on their analysis", "based on our analysis", /person differs/],
      ["based on our analysis", "based on analysis", /person differs: quote has "our"/],
      ["they pay", "we pay them", /person differs/],
      ["I talked about it", "I talked to Mark about it", /name differs: source has "Mark"/],
    ])("still refuses %j against %j", (quote, span, reason) => {
      expect(compareMeaning(quote, span, { omissions: true })).toMatch(reason);
    });
  });
});
