import { engineUrls } from "../../components/vendor.ts";
import type { PageProps } from "../../framework/mod.ts";
import { langFromUrl } from "../../lib/i18n.ts";
import AlertDigest from "../../islands/AlertDigest.tsx";

export default function AlertsPage({ url }: PageProps) {
  return <AlertDigest lang={langFromUrl(url)} engine={engineUrls()} />;
}
