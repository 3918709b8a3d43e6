import type { CorpusExpectation } from "../corpus-expectation.ts";

// Reply-chain cases come from github/email_reply_parser, zapier/email-reply-parser and
// mailgun/talon: `contains` holds the new text the original libraries expect to keep, and
// `excludes` the quote headers, quote markers and signatures they expect to strip. Earlier
// messages whose sender the quote names are kept as their own segments (quoted history is
// evidence), so the quoted words themselves may appear once, under that sender.
const TALON_HTML: CorpusExpectation = {
  format: "html",
  speakers: ["Alexander L"],
  contains: ["Hi. I am fine.", "Hello! How are you?"],
  excludes: ["wrote:", "> ", "Thanks,\nAlex", "Sasha", "From:", "Subject:"],
};
const TALON_REPLY: CorpusExpectation = { format: "eml", contains: ["Hello", "Hi"], excludes: ["> ", "wrote:", "From:"] };

export const EMAIL_EXPECTATIONS: Record<string, CorpusExpectation> = {
  // Outlook .msg is an OLE container, not MIME: detect-format rejects it asking for an .eml export.
  "email/outlook-msg/fake-email-attachment.msg": { rejects: true },
  "email/outlook-msg/fake-email-with-cc-and-bcc.msg": { rejects: true },
  "email/outlook-msg/fake-email.msg": { rejects: true },

  "email/flanker/attached-pdf.eml": { format: "eml", contains: ["Test - body content"] },
  "email/flanker/bilingual-simple.eml": {
    format: "eml",
    speakers: ["Hello"],
    participants: ["Hello", "Bob"],
    occurredAt: "2010-02-07T22:02:38.000Z",
    contains: ["This line is in English", "А эта линия по-русски."],
  },
  "email/flanker/disposition-notification.eml": { format: "eml", speakers: ["Joe Recipient"], contains: ["has been displayed"] },
  // A forward attached as message/rfc822: its sender becomes a speaker of its own.
  "email/flanker/enclosed-bad-encoding.eml": {
    format: "eml",
    speakers: ["Bob Marley", "Kirk Douglas"],
    contains: ["Hello", "dudes... you're kicking ass."],
  },
  "email/flanker/enclosed.eml": {
    format: "eml",
    speakers: ["Bob Marley", "Kirk Douglas"],
    contains: ["чтобы я без вас делал, дорогие мои!!!"],
  },
  "email/flanker/encoded-header.eml": { format: "eml", speakers: ["Foo, Bar"], contains: ["hello, world"] },
  // Raw 8-bit (latin1) display name; "Marc Slemko wrote:" introduces the quote.
  "email/flanker/from-encoding.eml": {
    format: "eml",
    speakers: ["Ingo Lütkebohle", "Marc Slemko"],
    contains: ["What about switching to an EUID of nobody"],
    excludes: ["Marc Slemko wrote:", "\n> "],
  },
  // The only part is an application/octet-stream attachment: no body text.
  "email/flanker/outlook-express.eml": { rejects: true },
  "email/flanker/quoted-printable.eml": {
    format: "eml",
    speakers: ["Bob"],
    contains: ["Please note that this email contains extremely long links:", "mailgun.com/signup"],
  },
  // Only an image attachment: no body text.
  "email/mailparser/base64encodedroot.eml": { rejects: true },
  "email/mailparser/decoderended.eml": { format: "eml", contains: ["Note: forwarded message attached."] },
  "email/mailparser/delivery-status.eml": { format: "eml", contains: ["An error occurred while trying to deliver the mail"] },
  "email/mailparser/mixed.eml": { format: "eml", contains: ["Good Morning;"] },
  "email/mailparser/nested.eml": { format: "eml", contains: ["Dear Sir,", "The footer"] },
  "email/mailparser/nodemailer.eml": {
    format: "eml",
    speakers: ["Andris Kreata"],
    contains: ["Hello to myself!"],
    excludes: ["<p>", "<img"],
  },
  "email/mailparser/spam.eml": {
    format: "eml",
    speakers: ["Matilda Klein"],
    contains: ["Im Jahre 2007 wurde er als „asozialer Penner“ beschimpft!"],
  },

  "email/mbox/mbox_complex.mbox": {
    format: "mbox",
    minSegments: 2,
    speakers: ["Eugenia Loli-Queru", "Danilo Šegan"],
    occurredAt: "2004-09-22T09:03:40.000Z",
    contains: ["I am not handling Ubuntu packaging stuff"],
  },
  "email/mbox/mbox_iso8859_encoding.mbox": {
    format: "mbox",
    speakers: ["lucíacharlie@wellsfargo.com"],
    contains: ["In response to the payment request we received from your client"],
  },
  "email/mbox/mbox_multipart.mbox": {
    format: "mbox",
    minSegments: 2,
    speakers: ["yves (yingmin) yang", "Nehren, Daniel"],
    contains: ["Vote summary: 4/0/0 with 0 not voting", "I am fairly new to eclipse."],
  },
  "email/mbox/mbox_single.mbox": {
    format: "mbox",
    speakers: ["goran@domain.com"],
    contains: ["A message in English, with a signature with a different encoding."],
  },

  "email/postal-mime/arf.eml": { format: "eml", contains: ["This is an email abuse report"] },
  "email/postal-mime/bounce.eml": { format: "eml", contains: ["your message could not", "Veel üks proov"] },
  "email/postal-mime/calendar-event.eml": { format: "eml", speakers: ["Andris Reinman"], contains: ["Join with Google Meet"] },
  "email/postal-mime/mimetorture.eml": {
    format: "eml",
    minSegments: 5,
    speakers: ["Ryan Finnie"],
    contains: ["Welcome to Ryan Finnie's MIME torture test.", "200 iterations of that would be"],
  },

  "email/reply-chains-bodies/correct_sig.txt": {
    format: "email-body",
    contains: ["this is an email with a correct -- signature."],
    excludes: ["rick"],
  },
  "email/reply-chains-bodies/email_1_1.txt": {
    format: "email-body",
    contains: ["What is the best way to clear a Riak bucket of all key, values after"],
    excludes: ["-Abhishek Kona", "riak-users mailing list", "listinfo"],
  },
  "email/reply-chains-bodies/email_1_2.txt": {
    format: "email-body",
    speakers: ["Abhishek Kona"],
    contains: ["Hi,", "You can list the keys for the bucket", "you’ll need to delete them all individually."],
    excludes: ["> ", "wrote:", "mailing list", "-Abhishek Kona"],
  },
  "email/reply-chains-bodies/email_1_3.txt": {
    format: "email-body",
    speakers: ["Abhishek Kona", "Russell Brown"],
    contains: ["Oh thanks.\n\nHaving the function would be great."],
    excludes: ["> ", ">>", "wrote:", "-Abhishek Kona", "mailing list"],
  },
  "email/reply-chains-bodies/email_1_4.txt": {
    format: "email-body",
    speakers: ["defunkt"],
    contains: ["Awesome! I haven't had another problem with it.", "Loader seems to be working well."],
    excludes: ["wrote:", "> "],
  },
  // No quote, no signature: a plain text note, left to the text parser.
  "email/reply-chains-bodies/email_1_5.txt": { contains: ["One: Here's what I've got.", "It goes on and on"] },
  "email/reply-chains-bodies/email_1_6.txt": {
    format: "email-body",
    speakers: ["Corey Donohoe"],
    contains: ["I get proper rendering as well.", "Was this caching related or fixed already?"],
    excludes: ["wrote:", "\n> ", "Reply to this email directly"],
  },
  "email/reply-chains-bodies/email_1_7.txt": {
    format: "email-body",
    speakers: ["Chris Wanstrath"],
    contains: [":+1:", "Steps 0-2 are in prod."],
    excludes: ["wrote:", "> ", "Reply to this email directly"],
  },
  "email/reply-chains-bodies/email_1_8.txt": {
    format: "email-body",
    speakers: ["Example Dev", "Tim Haines"],
    contains: ["I will reply under this one\n\nand under this.", "okay?"],
    excludes: ["wrote:", "> ", "Hey there, this is my signature", "-- Tim"],
  },
  "email/reply-chains-bodies/email_2_1.txt": {
    format: "email-body",
    speakers: ["Google Apps Sync Team"],
    contains: ["Outlook with a reply", "Dear Google Apps Sync user,"],
    excludes: ["*From:*", "*Sent:*", "Subject:", "------"],
  },
  "email/reply-chains-bodies/email_2_2.txt": {
    format: "email-body",
    speakers: ["CRM Comments"],
    contains: ["Outlook with a reply directly above line", "I am replying to a comment."],
    excludes: ["From: CRM Comments", "Sent: Friday", "____"],
  },
  "email/reply-chains-bodies/email_2_3.txt": {
    format: "email-body",
    speakers: ["CRM Comments"],
    contains: ["Outlook with a reply directly above line", "A new comment has been added"],
    excludes: ["From: CRM Comments", "> "],
  },
  "email/reply-chains-bodies/email_BlackBerry.txt": {
    format: "email-body",
    contains: ["Here is another email"],
    excludes: ["Sent from my BlackBerry"],
  },
  "email/reply-chains-bodies/email_bullets.txt": {
    format: "email-body",
    contains: [
      "test 2 this should list second\n\nand have spaces\n\nand retain this formatting\n\n   - how about bullets\n   - and another",
    ],
    excludes: ["wrote:", "> ", "Joe Smith", "Director, Product Management"],
  },
  "email/reply-chains-bodies/email_iPhone.txt": {
    format: "email-body",
    contains: ["Here is another email"],
    excludes: ["Sent from my iPhone"],
  },
  "email/reply-chains-bodies/email_multi_word_sent_from_my_mobile_device.txt": {
    format: "email-body",
    contains: ["Here is another email"],
    excludes: ["Sent from my Verizon Wireless BlackBerry"],
  },
  "email/reply-chains-bodies/email_one_is_not_on.txt": {
    format: "email-body",
    speakers: ["Dave Tapley"],
    contains: ["One outstanding question I had:", "Locally (on development), when I run..."],
    excludes: ["On Oct 1, 2012", "> "],
  },
  // "Sent from my desk, is much easier…" is a sentence, not a footer: nothing marks an email.
  "email/reply-chains-bodies/email_sent_from_my_not_signature.txt": {
    contains: ["Here is another email", "Sent from my desk, is much easier then my mobile phone."],
  },
  "email/reply-chains-bodies/email_sig_delimiter_in_middle_of_line.txt": {
    contains: ["And here is a fix -- this is not a signature.", "kthxbai"],
  },
  "email/reply-chains-bodies/greedy_on.txt": {
    format: "email-body",
    speakers: ["George Plymale"],
    contains: ["On your remote host you can run:", "fails, the tunnel is not working."],
    excludes: ["On 9 Jan 2014, at 2:47, George Plymale wrote:", "> "],
  },
  "email/reply-chains-bodies/pathological.txt": {
    format: "email-body",
    speakers: ["John Sullivan"],
    contains: ["I think you're onto something. I will try to fix the problem as soon as I"],
    excludes: ["wrote:", "\n> "],
  },
  "email/reply-chains-bodies-zapier/email_2_3.txt": {
    format: "email-body",
    speakers: ["Kim via Site"],
    contains: ["Outlook with a reply above headers using unusual format", "New message from Kim on Site:"],
    excludes: ["*From:*", "*Subject:*"],
  },
  "email/reply-chains-bodies-zapier/email_gmail.txt": {
    format: "email-body",
    speakers: ["Steven Scott"],
    contains: ["This is a test for inbox replying to a github message.", "That way people can tell how outdated"],
    excludes: ["wrote:", "You are receiving this because", "Reply to this email directly"],
  },
  "email/reply-chains-bodies-zapier/email_headers_no_delimiter.txt": {
    format: "email-body",
    speakers: ["Dan Watson", "Watson, Dan"],
    contains: ["And another reply!", "A reply", "This is a message.\nWith a second line."],
    excludes: ["From: Dan Watson", "Sent from my iPhone", "wrote:"],
  },
  "email/reply-chains-bodies-zapier/email_partial_quote_header.txt": {
    format: "email-body",
    speakers: ["George Plymale"],
    contains: ["On your remote host you can run:"],
    excludes: ["George Plymale wrote:", "> "],
  },

  "email/talon-client-replies/android.eml": {
    ...TALON_REPLY,
    speakers: ["Sergey Obykhov", "bob@xxx.mailgun.org"],
    excludes: ["> ", "написал"],
  },
  "email/talon-client-replies/aol.eml": {
    ...TALON_REPLY,
    speakers: ["Megan Odin", "bob"],
    excludes: ["Original Message", "From: bob", "> "],
  },
  "email/talon-client-replies/apple_mail.eml": { ...TALON_REPLY, speakers: ["xxx", "bob"] },
  "email/talon-client-replies/apple_mail_2.eml": { ...TALON_REPLY, contains: ["Hello", "Hi there!"] },
  "email/talon-client-replies/comcast.eml": {
    ...TALON_REPLY,
    speakers: ["xxx@comcast.net", "bob@xxx.mailgun.org"],
    excludes: ["Original Message", "From: bob"],
  },
  "email/talon-client-replies/hotmail.eml": {
    ...TALON_REPLY,
    speakers: ["Alexey Q", "bob@xxx.mailgun.org"],
    excludes: ["> ", "Subject: Test"],
  },
  "email/talon-client-replies/iphone.eml": { ...TALON_REPLY, speakers: ["xxx", "bob"], excludes: ["> ", "wrote:", "Sent from my iPhone"] },
  "email/talon-client-replies/sparrow.eml": { ...TALON_REPLY, speakers: ["xxx", "bob"], excludes: ["> ", "wrote:", "Sent with Sparrow"] },
  // format=flowed: the quoted "> Hi " must not swallow the reply written under it.
  "email/talon-client-replies/thunderbird.eml": { ...TALON_REPLY, speakers: ["bob", "Megan One"], excludes: ["Hi Hello", "wrote:"] },

  "email/talon-html-replies/gmail.html": TALON_HTML,
  "email/talon-html-replies/hotmail.html": { ...TALON_HTML, speakers: ["abc@example.com"] },
  "email/talon-html-replies/mail_ru.html": TALON_HTML,
  "email/talon-html-replies/ms_outlook_2003.html": TALON_HTML,
  "email/talon-html-replies/ms_outlook_2007.html": TALON_HTML,
  "email/talon-html-replies/ms_outlook_2010.html": { ...TALON_HTML, speakers: ["Foo"] },
  "email/talon-html-replies/thunderbird.html": TALON_HTML,
  "email/talon-html-replies/windows_mail.html": { ...TALON_HTML, excludes: [...(TALON_HTML.excludes ?? []), "От:", "Кому:"] },
  "email/talon-html-replies/yandex_ru.html": TALON_HTML,

  "email/unstructured-eml/email-equals-attachment-filename.eml": {
    format: "eml",
    speakers: ["Test User"],
    contains: ["Below is an example of an odd filename"],
  },
  // Starts with an mbox "From " line: read as a one-message mbox. windows-1255 Hebrew.
  "email/unstructured-eml/email-no-utf8-2008-07-16.062410.eml": {
    format: "mbox",
    speakers: ["Tamir Erez"],
    contains: ["סלבה היקר,"],
    excludes: ["\ufffd"],
  },
  "email/unstructured-eml/email-replace-mime-encodings-error-1.eml": {
    format: "eml",
    speakers: ["Zoom"],
    contains: ["Someone has joined your meeting:"],
  },
  "email/unstructured-eml/email-replace-mime-encodings-error-3.eml": {
    format: "eml",
    contains: ["Learn how the cloud is accelerating innovation"],
  },
  // 13 bytes of whitespace.
  "email/unstructured-eml/empty.eml": { rejects: true },
  "email/unstructured-eml/fake-email-attachment.eml": {
    format: "eml",
    speakers: ["Mallori Harrell"],
    contains: ["Here's the attachments!"],
  },
  "email/unstructured-eml/fake-email-malformed-encoding.eml": {
    format: "eml",
    speakers: ["Matthew Robinson"],
    contains: ["This is a test email to use for unit tests."],
  },
  "email/unstructured-eml/fake-email-utf-16-le.eml": {
    format: "eml",
    speakers: ["Matthew Robinson"],
    occurredAt: "2022-12-16T22:04:16.000Z",
    contains: ["Important points:", "Roses are red"],
  },
  // S/MIME enveloped data: unreadable without the key.
  "email/unstructured-eml/fake-encrypted.eml": { rejects: true },
  // The two alternatives say different things: text/plain wins.
  "email/unstructured-eml/mime-different-plain-html.eml": {
    format: "eml",
    contains: ["This is the text/plain part."],
    excludes: ["This is the text/html part."],
  },
  "email/unstructured-eml/mime-html-only.eml": { format: "eml", contains: ["This is a text/html part."], excludes: ["<p>", "<html"] },
  "email/unstructured-eml/mime-multi-to-cc-bcc.eml": {
    format: "eml",
    participants: ["Bob", "Sue", "Tom", "Alice"],
    contains: ["This is a plain-text message."],
  },
  "email/unstructured-eml/mime-multipart-digest.eml": {
    format: "eml",
    minSegments: 3,
    contains: ["This is the first message in the digest.", "This is the third message in the digest."],
  },
  // Headers and an attachment, no body text.
  "email/unstructured-eml/mime-no-body.eml": { rejects: true },
  "email/unstructured-eml/mime-word-encoded-subject.eml": {
    format: "eml",
    contains: ["This is a simple email message with Unicode characters in the subject."],
  },
  // Unparseable Date header: occurredAt is omitted, the email still parses.
  "email/unstructured-eml/test-invalid-date.eml": { format: "eml", contains: ["This is a test-email with an invalid date format."] },

  "bad/email-encoding/fake-email-utf-16-be.eml": { format: "eml", speakers: ["Matthew Robinson"], contains: ["Violets are blue"] },
  "bad/email-flanker/enclosed-broken-body.eml": { format: "eml", speakers: ["Bob Marley"], contains: ["Hello"] },
  // Declared multipart without any boundary line: nothing to read.
  "bad/email-flanker/false-multipart.eml": { rejects: true },
  "bad/email-flanker/long-header.eml": { format: "eml", contains: ["test"] },
  // Boundary parameter and delimiter lines disagree: no readable part.
  "bad/email-flanker/mailformed-headers.eml": { rejects: true },
  "bad/email-flanker/missing-boundaries.eml": { format: "eml", contains: ["Hi This is a broken message"] },
  "bad/email-flanker/no-ctype.eml": { format: "eml", speakers: ["Bob Marley"], contains: ["I'm just testing message parsing"] },
  // 707 KB of ">" on one line: an email body, parsed in linear time.
  "bad/email_long_quote.txt": {
    format: "email-body",
    contains: ["What is the best way to clear a Riak bucket", "I am currently using the Java HTTP API."],
    excludes: ["-Abhishek Kona", "mailing list"],
  },
  // 1.1 MB single text part, saved with an mbox "From " line.
  "bad/large_text.eml": { format: "mbox", speakers: ["Brian Murray"], contains: ["Exception during installation:"] },
};
