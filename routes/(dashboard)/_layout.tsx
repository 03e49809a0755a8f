import { AppHeader } from "../../components/AppHeader.tsx";
import type { PageProps } from "../../framework/mod.ts";
import { principalOf } from "../../lib/access/principal.ts";
import { usesDemoData } from "../../lib/config.ts";
import { langFromUrl } from "../../lib/i18n.ts";

export default function DashboardLayout({ url, state, Component }: PageProps) {
  return (
    <div class="app">
      <AppHeader url={url} lang={langFromUrl(url)} demo={usesDemoData()} principal={principalOf(state)} />
      <main class="app-main">
        <Component />
      </main>
    </div>
  );
}
