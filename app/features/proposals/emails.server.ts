// The emails an applicant organisation receives about its proposal: the receipt of each (re)submission, in the
// submitter's language, and the screening decision, in each member's own. The pages that trigger them and the demo
// seed compose them here, so both write the same words.
import { formatFen, formatInstant } from "~/lib/format";
import { defaultLanguage, isLanguage, type Language } from "~/lib/i18n/config";
import { translatorFor } from "~/lib/i18n/i18n.server";
import type { ReceiptFacts } from "./proposals.server";
import type { ComposeScreeningEmail } from "./screening.server";

export function receiptEmail(language: Language) {
  const t = translatorFor(language);
  return (facts: ReceiptFacts) => ({
    subject: t("proposals:email.receiptSubject", { number: facts.number, title: facts.title }),
    text: t("proposals:email.receiptBody", {
      organization: facts.organizationName,
      title: facts.title,
      program: facts.programTitle,
      submittedAt: formatInstant(facts.submittedAt, language),
      number: facts.number,
      version: facts.version,
      grant: formatFen(facts.grantRequestedFen, language),
      total: formatFen(facts.totalBudgetFen, language),
    }),
  });
}

/** One email per member of the applicant organisation, each in the member's own language, linking to `origin`. */
export function screeningEmails(origin: string): ComposeScreeningEmail {
  return (facts, recipientLocale) => {
    const t = translatorFor(isLanguage(recipientLocale) ? recipientLocale : defaultLanguage);
    const values = {
      number: facts.number,
      title: facts.title,
      organization: facts.organizationName,
      program: facts.programTitle,
      comment: facts.comment,
      note: facts.comment ? t("proposals:manage.email.note", { note: facts.comment }) : "",
      link: `${origin}/proposals/${facts.proposalId}`,
    };
    return {
      subject: t(`proposals:manage.email.subject.${facts.decision}`, values),
      text: t(`proposals:manage.email.body.${facts.decision}`, values),
    };
  };
}
