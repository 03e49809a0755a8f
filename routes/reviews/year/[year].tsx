import type { PageProps } from "../../../framework/mod.ts";
import type { Period } from "../../../lib/reviews/period.ts";
import { reviewHandler, ReviewShell } from "../../../components/reviews/ReviewRoute.tsx";

export const handler = reviewHandler("year");

export default function YearReview(props: PageProps<Period | null>) {
  return <ReviewShell kind="year" {...props} />;
}
