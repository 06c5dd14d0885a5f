// The way from a program's manage page to its proposals. The counts are optional: the program page passes them
// when its loader reads them (summarizeProgramProposals in screening.server.ts), and the link works without them.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function ProgramProposalsLink({
  programId,
  counts,
}: {
  programId: number;
  counts?: { received: number; awaitingScreening: number };
}) {
  const { t } = useTranslation("proposals");
  return (
    <section className="card program-proposals-link" aria-labelledby="program-proposals-heading">
      <h2 id="program-proposals-heading" className="card__title">
        {t("manage.link.title")}
      </h2>
      {counts ? <p>{t("manage.link.body", { n: counts.received, waiting: counts.awaitingScreening })}</p> : null}
      <Link to={`/manage/programs/${programId}/proposals`} className="button button--primary">
        {t("manage.link.open")}
      </Link>
    </section>
  );
}
