// Tells the applicant, on the proposal's own pages, why it was returned or found ineligible (the email says it too).
import { useTranslation } from "react-i18next";
import { Instant } from "~/ui/bits";

export interface ScreeningNoticeData {
  decision: string;
  comment: string;
  decidedAt: string;
}

export function ScreeningNotice({
  notice,
  status,
}: {
  notice: ScreeningNoticeData | null | undefined;
  status: string;
}) {
  const { t } = useTranslation("proposals");
  // Only the decision that put the proposal in its current state is news; an old return comment is history.
  if (!notice || notice.decision !== status) return null;
  return (
    <div className={`alert ${notice.decision === "ineligible" ? "alert--error" : "alert--info"}`} role="status">
      <p>{t(notice.decision === "ineligible" ? "screeningNotice.ineligible" : "screeningNotice.returned")}</p>
      <blockquote className="screening-notice__comment">{notice.comment}</blockquote>
      <p className="muted">
        <Instant iso={notice.decidedAt} />
      </p>
    </div>
  );
}
