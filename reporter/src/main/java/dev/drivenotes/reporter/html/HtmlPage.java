package dev.drivenotes.reporter.html;

/**
 * The frame of every report page: one self-contained HTML document with inline CSS, no script and
 * no external resource, readable offline.
 */
public final class HtmlPage {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1f2933;background:#fff}
            main{max-width:1180px;margin:0 auto;padding:1.5rem 2rem 3rem}
            h1{font-size:1.55rem;margin:.2rem 0}h2{font-size:1.2rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #e4e7eb;padding-bottom:.3rem}
            h3{font-size:1rem;margin:1.4rem 0 .4rem}
            .meta{color:#52606d;margin:.2rem 0 1rem}
            table{border-collapse:collapse;margin:.5rem 0;font-size:.86rem}
            th,td{border:1px solid #e4e7eb;padding:.28rem .55rem;text-align:left;vertical-align:top}
            th{background:#f5f7fa;font-weight:600}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            .ok{background:#ebfbee}.bad{background:#fff0f0}.warn{background:#fff9db}
            .truth{display:block;color:#7b8794;font-size:.78rem}
            .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem 2rem}
            .cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:.4rem 0}
            .card{border:1px solid #e4e7eb;border-radius:8px;padding:.45rem .8rem;min-width:8.5rem;background:#fbfcfd}
            .card b{display:block;font-size:1.25rem}.card span{color:#52606d;font-size:.78rem}
            .card.bad{border-color:#ffa8a8}.card.ok{border-color:#8ce99a}
            dl.ran{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}
            dl.ran dt{color:#52606d}dl.ran dd{margin:0}
            .empty{color:#7b8794;font-style:italic}
            .problem{color:#a61e4d}
            figure{margin:.6rem 0 1.2rem}figcaption{color:#52606d;font-size:.82rem;margin-top:.2rem}
            svg{width:100%;height:auto;display:block}
            svg.route-map{border:1px solid #e4e7eb;border-radius:6px;max-height:560px;background:#f8f9fa}
            .episode{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 1.5rem;align-items:start}
            .scroll{overflow-x:auto}
            .legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.8rem;color:#52606d;margin:.3rem 0}
            .legend span{white-space:nowrap}
            .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin:0 .3rem 0 .1rem;vertical-align:-1px}
            .sym{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:-1px}
            ul.worse{margin:.3rem 0;padding-left:1.2rem}
            details summary{cursor:pointer;color:#364fc7;margin:.4rem 0}
            a{color:#364fc7}
            """;

    private HtmlPage() {}

    /** A complete page: {@code body} is already escaped HTML. */
    public static String of(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + Html.esc(title) + "</title><style>" + CSS + "</style></head><body><main>\n"
                + body + "</main></body></html>\n";
    }
}
