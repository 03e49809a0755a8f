import { mapWorkerUrl } from "../components/vendor.ts";
import type { PageProps } from "../framework/mod.ts";
import { usesDemoData } from "../lib/config.ts";
import { langFromUrl } from "../lib/i18n.ts";
import { wallConfigFromUrl } from "../lib/wall/config.ts";
import WallDisplay from "../islands/WallDisplay.tsx";

/** The wall takes its playlist and clocks from the address the screen opens (see docs/wall.md). */
export default function WallPage({ url }: PageProps) {
  return (
    <div class="wall">
      <WallDisplay
        lang={langFromUrl(url)}
        mapWorker={mapWorkerUrl()}
        config={wallConfigFromUrl(url.searchParams)}
        demo={usesDemoData()}
      />
    </div>
  );
}
