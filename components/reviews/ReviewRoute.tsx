/**
 * What the three review routes share: `latest` redirected to the period the store's data
 * reaches, an unreadable period answered with a page saying what a period looks like,
 * and the shell around the review island (title, period navigation, print header).
 */
import { engineUrls } from "../../components/vendor.ts";
import type { Handlers, PageProps } from "../../framework/mod.ts";
import { mayReadPacks, mayWritePacks } from "../../lib/access/policy.ts";
import { principalOf } from "../../lib/access/principal.ts";
import { dataDir } from "../../lib/config.ts";
import { langFromUrl, langHref, t } from "../../lib/i18n.ts";
import { UTC_OFFSET_HOURS } from "../../lib/time.ts";
import { latestPeriod, parsePeriod, type Period, type PeriodKind, shiftPeriod } from "../../lib/reviews/period.ts";
import { reviewTitle } from "../../lib/reviews/present.ts";
import { storeAsOf } from "../../lib/reviews/store_as_of.ts";
import ReviewPage from "../../islands/ReviewPage.tsx";

const EXAMPLES: Record<PeriodKind, string> = { month: "2026-11", quarter: "2026-Q3", year: "2025" };

/** The route's parameter name in each kind's file (`month/[month].tsx` …). */
export function reviewHandler(kind: PeriodKind): Handlers<Period | null> {
  return {
    async GET(req, ctx) {
      const text = ctx.params[kind];
      if (text === "latest") {
        const asOf = await storeAsOf(dataDir());
        const url = new URL(req.url);
        if (asOf === null) return ctx.render(null, { status: 503 });
        url.pathname = `/reviews/${kind}/${latestPeriod(kind, asOf, UTC_OFFSET_HOURS).key}`;
        // Built by hand: Response.redirect's headers are immutable, and the server adds its own.
        return new Response(null, { status: 302, headers: { location: url.pathname + url.search } });
      }
      const period = parsePeriod(kind, text);
      return ctx.render(period, { status: period ? 200 : 404 });
    },
  };
}

/** A place in the URL, as the map writes it (`street:S01`) or bare. */
function placeParam(url: URL): string | null {
  const place = url.searchParams.get("place");
  return place ? place.slice(place.indexOf(":") + 1) : null;
}

export function ReviewShell({ kind, url, params, data, state }: PageProps<Period | null> & { kind: PeriodKind }) {
  const lang = langFromUrl(url);
  if (!data) {
    return (
      <div class="review">
        <p class="status status-error" role="alert">{t(lang, "reviews.bad_period", { period: params[kind] })}</p>
        <p class="status">{t(lang, "reviews.bad_period_hint", { example: EXAMPLES[kind] })}</p>
      </div>
    );
  }
  const link = (p: Period) => periodHref(p, url);
  return (
    <div class="review" data-kind={kind} data-period={data.key}>
      <nav class="review-nav no-print">
        <a href={langHref("/reviews", lang)}>{t(lang, "nav.reviews")}</a>
        <a href={link(shiftPeriod(data, -1))} rel="prev">← {t(lang, "reviews.previous")}</a>
        <a href={link(shiftPeriod(data, 1))} rel="next">{t(lang, "reviews.next")} →</a>
      </nav>
      <h1 class="review-title">{reviewTitle(data, lang)}</h1>
      <ReviewPage
        lang={lang}
        engine={engineUrls()}
        kind={kind}
        period={data.key}
        pack={url.searchParams.get("pack")}
        place={placeParam(url)}
        packs={{ read: mayReadPacks(principalOf(state)), write: mayWritePacks(principalOf(state)) }}
      />
    </div>
  );
}

/** The same review for another period, keeping the language and the place. */
function periodHref(p: Period, url: URL): string {
  const next = new URL(url);
  next.pathname = `/reviews/${p.kind}/${p.key}`;
  next.searchParams.delete("pack");
  return next.pathname + next.search;
}
