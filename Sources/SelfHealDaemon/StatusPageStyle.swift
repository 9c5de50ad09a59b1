/// The status page's one style sheet, inline. The Content-Security-Policy allows exactly this text
/// by its SHA-256 (`styleHash`); `StatusPageTests` recomputes the hash, so an edit to the CSS that
/// forgets the hash fails there instead of leaving the page unstyled in browsers.
enum StatusPageStyle {
    static let css = #":root{color-scheme:light dark;--fg:#1b1f23;--bg:#fff;--muted:#5c6670;--line:#d8dde2;--good:#1a7f37;--bad:#c62828;--busy:#b26a00;--cool:#fff4e0}@media (prefers-color-scheme:dark){:root{--fg:#e6e8ea;--bg:#15181b;--muted:#9aa4ad;--line:#353b41;--cool:#3a2e12}}*{box-sizing:border-box}body{margin:0 auto;max-width:60rem;padding:.75rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}h1{font-size:1.3rem;margin:.2rem 0}h2{font-size:1.05rem;margin:1.2rem 0 .4rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}p{margin:.3rem 0}.health{display:inline-block;padding:.1rem .6rem;border-radius:1rem;color:#fff;font-weight:600}.good{background:var(--good)}.bad{background:var(--bad)}.busy{background:var(--busy)}.facts,.quiet,footer{color:var(--muted);font-size:.85rem}.warn{color:var(--bad);font-weight:600}.scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .4rem;border-bottom:1px solid var(--line);vertical-align:top;overflow-wrap:break-word}th{color:var(--muted);font-weight:600}tr.cooling td{background:var(--cool)}ol.decisions{padding-left:1.2rem}ol.decisions>li{margin-bottom:.6rem}.decision{font-weight:600}ul.evidence{margin:.2rem 0;padding-left:1rem;font-size:.85rem;color:var(--muted)}footer{margin-top:1.5rem}a{color:inherit}"#

    /// base64(SHA-256(css)).
    static let styleHash = "6EZhJtEkNkwRCzLeREqks7V3FWGoQMi3JvfDTHWht2o="

    /// No script, no outside resource of any kind; only the inline style above.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'sha256-\(styleHash)'; img-src 'none'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
}
