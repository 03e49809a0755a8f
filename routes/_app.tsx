import { asset, type PageProps } from "../framework/mod.ts";
import { langFromUrl, t } from "../lib/i18n.ts";

/** One sheet per area of the product, so each area's styles live beside each other. */
const STYLESHEETS = [
  "/styles.css",
  "/map.css",
  "/wall.css",
  "/reviews.css",
  "/access.css",
  "/data.css",
  "/quality.css",
  "/alerts.css",
];

export default function App({ url, Component }: PageProps) {
  const lang = langFromUrl(url);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${t(lang, "app.name")} · ${t(lang, "app.tagline")}`}</title>
        <link rel="icon" href={asset("/favicon.svg")} type="image/svg+xml" />
        <link rel="stylesheet" href={asset("/_vendor/maplibre-gl.css")} />
        {STYLESHEETS.map((href) => <link key={href} rel="stylesheet" href={asset(href)} />)}
      </head>
      <body>
        <Component />
      </body>
    </html>
  );
}
