/** The supervision cadence: the latest and earlier monthly rounds, quarterly reviews and annual summaries. */
import type { Handlers, PageProps } from "../../framework/mod.ts";
import { dataDir } from "../../lib/config.ts";
import { langFromUrl, langHref, type MessageKey, t } from "../../lib/i18n.ts";
import { UTC_OFFSET_HOURS } from "../../lib/time.ts";
import { latestPeriod, type PeriodKind, shiftPeriod } from "../../lib/reviews/period.ts";
import { periodLabel } from "../../lib/reviews/present.ts";
import { storeAsOf } from "../../lib/reviews/store_as_of.ts";

const KINDS: { kind: PeriodKind; earlier: number }[] = [
  { kind: "month", earlier: 5 },
  { kind: "quarter", earlier: 4 },
  { kind: "year", earlier: 2 },
];

export const handler: Handlers<number | null> = {
  async GET(_req, ctx) {
    return ctx.render(await storeAsOf(dataDir()));
  },
};

export default function ReviewsIndex({ url, data: asOf }: PageProps<number | null>) {
  const lang = langFromUrl(url);
  if (asOf === null) return <p class="status" role="status">{t(lang, "state.empty")}</p>;
  return (
    <div class="review review-index">
      <h1 class="review-title">{t(lang, "reviews.index.title")}</h1>
      <div class="review-cards">
        {KINDS.map(({ kind, earlier }) => {
          const latest = latestPeriod(kind, asOf, UTC_OFFSET_HOURS);
          const href = (key: string) => langHref(`/reviews/${kind}/${key}`, lang);
          return (
            <section class="panel" data-kind={kind}>
              <h2>{t(lang, `reviews.index.${kind}` as MessageKey)}</h2>
              <p class="review-note">{t(lang, `reviews.index.${kind}_hint` as MessageKey)}</p>
              <p>
                <a class="review-latest" href={href(latest.key)}>
                  {t(lang, "reviews.index.latest")}：{periodLabel(latest, lang)}
                </a>
              </p>
              <p class="review-note">{t(lang, "reviews.index.recent")}</p>
              <ul>
                {Array.from({ length: earlier }, (_, i) => shiftPeriod(latest, -(i + 1))).map((p) => (
                  <li>
                    <a href={href(p.key)}>{periodLabel(p, lang)}</a>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
