// The "apply" call to action on the public program page, filled in by the proposals feature: while the window is
// open, a link to start a proposal (signing in first happens on the way); otherwise when it opens, or that it closed.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Instant } from "~/ui/bits";
import type { ApplicationPhase } from "./program-lifecycle";

export interface ApplySlotProgram {
  id: number;
  status: string;
  opensAt: string;
  closesAt: string;
  phase: ApplicationPhase | null;
}

export function ApplySlot({ program }: { program: ApplySlotProgram }) {
  const { t } = useTranslation("proposals");
  switch (program.phase) {
    case "accepting":
      return (
        <div className="apply-slot">
          <Link to={`/programs/${program.id}/apply`} className="button button--primary">
            {t("apply.cta")}
          </Link>
          <span className="muted">
            {t("edit.deadlineLabel")}
            <Instant iso={program.closesAt} />
          </span>
        </div>
      );
    case "upcoming":
      return (
        <p className="apply-slot muted">
          {t("apply.ctaNotOpen")} · <Instant iso={program.opensAt} />
        </p>
      );
    case "closed":
      return <p className="apply-slot muted">{t("apply.ctaClosed")}</p>;
    default:
      return null;
  }
}
